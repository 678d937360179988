/// The number of stagings after which a failing input is abandoned (input-spec §2.2).
public let maxStageAttempts: UInt32 = 3

/// The ledger record of one input: its lifecycle state machine plus what the runtime needs to rebuild it.
public struct InputState: Hashable, Sendable, Codable {
    /// The input's id.
    public let inputID: InputID
    /// The current lifecycle state (changed only through ``apply(_:at:)``).
    public private(set) var state: InputLifecycleState
    /// How it ended, once terminal.
    public private(set) var terminalOutcome: InputTerminalOutcome?
    /// The run it was last staged into.
    public private(set) var lastRunID: RunID?
    /// The boundary sequence of the receipt that applied it.
    public private(set) var lastBoundarySequence: UInt64?
    /// How many times it has been staged (persisted, so the retry budget spans restarts).
    public private(set) var attemptCount: UInt32
    /// Every transition, oldest first.
    public private(set) var history: [InputStateHistoryEntry]
    /// When it was accepted.
    public let createdAt: Timestamp
    /// When it last changed.
    public private(set) var updatedAt: Timestamp
    /// The policy resolved at admission.
    public var policy: PolicyDecision?
    /// Its durability.
    public var durability: InputDurability?
    /// Its idempotency key.
    public var idempotencyKey: String?
    /// The payload, kept to rebuild queues after recovery.
    public var persistedInput: Input?

    /// A new record in `accepted`.
    public init(acceptedID: InputID, at time: Timestamp = .now()) {
        inputID = acceptedID
        state = .accepted
        attemptCount = 0
        history = []
        createdAt = time
        updatedAt = time
    }

    /// Applies one event, or throws and changes nothing.
    public mutating func apply(_ event: InputLifecycleEvent, at time: Timestamp = .now()) throws(InputLifecycleError) {
        let from = state
        let to = try Self.target(of: event, from: from, attempts: attemptCount, lastRunID: lastRunID)
        switch event {
        case .stageForRun(let run):
            lastRunID = run
            attemptCount += 1
        case .markAppliedPendingConsumption(let sequence):
            lastBoundarySequence = sequence
        default: break
        }
        switch to {
        case .consumed: terminalOutcome = .consumed
        case .superseded: if case .supersede(let by) = event { terminalOutcome = .superseded(by: by) }
        case .coalesced: if case .coalesce(let into) = event { terminalOutcome = .coalesced(into: into) }
        case .abandoned:
            if case .abandon(let reason) = event { terminalOutcome = .abandoned(reason) }
            if case .rollbackStaged = event {
                terminalOutcome = .abandoned(.maxAttemptsExhausted(attempts: attemptCount))
            }
        default: break
        }
        state = to
        record(from: from, to: to, reason: event.description, at: time)
    }

    /// Whether `event` would be accepted, without changing anything.
    public func canApply(_ event: InputLifecycleEvent) -> Bool {
        (try? Self.target(of: event, from: state, attempts: attemptCount, lastRunID: lastRunID)) != nil
    }

    /// The transition table; throws for every pair it does not list.
    static func target(
        of event: InputLifecycleEvent,
        from: InputLifecycleState,
        attempts: UInt32,
        lastRunID: RunID?
    ) throws(InputLifecycleError) -> InputLifecycleState {
        if from.isTerminal { throw .terminalState(from) }
        switch (from, event) {
        case (.accepted, .queueAccepted): return .queued
        case (.accepted, .consumeOnAccept): return .consumed
        case (.queued, .stageForRun): return .staged
        case (.queued, .supersede): return .superseded
        case (.queued, .coalesce): return .coalesced
        case (.staged, .rollbackStaged): return attempts < maxStageAttempts ? .queued : .abandoned
        case (.staged, .markApplied(let run)):
            guard run == lastRunID else { throw .guardFailed(from: from, guard: "matches_last_run") }
            return .applied
        case (.applied, .markAppliedPendingConsumption): return .appliedPendingConsumption
        case (.appliedPendingConsumption, .consume): return .consumed
        case (_, .abandon): return .abandoned
        default: throw .invalidTransition(from: from, event: event.description)
        }
    }

    private mutating func record(from: InputLifecycleState, to: InputLifecycleState, reason: String, at time: Timestamp)
    {
        history.append(InputStateHistoryEntry(timestamp: time, from: from, to: to, reason: reason))
        updatedAt = time
    }

    /// Sets a state directly, bypassing the table: recovery normalisation and decoding only.
    public mutating func restore(
        state: InputLifecycleState,
        outcome: InputTerminalOutcome?,
        reason: String? = nil,
        at time: Timestamp = .now()
    ) {
        let from = self.state
        self.state = state
        terminalOutcome = outcome
        if let reason { record(from: from, to: state, reason: reason, at: time) }
    }

    /// Restores every machine-owned field from a stored record.
    public static func restored(
        inputID: InputID,
        state: InputLifecycleState,
        terminalOutcome: InputTerminalOutcome?,
        lastRunID: RunID?,
        lastBoundarySequence: UInt64?,
        attemptCount: UInt32,
        history: [InputStateHistoryEntry],
        createdAt: Timestamp,
        updatedAt: Timestamp
    ) -> InputState {
        var record = InputState(acceptedID: inputID, at: createdAt)
        record.state = state
        record.terminalOutcome = terminalOutcome
        record.lastRunID = lastRunID
        record.lastBoundarySequence = lastBoundarySequence
        record.attemptCount = attemptCount
        record.history = history
        record.updatedAt = updatedAt
        return record
    }

    /// Stamps the run and boundary sequence of a committed receipt without a transition.
    public mutating func stampReceipt(runID: RunID, sequence: UInt64) {
        lastRunID = runID
        lastBoundarySequence = sequence
    }
}
