/// What a completed operation produced (the reference's `ops::OperationResult`).
public struct OperationResult: Hashable, Sendable {
    /// The operation that produced the result.
    public var operationID: OperationID
    /// The result text handed back to the agent.
    public var content: String
    /// Whether `content` describes an error the operation reported as its result.
    public var isError: Bool
    /// How long the operation ran, in milliseconds, as reported by its producer.
    public var durationMilliseconds: UInt64
    /// Model tokens the operation used, as reported by its producer.
    public var tokensUsed: UInt64

    /// Creates a result.
    public init(
        operationID: OperationID,
        content: String,
        isError: Bool = false,
        durationMilliseconds: UInt64 = 0,
        tokensUsed: UInt64 = 0
    ) {
        self.operationID = operationID
        self.content = content
        self.isError = isError
        self.durationMilliseconds = durationMilliseconds
        self.tokensUsed = tokensUsed
    }
}
