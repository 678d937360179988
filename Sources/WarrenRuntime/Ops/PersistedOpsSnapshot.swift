/// Everything needed to rebuild a session's ops registry after a restart (persistence-spec §5.3).
public struct PersistedOpsSnapshot: Hashable, Sendable {
    /// The epoch the snapshot belongs to; recovery keeps it.
    public var epochID: EpochID
    /// The registry's bookkeeping.
    public var authorityState: OpsAuthorityState
    /// The spec of every operation the registry holds, by id.
    public var operationSpecs: [OperationID: OperationSpec]
    /// The whole completion feed buffer, oldest first (it may hold entries of evicted operations).
    public var completionEntries: [CompletionEntry]
    /// The consumers' feed cursors at capture time.
    public var cursors: OpsCursors

    /// Creates a snapshot.
    public init(
        epochID: EpochID,
        authorityState: OpsAuthorityState,
        operationSpecs: [OperationID: OperationSpec],
        completionEntries: [CompletionEntry],
        cursors: OpsCursors
    ) {
        self.epochID = epochID
        self.authorityState = authorityState
        self.operationSpecs = operationSpecs
        self.completionEntries = completionEntries
        self.cursors = cursors
    }
}
