/// Everything a runtime reports: every state change emits one (runtime-spec §1, with Warren's additions).
public enum RuntimeEvent: Hashable, Sendable, Codable {
    case inputAccepted(inputID: InputID, kind: InputKind)
    /// Queued at admission, or re-queued after a failed run (then `requeuedFromRunID` is set).
    case inputQueued(inputID: InputID, requeuedFromRunID: RunID?, attemptCount: UInt32)
    case inputDeduplicated(inputID: InputID, existingID: InputID)
    case inputSuperseded(inputID: InputID, by: InputID)
    case inputCoalesced(inputID: InputID, into: InputID)
    case inputStaged(inputID: InputID, runID: RunID)
    case inputApplied(inputID: InputID, runID: RunID, boundarySequence: UInt64)
    case inputConsumed(inputID: InputID, runID: RunID?)
    case inputAbandoned(inputID: InputID, reason: InputAbandonReason)
    case runStarted(runID: RunID, inputIDs: [InputID], boundary: RunBoundary, executorName: String)
    case runCompleted(runID: RunID, consumedInputIDs: [InputID])
    case runFailed(runID: RunID, error: String, recoverable: Bool)
    case runCancelled(runID: RunID, reason: String)
    case runtimeStateChanged(from: RuntimeState, to: RuntimeState)
    case runtimeCreated
    case runtimeRetired(RetireReport)
    case runtimeRecycled(RecycleReport)
    case runtimeDestroyed(DestroyReport)
    case runtimeReset(ResetReport)
    case runtimeRecovered(RecoveryReport)
    case runtimeUnregistered
    case executorAttached(name: String)
    case executorDetached(name: String, reason: String)
    case boundaryCommitted(RunBoundaryReceipt)
    case commsDrainChanged(
        from: CommsDrainPhase,
        to: CommsDrainPhase,
        mode: CommsDrainMode?,
        exitReason: DrainExitReason?
    )
    /// An event a client published through `PublishEvent`.
    case published(code: String, payload: [UInt8], contentType: String, attributes: [String: String])

    /// The event's kind, for filters.
    public var kind: RuntimeEventKind {
        switch self {
        case .inputAccepted: .inputAccepted
        case .inputQueued: .inputQueued
        case .inputDeduplicated: .inputDeduplicated
        case .inputSuperseded: .inputSuperseded
        case .inputCoalesced: .inputCoalesced
        case .inputStaged: .inputStaged
        case .inputApplied: .inputApplied
        case .inputConsumed: .inputConsumed
        case .inputAbandoned: .inputAbandoned
        case .runStarted: .runStarted
        case .runCompleted: .runCompleted
        case .runFailed: .runFailed
        case .runCancelled: .runCancelled
        case .runtimeStateChanged: .runtimeStateChanged
        case .runtimeCreated: .runtimeCreated
        case .runtimeRetired: .runtimeRetired
        case .runtimeRecycled: .runtimeRecycled
        case .runtimeDestroyed: .runtimeDestroyed
        case .runtimeReset: .runtimeReset
        case .runtimeRecovered: .runtimeRecovered
        case .runtimeUnregistered: .runtimeUnregistered
        case .executorAttached: .executorAttached
        case .executorDetached: .executorDetached
        case .boundaryCommitted: .boundaryCommitted
        case .commsDrainChanged: .commsDrainChanged
        case .published: .published
        }
    }
}

/// The kind of a ``RuntimeEvent``, with its wire code (`input.accepted`, `run.started`, …).
public enum RuntimeEventKind: String, Hashable, Sendable, CaseIterable {
    case inputAccepted = "input.accepted"
    case inputQueued = "input.queued"
    case inputDeduplicated = "input.deduplicated"
    case inputSuperseded = "input.superseded"
    case inputCoalesced = "input.coalesced"
    case inputStaged = "input.staged"
    case inputApplied = "input.applied"
    case inputConsumed = "input.consumed"
    case inputAbandoned = "input.abandoned"
    case runStarted = "run.started"
    case runCompleted = "run.completed"
    case runFailed = "run.failed"
    case runCancelled = "run.cancelled"
    case runtimeStateChanged = "runtime.state_changed"
    case runtimeCreated = "topology.runtime_created"
    case runtimeRetired = "topology.runtime_retired"
    case runtimeRecycled = "topology.runtime_recycled"
    case runtimeDestroyed = "topology.runtime_destroyed"
    case runtimeReset = "topology.runtime_reset"
    case runtimeRecovered = "topology.runtime_recovered"
    case runtimeUnregistered = "topology.runtime_unregistered"
    case executorAttached = "topology.executor_attached"
    case executorDetached = "topology.executor_detached"
    case boundaryCommitted = "boundary.committed"
    case commsDrainChanged = "comms_drain.changed"
    case published = "published"
}

/// An event not yet given its place in the log: what a state change produces.
public struct PendingEvent: Hashable, Sendable {
    /// The event.
    public var event: RuntimeEvent
    /// The event or call that caused it.
    public var causationID: String?
    /// The correlation id of the input or call behind it.
    public var correlationID: String?

    /// Creates a pending event.
    public init(_ event: RuntimeEvent, causationID: String? = nil, correlationID: String? = nil) {
        self.event = event
        self.causationID = causationID
        self.correlationID = correlationID
    }
}
