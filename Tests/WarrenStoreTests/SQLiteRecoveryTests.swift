import Testing
import WarrenRuntime
import WarrenStore

/// A real adapter on a SQLite file, closed and reopened: recovery per persistence-spec §4.
@Suite("SQLite recovery")
struct SQLiteRecoveryTests {
    @Test("after reopening, finished work stays finished, queued work comes back, and positions continue")
    func adapterRecoversFromFile() async throws {
        let directory = try TemporaryDirectory()
        let busy = SessionID.make()
        let idle = SessionID.make()
        let store = try SQLiteStore.open(directory: directory.path)
        let adapter = try await RuntimeSessionAdapter.persistent(store: store)
        let first = RecordingExecutor()
        try await adapter.ensureSessionWithExecutor(busy, executor: first)
        let done = try #require(try await adapter.acceptInputWithCompletion(busy, prompt("done")).1)
        #expect(try await done.wait() == .completed(RunResult(text: "done")))
        try await adapter.registerSession(idle)
        guard case .accepted(let waitingID, _, _) = try await adapter.acceptInput(idle, prompt("waiting", key: "k"))
        else {
            Issue.record("not accepted")
            return
        }
        let headBefore = store.statistics.headPosition
        try store.close()

        let reopened = try SQLiteStore.open(directory: directory.path)
        #expect(try await reopened.runtimeIDs() == [busy.runtimeID, idle.runtimeID].sorted())
        let restarted = try await RuntimeSessionAdapter.persistent(store: reopened)
        for runtimeID in try await reopened.runtimeIDs() {
            try await restarted.registerSession(#require(runtimeID.sessionID))
        }
        let second = RecordingExecutor()
        try await restarted.ensureSessionWithExecutor(busy, executor: second)
        #expect(try await restarted.inputState(busy, done.inputID)?.state == .consumed)
        #expect(try await restarted.listActiveInputs(busy).isEmpty)
        #expect(try await restarted.awaitCompletion(busy, inputID: done.inputID).outcome == .completedWithoutResult)

        #expect(try await restarted.listActiveInputs(idle) == [waitingID])
        let duplicate = try await restarted.acceptInput(idle, prompt("again", key: "k"))
        guard case .deduplicated(_, let existing) = duplicate else {
            Issue.record("the idempotency key was forgotten: \(duplicate)")
            return
        }
        #expect(existing == waitingID)
        try await restarted.ensureSessionWithExecutor(idle, executor: second)
        let waiting = try await restarted.awaitCompletion(idle, inputID: waitingID)
        #expect(try await waiting.wait() == .completed(RunResult(text: "waiting")))
        #expect(first.ranInputs == [done.inputID])
        #expect(second.ranInputs == [waitingID])

        let log = try await allEvents(reopened)
        #expect(log.head > headBefore)
        #expect(log.events.map(\.position) == Array(1...log.head))
        try reopened.close()
    }

    @Test("a queued row whose committed receipt names it is consumed on recovery, never replayed")
    func receiptBackedRowIsNotReplayed() async throws {
        let directory = try TemporaryDirectory()
        let session = SessionID.make()
        let run = RunID.make()
        let input = prompt("already applied")
        var state = InputState(acceptedID: input.id)
        state.persistedInput = input
        state.durability = .durable
        try state.apply(.queueAccepted)
        state.stampReceipt(runID: run, sequence: 0)
        let store = try SQLiteStore.open(directory: directory.path)
        // The crash window after the boundary commit and before the run completed (persistence-spec §3.3).
        _ = try await store.commit(
            StoreTransaction(
                runtimeID: session.runtimeID,
                inputStates: [state],
                runtimeState: .idle,
                receipt: RunBoundaryReceipt(runID: run, boundary: .runStart, contributingInputIDs: [input.id])
            )
        )
        try store.close()

        let reopened = try SQLiteStore.open(directory: directory.path)
        let adapter = try await RuntimeSessionAdapter.persistent(store: reopened)
        let executor = RecordingExecutor()
        try await adapter.ensureSessionWithExecutor(session, executor: executor)
        #expect(try await adapter.inputState(session, input.id)?.state == .consumed)
        #expect(try await adapter.listActiveInputs(session).isEmpty)
        #expect(try await reopened.loadInputStates(session.runtimeID).map(\.state) == [.consumed])
        #expect(executor.ranInputs.isEmpty)
        try reopened.close()
    }
}
