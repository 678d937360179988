import Testing
import WarrenRuntime
import WarrenStore

/// The reference's session_adapter.rs tests about registration, admission and queries.
@Suite("Adapter basics")
struct AdapterBasicsTests {
    @Test("ephemeral adapter: an accepted prompt stays queued and the runtime idle without a loop")
    func ephemeralAdapterAcceptAndQuery() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.registerSession(session)
        let outcome = try await adapter.acceptInput(session, prompt())
        guard case .accepted(let id, _, let state) = outcome else { Issue.record("not accepted: \(outcome)"); return }
        #expect(state.state == .queued)
        #expect(try await adapter.runtimeState(session) == .idle)
        #expect(try await adapter.listActiveInputs(session) == [id])
    }

    @Test("accept without wake keeps an idle runtime idle and the input active")
    func acceptInputWithoutWakeKeepsIdleRuntimeIdle() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        let executor = ScriptedExecutor()
        try await adapter.ensureSessionWithExecutor(session, executor: executor)
        let outcome = try await adapter.acceptInputWithoutWake(
            session,
            .peer(PeerInput(convention: .responseProgress(requestID: "r", phase: .accepted), body: "progress"))
        )
        guard case .accepted(let id, _, _) = outcome else { Issue.record("not accepted"); return }
        #expect(try await adapter.listActiveInputs(session) == [id])
        #expect(executor.applyCount == 0)
    }

    @Test("persistent adapter with a memory store accepts input durably before the ack")
    func persistentAdapterAccept() async throws {
        let store = MemoryStore()
        let adapter = try await RuntimeSessionAdapter.persistent(store: store)
        let session = SessionID.make()
        try await adapter.registerSession(session)
        let outcome = try await adapter.acceptInput(session, prompt("durable"))
        guard case .accepted(let id, _, _) = outcome else { Issue.record("not accepted"); return }
        let stored = try await store.loadInputStates(session.runtimeID)
        #expect(stored.map(\.inputID) == [id])
        #expect(stored.first?.state == .queued)
        #expect(stored.first?.persistedInput?.text == "durable")
        #expect(stored.first?.persistedInput?.id == id)
    }

    @Test("an unknown session is not ready (destroyed) for every session-keyed call")
    func unregisteredSessionErrors() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let unknown = SessionID.make()
        await #expect(throws: RuntimeDriverError.notReady(state: .destroyed)) {
            try await adapter.acceptInput(unknown, prompt())
        }
        await #expect(throws: RuntimeDriverError.notReady(state: .destroyed)) {
            try await adapter.runtimeState(unknown)
        }
        await #expect(throws: RuntimeDriverError.notReady(state: .destroyed)) {
            try await adapter.interruptCurrentRun(unknown)
        }
    }

    @Test("unregister removes the driver")
    func unregisterRemovesDriver() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.registerSession(session)
        #expect(await adapter.unregisterSession(session))
        #expect(!adapter.containsSession(session))
        await #expect(throws: RuntimeDriverError.self) { try await adapter.runtimeState(session) }
    }

    @Test("with an executor an accepted prompt is applied, consumed and the runtime ends attached")
    func acceptWithExecutorTriggersLoop() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        let executor = ScriptedExecutor()
        #expect(try await adapter.ensureSessionWithExecutor(session, executor: executor) == .attached)
        let (outcome, handle) = try await adapter.acceptInputWithCompletion(session, prompt("ping"))
        guard case .accepted(let id, _, _) = outcome, let handle else { Issue.record("no handle"); return }
        #expect(try await handle.wait() == .completed(RunResult(text: "ping")))
        #expect(executor.applyCount == 1)
        #expect(try await adapter.runtimeState(session) == .attached)
        #expect(try await adapter.listActiveInputs(session).isEmpty)
        #expect(try await adapter.inputState(session, id)?.state == .consumed)
    }

    @Test("session_has_executor is false before ensure and for unknown sessions, true after")
    func executorReadiness() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        #expect(await !adapter.sessionHasExecutor(session))
        try await adapter.registerSession(session)
        #expect(adapter.containsSession(session))
        #expect(await !adapter.sessionHasExecutor(session))
        try await adapter.ensureSessionWithExecutor(session, executor: ScriptedExecutor())
        #expect(await adapter.sessionHasExecutor(session))
        #expect(try await adapter.ensureSessionWithExecutor(session, executor: ScriptedExecutor()) == .alreadyAttached)
    }
}
