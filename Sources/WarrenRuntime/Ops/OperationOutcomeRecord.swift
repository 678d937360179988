/// One terminal operation and how it ended, as `collectCompleted` and `waitAll` return them.
public struct OperationOutcomeRecord: Hashable, Sendable {
    /// The operation.
    public var operationID: OperationID
    /// How it ended.
    public var outcome: OperationTerminalOutcome

    /// Creates a record.
    public init(operationID: OperationID, outcome: OperationTerminalOutcome) {
        self.operationID = operationID
        self.outcome = outcome
    }
}
