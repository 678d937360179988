/// Everything the registry holds for one operation: the persisted canonical state plus the live shell
/// (watches, peer handle, clocks) that recovery rebuilds fresh.
struct OperationRecord {
    var spec: OperationSpec
    var canonical: OperationCanonicalState
    var peerHandle: OperationPeerHandle?
    var watches: [OperationCompletionWatch] = []
    let createdAt: Timestamp
    // Elapsed time comes from the monotonic clock so wall-clock steps cannot make it negative.
    let createdInstant: ContinuousClock.Instant
    var startedInstant: ContinuousClock.Instant?
    var completedInstant: ContinuousClock.Instant?

    init(spec: OperationSpec, canonical: OperationCanonicalState) {
        self.spec = spec
        self.canonical = canonical
        createdAt = .now()
        createdInstant = .now
    }

    /// The wall time of a monotonic instant, anchored at creation so the times never run backwards.
    func wallTime(at instant: ContinuousClock.Instant) -> Timestamp {
        Timestamp(unixNanos: createdAt.unixNanos + (instant - createdInstant).nanoseconds)
    }

    var snapshot: OperationLifecycleSnapshot {
        OperationLifecycleSnapshot(
            id: spec.id,
            kind: canonical.kind,
            displayName: spec.displayName,
            status: canonical.status,
            peerReady: canonical.peerReady,
            progressCount: canonical.progressCount,
            watcherCount: UInt32(clamping: watches.count),
            terminalOutcome: canonical.terminalOutcome,
            childSessionID: spec.childSessionID,
            peerHandle: peerHandle,
            createdAt: createdAt,
            startedAt: startedInstant.map(wallTime(at:)),
            completedAt: completedInstant.map(wallTime(at:)),
            elapsed: completedInstant.map { $0 - createdInstant }
        )
    }
}

extension Duration {
    fileprivate var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
