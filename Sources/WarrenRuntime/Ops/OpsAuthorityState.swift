/// The registry's persisted bookkeeping (the reference's `RegistryCanonicalState`).
public struct OpsAuthorityState: Hashable, Sendable {
    /// Every operation the registry holds, by id.
    public var operations: [OperationID: OperationCanonicalState]
    /// Terminal operations, oldest first; eviction and `collectCompleted` read it.
    public var completedOrder: [OperationID]
    /// How many terminal operations the registry retains before evicting the oldest.
    public var maxCompleted: Int
    /// How many non-terminal operations may exist at once; `nil` means unlimited.
    public var maxConcurrent: Int?
    /// How many operations are non-terminal.
    public var activeCount: Int
    /// The pending `waitAll` request, if any.
    public var waitRequestID: WaitRequestID?
    /// The operations the pending `waitAll` waits for.
    public var waitOperationIDs: [OperationID]
    /// The last completion sequence assigned; the next terminal transition gets this plus one.
    public var nextCompletionSeq: UInt64

    /// Creates an authority state.
    public init(
        operations: [OperationID: OperationCanonicalState] = [:],
        completedOrder: [OperationID] = [],
        maxCompleted: Int = OpsLifecycleRegistry.defaultMaxCompleted,
        maxConcurrent: Int? = nil,
        activeCount: Int = 0,
        waitRequestID: WaitRequestID? = nil,
        waitOperationIDs: [OperationID] = [],
        nextCompletionSeq: UInt64 = 0
    ) {
        self.operations = operations
        self.completedOrder = completedOrder
        self.maxCompleted = maxCompleted
        self.maxConcurrent = maxConcurrent
        self.activeCount = activeCount
        self.waitRequestID = waitRequestID
        self.waitOperationIDs = waitOperationIDs
        self.nextCompletionSeq = nextCompletionSeq
    }
}
