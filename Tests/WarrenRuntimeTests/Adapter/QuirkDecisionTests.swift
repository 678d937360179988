import Testing
import WarrenRuntime
import WarrenStore

/// The adapter quirks Q1–Q12 of v0.5.2 as Warren decided them (docs/DECISIONS.md, section "Quirks").
@Suite("Quirk decisions")
struct QuirkDecisionTests {
    @Test("Q1/Q3: concurrent ensure calls attach exactly one executor; the others are told, not dropped")
    func concurrentEnsureAttachesOnce() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        let executors = (0..<8).map { ScriptedExecutor(name: "e\($0)") }
        let outcomes = try await withThrowingTaskGroup(of: EnsureExecutorOutcome.self) { group in
            for executor in executors {
                group.addTask { try await adapter.ensureSessionWithExecutor(session, executor: executor) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 == .attached }.count == 1)
        #expect(outcomes.filter { $0 == .alreadyAttached }.count == 7)
        let (_, handle) = try await adapter.acceptInputWithCompletion(session, prompt())
        _ = try await #require(handle).wait()
        #expect(executors.map(\.applyCount).reduce(0, +) == 1)
    }

    @Test("Q7: reset of an attached runtime keeps it attached and its loop working")
    func resetKeepsAttachment() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.ensureSessionWithExecutor(session, executor: ScriptedExecutor())
        _ = try await adapter.resetRuntime(session)
        #expect(try await adapter.runtimeState(session) == .attached)
        let (_, handle) = try await adapter.acceptInputWithCompletion(session, prompt("after reset"))
        #expect(try await #require(handle).wait() == .completed(RunResult(text: "after reset")))
    }

    @Test("Q8: destroy keeps the entry (its state reads destroyed) but ends the loop; receipts stay loadable")
    func destroyKeepsEntryEndsLoop() async throws {
        let store = MemoryStore()
        let adapter = try await RuntimeSessionAdapter.persistent(store: store)
        let session = SessionID.make()
        let executor = ScriptedExecutor()
        try await adapter.ensureSessionWithExecutor(session, executor: executor)
        let (_, handle) = try await adapter.acceptInputWithCompletion(session, prompt())
        _ = try await #require(handle).wait()
        let run = try #require(executor.assignments.first?.runID)
        _ = try await adapter.destroy(session.runtimeID)
        #expect(adapter.containsSession(session))
        #expect(try await adapter.runtimeState(session) == .destroyed)
        #expect(await eventually { await !adapter.sessionHasExecutor(session) })
        await adapter.unregisterSession(session)
        #expect(try await adapter.loadBoundaryReceipt(session.runtimeID, runID: run, sequence: 0) != nil)
    }

    @Test("Q9: unregister lets the run in flight finish, then the loop ends and takes nothing more")
    func unregisterWindsDownLoop() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        let gate = Gate()
        let executor = ScriptedExecutor.gated(by: gate)
        try await adapter.ensureSessionWithExecutor(session, executor: executor)
        _ = try await adapter.acceptInput(session, prompt("first"))
        _ = try await adapter.acceptInput(session, prompt("second"))
        #expect(await eventually { executor.applyCount == 1 })
        await adapter.unregisterSession(session)
        gate.open()
        try await Task.sleep(for: .milliseconds(50))
        #expect(executor.applyCount == 1)
    }

    @Test("Q12: a rejection is a value from accept, ingest and accept-without-wake")
    func rejectionShapes() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.registerSession(session)
        let progressWithHint = Input.peer(
            PeerInput(
                convention: .responseProgress(requestID: "r", phase: .accepted),
                body: "p",
                handlingMode: .steer
            )
        )
        let expected = AcceptOutcome.rejected(
            .peerHandlingModeInvalid(detail: "handling_mode is forbidden on ResponseProgress peer inputs")
        )
        #expect(try await adapter.acceptInput(session, progressWithHint) == expected)
        #expect(try await adapter.acceptInputWithoutWake(session, progressWithHint) == expected)
        #expect(try await adapter.ingest(session.runtimeID, progressWithHint) == expected)
    }

    @Test("control-plane errors stay typed: reset while running is invalid state, an unknown id is not found")
    func controlPlaneErrorsStayTyped() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        let gate = Gate()
        let executor = ScriptedExecutor.gated(by: gate)
        try await adapter.ensureSessionWithExecutor(session, executor: executor)
        _ = try await adapter.acceptInput(session, prompt())
        #expect(await eventually { executor.applyCount == 1 })
        await #expect(throws: RuntimeControlPlaneError.invalidState(.running)) {
            try await adapter.reset(session.runtimeID)
        }
        await #expect(throws: RuntimeControlPlaneError.invalidState(.running)) {
            try await adapter.recycle(session.runtimeID)
        }
        gate.open()
        await #expect(throws: RuntimeControlPlaneError.notFound(RuntimeID("agent-1"))) {
            try await adapter.runtimeState(RuntimeID("agent-1"))
        }
        _ = try await adapter.retire(session.runtimeID)
        await #expect(throws: RuntimeControlPlaneError.driver(.notReady(state: .retired))) {
            try await adapter.ingest(session.runtimeID, prompt())
        }
    }
}
