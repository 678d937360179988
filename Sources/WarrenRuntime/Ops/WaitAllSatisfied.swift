/// The barrier token: which wait request was satisfied and over which operations.
public struct WaitAllSatisfied: Hashable, Sendable {
    /// The wait request the registry minted for the call.
    public var waitRequestID: WaitRequestID
    /// The operations found terminal, in the order they were named.
    public var operationIDs: [OperationID]

    /// Creates a token.
    public init(waitRequestID: WaitRequestID, operationIDs: [OperationID]) {
        self.waitRequestID = waitRequestID
        self.operationIDs = operationIDs
    }
}
