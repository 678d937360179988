import Testing
import WarrenRuntime

/// The per-input state machine (input-spec §2.2; the reference's input_lifecycle_authority tests).
@Suite("Input lifecycle")
struct InputLifecycleTests {
    static let run = RunID.make()

    static func state(in target: InputLifecycleState) throws -> InputState {
        var record = InputState(acceptedID: .make())
        let path: [InputLifecycleEvent]
        switch target {
        case .accepted: path = []
        case .queued: path = [.queueAccepted]
        case .staged: path = [.queueAccepted, .stageForRun(run)]
        case .applied: path = [.queueAccepted, .stageForRun(run), .markApplied(run)]
        case .appliedPendingConsumption:
            path = [
                .queueAccepted, .stageForRun(run), .markApplied(run),
                .markAppliedPendingConsumption(boundarySequence: 0),
            ]
        case .consumed: path = [.consumeOnAccept]
        case .superseded: path = [.queueAccepted, .supersede(by: .make())]
        case .coalesced: path = [.queueAccepted, .coalesce(into: .make())]
        case .abandoned: path = [.abandon(.reset)]
        }
        for event in path { try record.apply(event) }
        return record
    }

    @Test("the happy path records one history entry per step and ends consumed")
    func fullHappyPathHistory() throws {
        var record = try Self.state(in: .appliedPendingConsumption)
        try record.apply(.consume)
        #expect(record.state == .consumed)
        #expect(record.terminalOutcome == .consumed)
        #expect(record.history.map(\.to) == [.queued, .staged, .applied, .appliedPendingConsumption, .consumed])
        #expect(record.history[1].reason.hasPrefix("StageForRun"))
        #expect(record.lastRunID == Self.run)
        #expect(record.lastBoundarySequence == 0)
    }

    @Test(
        "abandon is legal from every non-terminal state",
        arguments: InputLifecycleState.allCases.filter { !$0.isTerminal }
    )
    func abandonFromNonTerminal(state: InputLifecycleState) throws {
        var record = try Self.state(in: state)
        try record.apply(.abandon(.destroyed))
        #expect(record.state == .abandoned)
        #expect(record.terminalOutcome == .abandoned(.destroyed))
    }

    @Test(
        "terminal states reject every event and change nothing",
        arguments: InputLifecycleState.allCases.filter(\.isTerminal)
    )
    func terminalRejectsAll(state: InputLifecycleState) throws {
        var record = try Self.state(in: state)
        let before = record
        for event: InputLifecycleEvent in [
            .queueAccepted, .consume, .abandon(.reset), .rollbackStaged, .stageForRun(.make()),
        ] {
            #expect(throws: InputLifecycleError.terminalState(state)) { try record.apply(event) }
        }
        #expect(record == before)
    }

    @Test("no shortcut transitions exist")
    func shortcutsAreInvalid() throws {
        let cases: [(InputLifecycleState, InputLifecycleEvent)] = [
            (.accepted, .stageForRun(.make())), (.queued, .markApplied(Self.run)), (.queued, .consume),
            (.accepted, .supersede(by: .make())), (.accepted, .coalesce(into: .make())), (.queued, .consumeOnAccept),
            (.appliedPendingConsumption, .rollbackStaged),
        ]
        for (state, event) in cases {
            var record = try Self.state(in: state)
            let before = record
            #expect(throws: InputLifecycleError.self) { try record.apply(event) }
            #expect(record == before, "a rejected \(event) from \(state) changed the record")
        }
    }

    @Test("mark applied with another run id fails its guard")
    func markAppliedRejectsWrongRun() throws {
        var record = try Self.state(in: .staged)
        #expect(throws: InputLifecycleError.guardFailed(from: .staged, guard: "matches_last_run")) {
            try record.apply(.markApplied(.make()))
        }
        #expect(record.state == .staged)
    }

    @Test("the third staging that rolls back abandons the input")
    func retryBudget() throws {
        var record = try Self.state(in: .queued)
        for attempt in 1...3 {
            try record.apply(.stageForRun(.make()))
            try record.apply(.rollbackStaged)
            #expect(record.attemptCount == UInt32(attempt))
        }
        #expect(record.state == .abandoned)
        #expect(record.terminalOutcome == .abandoned(.maxAttemptsExhausted(attempts: 3)))
    }

    @Test("a restored attempt count keeps the retry budget across restarts")
    func restorePreservesAttemptCount() throws {
        let stored = try Self.state(in: .queued)
        var record = InputState.restored(
            inputID: stored.inputID,
            state: .queued,
            terminalOutcome: nil,
            lastRunID: nil,
            lastBoundarySequence: nil,
            attemptCount: 2,
            history: stored.history,
            createdAt: stored.createdAt,
            updatedAt: stored.updatedAt
        )
        try record.apply(.stageForRun(.make()))
        try record.apply(.rollbackStaged)
        #expect(record.state == .abandoned)
    }

    @Test("canApply probes without changing anything")
    func canApplyDoesNotMutate() throws {
        let record = try Self.state(in: .queued)
        #expect(record.canApply(.stageForRun(.make())))
        #expect(!record.canApply(.consume))
        #expect(record.state == .queued)
        #expect(record.history.count == 1)
    }
}

/// History entries carry the time of their transition.
@Suite("Input history")
struct InputHistoryTests {
    @Test("history entries record timestamps within the call and the state's updated-at follows them")
    func historyRecordsTimestamps() throws {
        let before = Timestamp.now()
        var record = InputState(acceptedID: .make())
        try record.apply(.queueAccepted)
        try record.apply(.abandon(.reset))
        let after = Timestamp.now()
        #expect(record.history.count == 2)
        for entry in record.history { #expect(before <= entry.timestamp && entry.timestamp <= after) }
        #expect(record.updatedAt == record.history.last?.timestamp)
        #expect(record.history.map(\.reason) == ["QueueAccepted", "Abandon { reason: Reset }"])
    }
}

/// Supersession and coalescing name the input that replaced the old one.
@Suite("Input replacement outcomes")
struct InputReplacementOutcomeTests {
    @Test("supersede and coalesce record the new input's id as the terminal outcome")
    func replacementOutcomesCarryTheNewID() throws {
        let newer = InputID.make()
        var superseded = InputState(acceptedID: .make())
        try superseded.apply(.queueAccepted)
        try superseded.apply(.supersede(by: newer))
        #expect(superseded.terminalOutcome == .superseded(by: newer))
        var coalesced = InputState(acceptedID: .make())
        try coalesced.apply(.queueAccepted)
        try coalesced.apply(.coalesce(into: newer))
        #expect(coalesced.terminalOutcome == .coalesced(into: newer))
    }
}
