import Testing
import WarrenStore

@testable import WarrenRuntime

/// Concurrent admissions to one session share one commit (D94), and a refused one fails alone.
@Suite("Shared admission commits")
struct SharedAdmissionCommitTests {
    /// A session on a SQLite store whose writer is held, with one admission (the leader's) stuck behind
    /// it and `operations` started and queued behind the leader; returns once they are all queued.
    private static func queueBehindHeldWriter<Value: Sendable>(
        _ operations: [@Sendable () async throws -> Value],
        adapter: RuntimeSessionAdapter,
        session: SessionID,
        store: SQLiteStore
    ) async throws -> (WriterBlock, Task<AcceptOutcome, any Error>, [Task<Value, any Error>]) {
        let writer = await WriterBlock.hold(store)
        let leader = Task { try await adapter.acceptInput(session, prompt("leader")) }
        try await waitUntil("the leader's commit to reach the held writer") { store.pendingWrites.writing == 1 }
        let followers = operations.map { operation in Task { try await operation() } }
        let deadline = ContinuousClock.now.advanced(by: .seconds(10))
        while await adapter.waitingAdmissions(session) < operations.count, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(1))
        }
        #expect(await adapter.waitingAdmissions(session) == operations.count)
        return (writer, leader, followers)
    }

    /// ``queueBehindHeldWriter(_:adapter:session:store:)`` for admissions of `inputs`; the leader's task first.
    private static func queueBehindHeldWriter(
        _ inputs: [Input],
        adapter: RuntimeSessionAdapter,
        session: SessionID,
        store: SQLiteStore
    ) async throws -> (WriterBlock, [Task<AcceptOutcome, any Error>]) {
        let operations = inputs.map { input in { @Sendable in try await adapter.acceptInput(session, input) } }
        let (writer, leader, followers) = try await queueBehindHeldWriter(
            operations,
            adapter: adapter,
            session: session,
            store: store
        )
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

    @Test("publications queued behind a commit share the next one with admissions; each gets its own events (D121)")
    func publicationsShareOneCommit() async throws {
        let (directory, store, adapter, session) = try await Self.registeredSession()
        defer { directory.remove() }
        let before = store.statistics.committedWrites
        let runtime = session.runtimeID
        var operations = (0..<6).map { index in
            { @Sendable () async throws -> RuntimeEventEnvelope? in
                try await adapter.publishEvent(runtime, code: "code \(index)", payload: [UInt8(index)])
            }
        }
        operations.append { @Sendable () async throws -> RuntimeEventEnvelope? in
            guard case .accepted = try await adapter.acceptInput(session, prompt("among the publications")) else {
                throw RuntimeDriverError.internal("not accepted")
            }
            return nil
        }
        let (writer, leader, followers) = try await Self.queueBehindHeldWriter(
            operations,
            adapter: adapter,
            session: session,
            store: store
        )
        writer.open()
        guard case .accepted = try await leader.value else {
            Issue.record("the leader's admission was not accepted")
            return
        }
        var positions: [UInt64] = []
        for (index, task) in followers.enumerated() {
            guard let envelope = try await task.value else { continue }
            guard case .published(let code, let payload, _, _) = envelope.event else {
                Issue.record("publication \(index) got \(envelope.event)")
                continue
            }
            #expect(code == "code \(index)" && payload == [UInt8(index)])
            positions.append(envelope.position)
        }
        #expect(
            store.statistics.committedWrites - before == 2,
            "the leader's transaction, then one for the other seven"
        )
        #expect(Set(positions).count == 6)
        #expect(try await adapter.listActiveInputs(session).count == 2)
        try store.close()
    }
}
