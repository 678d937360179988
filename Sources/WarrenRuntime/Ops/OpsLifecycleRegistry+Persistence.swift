import Synchronization

extension OpsLifecycleRegistry {
    /// Rebuilds a registry from a persisted snapshot (persistence-spec §5.4): same epoch and cursors;
    /// terminal operations, their order, the limits, the completion sequence and the feed survive;
    /// non-terminal operations and any pending wait are forgotten without a terminal outcome.
    public convenience init(
        recoveringFrom snapshot: PersistedOpsSnapshot,
        onBackgroundCompletion: (@Sendable () -> Void)? = nil,
        onSnapshot: (@Sendable (PersistedOpsSnapshot) -> Void)? = nil
    ) {
        var recovered = OpsRegistryState(recovering: snapshot)
        recovered.onBackgroundCompletion = onBackgroundCompletion
        recovered.onSnapshot = onSnapshot
        self.init(recovered)
    }

    /// Captures everything a later `init(recoveringFrom:)` needs, consistent as of one instant.
    public func snapshot() -> PersistedOpsSnapshot {
        state.withLock { $0.persistedSnapshot() }
    }
}
