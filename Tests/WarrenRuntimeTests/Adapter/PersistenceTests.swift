import Testing
import WarrenRuntime
import WarrenStore

/// Durability with the memory store: durable before ack, atomic boundary commits, recovery (persistence-spec §7).
@Suite("Persistence")
struct PersistenceTests {
    @Test("a failed store write leaves no trace and the same input can be accepted again")
    func durableAcceptFailureRestoresState() async throws {
        let store = MemoryStore()
        let adapter = try await RuntimeSessionAdapter.persistent(store: store)
        let session = SessionID.make()
        try await adapter.registerSession(session)
        store.injectFailure { _ in "disk full" }
        let input = prompt("retry me")
        await #expect(throws: RuntimeDriverError.self) { try await adapter.acceptInput(session, input) }
        #expect(try await adapter.listActiveInputs(session).isEmpty)
        #expect(try await adapter.inputState(session, input.id) == nil)
        #expect(try await store.loadInputStates(session.runtimeID).isEmpty)
        store.clearFailures()
        guard case .accepted = try await adapter.acceptInput(session, input) else {
            Issue.record("retry refused"); return
        }
    }

    @Test("a restarted adapter recovers queued work, runs it once, and keeps dedup keys")
    func recoverFromStore() async throws {
        let store = MemoryStore()
        let session = SessionID.make()
        let first = try await RuntimeSessionAdapter.persistent(store: store)
        try await first.registerSession(session)
        guard case .accepted(let id, _, _) = try await first.acceptInput(session, prompt("survives", key: "k")) else {
            Issue.record("not accepted")
            return
        }
        let restarted = try await RuntimeSessionAdapter.persistent(store: store)
        try await restarted.registerSession(session)
        #expect(try await restarted.listActiveInputs(session) == [id])
        let duplicate = try await restarted.acceptInput(session, prompt("again", key: "k"))
        #expect(duplicate == .deduplicated(inputID: duplicate.deduplicatedID!, existingID: id))
        let executor = ScriptedExecutor()
        try await restarted.ensureSessionWithExecutor(session, executor: executor)
        let handle = try await restarted.awaitCompletion(session, inputID: id)
        #expect(try await handle.wait() == .completed(RunResult(text: "survives")))
        #expect(executor.applyCount == 1)
    }

    @Test("ephemeral inputs are not recovered")
    func recoverFiltersEphemeralInputs() async throws {
        let store = MemoryStore()
        let session = SessionID.make()
        let first = try await RuntimeSessionAdapter.persistent(store: store)
        try await first.registerSession(session)
        _ = try await first.acceptInput(session, prompt(durability: .ephemeral))
        let restarted = try await RuntimeSessionAdapter.persistent(store: store)
        try await restarted.registerSession(session)
        #expect(try await restarted.listActiveInputs(session).isEmpty)
    }

    @Test("an input named by a committed receipt is consumed on recovery, never replayed")
    func committedReceiptIsNeverReplayed() async throws {
        let store = MemoryStore()
        let session = SessionID.make()
        let first = try await RuntimeSessionAdapter.persistent(store: store)
        let executor = ScriptedExecutor()
        try await first.ensureSessionWithExecutor(session, executor: executor)
        let (_, handle) = try await first.acceptInputWithCompletion(session, prompt())
        _ = try await #require(handle).wait()
        let record = try #require(try await store.loadInputStates(session.runtimeID).first)
        #expect(record.state == .consumed)
        let receipt = try await store.loadBoundaryReceipt(
            session.runtimeID,
            runID: #require(record.lastRunID),
            sequence: 0
        )
        #expect(receipt?.contributingInputIDs == [record.inputID])
        let restarted = try await RuntimeSessionAdapter.persistent(store: store)
        let second = ScriptedExecutor()
        try await restarted.ensureSessionWithExecutor(session, executor: second)
        #expect(try await restarted.listActiveInputs(session).isEmpty)
        #expect(second.applyCount == 0)
    }

    @Test("retire is persisted and re-applied on recovery with its queue intact")
    func retirePersistsAcrossRecovery() async throws {
        let store = MemoryStore()
        let session = SessionID.make()
        let first = try await RuntimeSessionAdapter.persistent(store: store)
        try await first.ensureSessionWithExecutor(
            session,
            executor: ScriptedExecutor { _, _ in .failed(error: "x", recoverable: true) }
        )
        _ = try await first.retire(session.runtimeID)
        #expect(try await store.loadRuntimeState(session.runtimeID) == .retired)
        let restarted = try await RuntimeSessionAdapter.persistent(store: store)
        try await restarted.registerSession(session)
        #expect(try await restarted.runtimeState(session) == .retired)
        await #expect(throws: RuntimeDriverError.notReady(state: .retired)) {
            try await restarted.acceptInput(session, prompt())
        }
    }

    @Test("load boundary receipt returns exactly what was committed")
    func loadBoundaryReceiptReturnsStoredReceipt() async throws {
        let store = MemoryStore()
        let adapter = try await RuntimeSessionAdapter.persistent(store: store)
        let session = SessionID.make()
        let executor = ScriptedExecutor { assignment, _ in
            .completed(
                terminal: nil,
                receipt: RunBoundaryReceipt(
                    runID: assignment.runID,
                    boundary: assignment.boundary,
                    contributingInputIDs: assignment.contributingInputIDs,
                    conversationDigest: "abc",
                    messageCount: 3
                )
            )
        }
        try await adapter.ensureSessionWithExecutor(session, executor: executor)
        let (_, handle) = try await adapter.acceptInputWithCompletion(session, prompt())
        _ = try await #require(handle).wait()
        let run = try #require(executor.assignments.first?.runID)
        let loaded = try await adapter.loadBoundaryReceipt(session.runtimeID, runID: run, sequence: 0)
        #expect(loaded?.conversationDigest == "abc")
        #expect(loaded?.messageCount == 3)
        #expect(loaded?.contributingInputIDs == [handle!.inputID])
    }
}

extension AcceptOutcome {
    var deduplicatedID: InputID? {
        if case .deduplicated(let id, _) = self { return id }
        return nil
    }
}
