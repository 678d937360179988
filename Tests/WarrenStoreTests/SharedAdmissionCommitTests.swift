import Testing
import WarrenStore

@testable import WarrenRuntime

/// Concurrent admissions to one session share one commit (D94), and a refused one fails alone.
@Suite("Shared admission commits")
struct SharedAdmissionCommitTests {
    /// A session on a SQLite store whose writer is held, with one admission (the leader's) stuck behind
    /// it and `queued` more queued behind the leader; returns once they are all queued.
    private static func queueBehindHeldWriter(
        _ inputs: [Input],
        adapter: RuntimeSessionAdapter,
        session: SessionID,
        store: SQLiteStore
    ) async throws -> (WriterBlock, [Task<AcceptOutcome, any Error>]) {
        let writer = await WriterBlock.hold(store)
        let leader = Task { try await adapter.acceptInput(session, prompt("leader")) }
        try await waitUntil("the leader's commit to reach the held writer") { store.pendingWrites.writing == 1 }
        let followers = inputs.map { input in Task { try await adapter.acceptInput(session, input) } }
        let deadline = ContinuousClock.now.advanced(by: .seconds(10))
        while await adapter.waitingAdmissions(session) < inputs.count, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(1))
        }
        #expect(await adapter.waitingAdmissions(session) == inputs.count)
        return (writer, [leader] + followers)
    }

    /// A registered session on a fresh SQLite store.
    private static func registeredSession() async throws
        -> (TemporaryDirectory, SQLiteStore, RuntimeSessionAdapter, SessionID)
    {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore.open(directory: directory.path)
        let adapter = try await RuntimeSessionAdapter.persistent(store: store)
        let session = SessionID.make()
        try await adapter.registerSession(session)
        return (directory, store, adapter, session)
    }

    @Test("admissions queued behind a commit in flight are committed together, in one transaction")
    func queuedAdmissionsShareOneCommit() async throws {
        let (directory, store, adapter, session) = try await Self.registeredSession()
        defer { directory.remove() }
        let before = store.statistics.committedWrites

        let inputs = (0..<20).map { prompt("follower \($0)") }
        let (writer, tasks) = try await Self.queueBehindHeldWriter(
            inputs,
            adapter: adapter,
            session: session,
            store: store
        )
        writer.open()
        for task in tasks {
            guard case .accepted = try await task.value else { Issue.record("an admission was not accepted"); continue }
        }
        #expect(store.statistics.committedWrites - before == 2, "the leader's transaction, then one for all 20")
        #expect(try await adapter.listActiveInputs(session).count == 21)
        try store.close()
    }

    @Test("an admission refused inside a shared commit fails alone; the others commit")
    func refusalFailsAlone() async throws {
        let (directory, store, adapter, session) = try await Self.registeredSession()
        defer { directory.remove() }

        let reused = InputID.make()
        let inputs = [
            Input.prompt(PromptInput(header: InputHeader(id: reused), text: "first")),
            Input.prompt(PromptInput(header: InputHeader(id: reused), text: "same id again")),
            prompt("third"),
        ]
        let (writer, tasks) = try await Self.queueBehindHeldWriter(
            inputs,
            adapter: adapter,
            session: session,
            store: store
        )
        writer.open()
        var refusals: [String] = []
        var accepted = 0
        for task in tasks {
            do {
                if case .accepted = try await task.value { accepted += 1 }
            } catch let error as RuntimeDriverError {
                refusals.append(error.description)
            }
        }
        #expect(accepted == 3)
        #expect(refusals == ["Input validation failed: input \(reused) was already admitted"])
        #expect(try await adapter.inputState(session, reused)?.persistedInput == inputs[0])
        try store.close()
    }
}
