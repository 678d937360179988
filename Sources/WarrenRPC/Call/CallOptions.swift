/// Per-call settings a client chooses.
public struct CallOptions: Hashable, Sendable {
    /// The deadline, sent as `timeout_ms` and also enforced locally; nil for none.
    public var timeout: Duration?
    /// Extra request metadata (keys lower-case); merged over the client's default metadata.
    public var metadata: [String: String]
    /// Whether to deflate this call's request messages (only when the server supports it); nil uses the
    /// client's default.
    public var compression: Bool?

    /// Creates options.
    public init(timeout: Duration? = nil, metadata: [String: String] = [:], compression: Bool? = nil) {
        self.timeout = timeout
        self.metadata = metadata
        self.compression = compression
    }
}
