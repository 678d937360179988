/// The nine states of an input's lifecycle (input-spec §2.1); the last four are terminal.
public enum InputLifecycleState: String, Hashable, Sendable, CaseIterable, Codable {
    case accepted
    case queued
    case staged
    case applied
    case appliedPendingConsumption = "applied_pending_consumption"
    case consumed
    case superseded
    case coalesced
    case abandoned

    /// Consumed, superseded, coalesced and abandoned accept no further event.
    public var isTerminal: Bool {
        switch self {
        case .consumed, .superseded, .coalesced, .abandoned: true
        default: false
        }
    }
}

/// Events of the per-input state machine (input-spec §2.2).
public enum InputLifecycleEvent: Hashable, Sendable, CustomStringConvertible {
    case queueAccepted
    case consumeOnAccept
    case stageForRun(RunID)
    case supersede(by: InputID)
    case coalesce(into: InputID)
    case rollbackStaged
    case markApplied(RunID)
    case markAppliedPendingConsumption(boundarySequence: UInt64)
    case consume
    case abandon(InputAbandonReason)

    public var description: String {
        switch self {
        case .queueAccepted: "QueueAccepted"
        case .consumeOnAccept: "ConsumeOnAccept"
        case .stageForRun(let run): "StageForRun { run_id: \(run) }"
        case .supersede(let by): "Supersede { superseded_by: \(by) }"
        case .coalesce(let into): "Coalesce { aggregate_id: \(into) }"
        case .rollbackStaged: "RollbackStaged"
        case .markApplied(let run): "MarkApplied { run_id: \(run) }"
        case .markAppliedPendingConsumption(let sequence):
            "MarkAppliedPendingConsumption { boundary_sequence: \(sequence) }"
        case .consume: "Consume"
        case .abandon(let reason): "Abandon { reason: \(reason) }"
        }
    }
}

/// Why an input was abandoned.
public enum InputAbandonReason: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The runtime retired with no loop to drain it.
    case retired
    /// The runtime was reset.
    case reset
    /// The runtime was destroyed or stopped.
    case destroyed
    /// Its run was cancelled (Warren: cancellation is its own outcome, never retried).
    case cancelled
    /// It was staged `attempts` times and every run failed.
    case maxAttemptsExhausted(attempts: UInt32)
    /// Its executor reported an unrecoverable failure (Warren: such a run is not retried).
    case failed

    public var description: String {
        switch self {
        case .retired: "Retired"
        case .reset: "Reset"
        case .destroyed: "Destroyed"
        case .cancelled: "Cancelled"
        case .maxAttemptsExhausted(let attempts): "MaxAttemptsExhausted { attempts: \(attempts) }"
        case .failed: "Failed"
        }
    }
}

/// How an input ended.
public enum InputTerminalOutcome: Hashable, Sendable, Codable {
    case consumed
    case superseded(by: InputID)
    case coalesced(into: InputID)
    case abandoned(InputAbandonReason)
}

/// Why the state machine refused an event; nothing changed.
public enum InputLifecycleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The input is already terminal.
    case terminalState(InputLifecycleState)
    /// The event is not legal from this state.
    case invalidTransition(from: InputLifecycleState, event: String)
    /// A guard failed (the run id does not match the staged run).
    case guardFailed(from: InputLifecycleState, guard: String)

    public var description: String {
        switch self {
        case .terminalState(let state): "input is in terminal state \(state.rawValue)"
        case .invalidTransition(let from, let event): "invalid input transition from \(from.rawValue) on \(event)"
        case .guardFailed(let from, let guardText): "guard failed in \(from.rawValue): \(guardText)"
        }
    }
}

/// One recorded transition.
public struct InputStateHistoryEntry: Hashable, Sendable, Codable {
    /// When it happened.
    public var timestamp: Timestamp
    /// The state before.
    public var from: InputLifecycleState
    /// The state after.
    public var to: InputLifecycleState
    /// The event or recovery step that caused it.
    public var reason: String
}
