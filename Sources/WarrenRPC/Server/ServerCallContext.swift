/// What a server handler knows about its call.
public struct ServerCallContext: Sendable {
    /// The method being called.
    public let method: MethodDescriptor
    /// The request metadata (keys lower-case).
    public let metadata: [String: String]
    /// When the call's `timeout_ms` runs out; nil for no deadline. The transport cancels the handler's task then.
    public let deadline: ContinuousClock.Instant?
    /// The peer's address, for logs.
    public let remoteAddress: String

    /// Creates a context.
    public init(
        method: MethodDescriptor,
        metadata: [String: String] = [:],
        deadline: ContinuousClock.Instant? = nil,
        remoteAddress: String = ""
    ) {
        self.method = method
        self.metadata = metadata
        self.deadline = deadline
        self.remoteAddress = remoteAddress
    }
}
