/// One terminal transition as the completion feed records it.
public struct CompletionEntry: Hashable, Sendable {
    /// The completion sequence, strictly increasing within an epoch.
    public var seq: UInt64
    /// The operation that ended.
    public var operationID: OperationID
    /// Its kind; the runtime loop wakes only for background tool ops.
    public var kind: OperationKind
    /// Its display name, kept so the entry outlives the operation's eviction.
    public var displayName: String
    /// How it ended.
    public var terminalOutcome: OperationTerminalOutcome
    /// When it ended.
    public var completedAt: Timestamp?

    /// Creates an entry.
    public init(
        seq: UInt64,
        operationID: OperationID,
        kind: OperationKind,
        displayName: String,
        terminalOutcome: OperationTerminalOutcome,
        completedAt: Timestamp?
    ) {
        self.seq = seq
        self.operationID = operationID
        self.kind = kind
        self.displayName = displayName
        self.terminalOutcome = terminalOutcome
        self.completedAt = completedAt
    }
}
