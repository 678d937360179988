import Testing
import WarrenRuntime
import WarrenStore

/// Reference tests of session_adapter.rs, driver_persistent.rs, runtime_loop.rs and the store units
/// that the other suites did not cover (docs/CONFORMANCE.md).
@Suite("Adapter reference tests")
struct AdapterReferenceTests {
    @Test("accept without wake on an idle runtime keeps it idle and the prompt active; a loop does not take it")
    func acceptWithoutWakeKeepsIdleRuntimeIdle() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let idle = SessionID.make()
        try await adapter.registerSession(idle)
        guard case .accepted(let id, _, _) = try await adapter.acceptInputWithoutWake(idle, prompt()) else {
            Issue.record("not accepted")
            return
        }
        #expect(try await adapter.runtimeState(idle) == .idle)
        #expect(try await adapter.listActiveInputs(idle) == [id])
        let attached = SessionID.make()
        let executor = ScriptedExecutor()
        try await adapter.ensureSessionWithExecutor(attached, executor: executor)
        _ = try await adapter.acceptInputWithoutWake(attached, prompt())
        try await Task.sleep(for: .milliseconds(30))
        #expect(executor.applyCount == 0)
    }

    @Test("recycle of a persistent runtime keeps its queued work in order")
    func recyclePreservesPersistentQueuedWork() async throws {
        let store = MemoryStore()
        let adapter = try await RuntimeSessionAdapter.persistent(store: store)
        let session = SessionID.make()
        try await adapter.registerSession(session)
        guard case .accepted(let a, _, _) = try await adapter.acceptInput(session, prompt("a")),
            case .accepted(let b, _, _) = try await adapter.acceptInput(session, prompt("b"))
        else {
            Issue.record("not accepted")
            return
        }
        #expect(try await adapter.recycle(session.runtimeID) == RecycleReport(inputsTransferred: 2))
        #expect(try await adapter.listActiveInputs(session) == [a, b])
        #expect(try await adapter.runtimeState(session) == .idle)
        #expect(try await store.loadInputStates(session.runtimeID).map(\.state) == [.queued, .queued])
    }

    @Test("recycle of an attached runtime re-attaches and wakes the loop once for its queued work")
    func recycleAttachedRuntimeWakesPreservedQueuedWork() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        let executor = ScriptedExecutor()
        try await adapter.ensureSessionWithExecutor(session, executor: executor)
        _ = try await adapter.acceptInputWithoutWake(session, prompt())
        let handle = try await adapter.awaitCompletion(session, inputID: try await adapter.listActiveInputs(session)[0])
        _ = try await adapter.recycle(session.runtimeID)
        #expect(try await handle.wait() == .completed(RunResult(text: "hello")))
        #expect(executor.applyCount == 1)
        #expect(try await adapter.runtimeState(session) == .attached)
    }

    @Test(
        "a failed boundary commit in the loop re-queues the input, leaves the runtime attached and ends the loop; ensure repairs it"
    )
    func boundaryCommitFailureUnwindsLoopAndEnsureRepairs() async throws {
        let store = MemoryStore()
        let adapter = try await RuntimeSessionAdapter.persistent(store: store)
        let session = SessionID.make()
        try await adapter.ensureSessionWithExecutor(session, executor: ScriptedExecutor())
        store.injectFailure { $0.receipt != nil ? "disk full" : nil }
        guard case .accepted(let id, _, _) = try await adapter.acceptInput(session, prompt()) else {
            Issue.record("not accepted")
            return
        }
        #expect(await eventually { await !adapter.sessionHasExecutor(session) })
        #expect(try await adapter.inputState(session, id)?.state == .queued)
        #expect(try await adapter.runtimeState(session) == .attached)
        await #expect(throws: RuntimeDriverError.notReady(state: .attached)) {
            try await adapter.interruptCurrentRun(session)
        }
        store.clearFailures()
        #expect(try await adapter.ensureSessionWithExecutor(session, executor: ScriptedExecutor()) == .attached)
        let handle = try await adapter.awaitCompletion(session, inputID: id)
        #expect(try await handle.wait() == .completed(RunResult(text: "hello")))
    }

    @Test("retire with a live loop drains the queued work and stays retired")
    func retireWithLoopDrains() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        let gate = Gate()
        let executor = ScriptedExecutor.gated(by: gate)
        try await adapter.ensureSessionWithExecutor(session, executor: executor)
        let (_, first) = try await adapter.acceptInputWithCompletion(session, prompt("1"))
        let (_, second) = try await adapter.acceptInputWithCompletion(session, prompt("2"))
        let report = try await adapter.retireRuntime(session)
        #expect(report == RetireReport(inputsAbandoned: 0, inputsPendingDrain: 2))
        gate.open()
        #expect(try await #require(first).wait() == .completedWithoutResult)
        #expect(try await #require(second).wait() == .completedWithoutResult)
        #expect(try await adapter.runtimeState(session) == .retired)
    }

    @Test("reset of a persistent runtime stores its abandoned inputs")
    func resetPersistsAbandonedInputs() async throws {
        let store = MemoryStore()
        let adapter = try await RuntimeSessionAdapter.persistent(store: store)
        let session = SessionID.make()
        try await adapter.registerSession(session)
        _ = try await adapter.acceptInput(session, prompt())
        #expect(try await adapter.resetRuntime(session) == ResetReport(inputsAbandoned: 1))
        let stored = try #require(try await store.loadInputStates(session.runtimeID).first)
        #expect(stored.terminalOutcome == .abandoned(.reset))
    }

    @Test("a callback-pending terminal resolves waiters with the tool name and arguments")
    func callbackPendingResolvesWaiters() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        let arguments = Array(#"{"q":1}"#.utf8)
        try await adapter.ensureSessionWithExecutor(
            session,
            executor: ScriptedExecutor { _, _ in
                .completed(terminal: .callbackPending(toolName: "search", argumentsJSON: arguments))
            }
        )
        let (_, handle) = try await adapter.acceptInputWithCompletion(session, prompt())
        #expect(try await #require(handle).wait() == .callbackPending(toolName: "search", argumentsJSON: arguments))
    }

    @Test("a batch is a content turn unless every input is a continuation")
    func executionKindOfBatches() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.registerSession(session)
        _ = try await adapter.acceptInput(session, prompt())
        _ = try await adapter.acceptInput(session, .peer(PeerInput(body: "hi")))
        _ = try await adapter.acceptInput(session, .continuation(.detachedBackgroundOpCompleted()))
        let executor = ScriptedExecutor()
        try await adapter.ensureSessionWithExecutor(session, executor: executor)
        #expect(await eventually { executor.applyCount == 3 })
        #expect(executor.assignments.map(\.executionKind) == [.resumePending, .contentTurn, .contentTurn])
        #expect(executor.assignments.map { $0.inputs.map(\.kind) } == [[.continuation], [.prompt], [.peerMessage]])
    }

    @Test("the continuation helper builds a derived, invisible, steer input from the system")
    func continuationHelperShape() {
        let input = ContinuationInput.detachedBackgroundOpCompleted()
        #expect(input.header.source == .system)
        #expect(input.header.durability == .derived)
        #expect(input.header.visibility == InputVisibility(transcriptEligible: false, operatorEligible: false))
        #expect(input.handlingMode == .steer)
        #expect(input.requestID == nil)
    }

    @Test("a cold ensure on a persistent adapter recovers the stored ops epoch and shares the registry")
    func coldEnsureRecoversPersistedEpoch() async throws {
        let store = MemoryStore()
        let session = SessionID.make()
        let first = try await RuntimeSessionAdapter.persistent(store: store)
        let registry = try await first.prepareBindings(session).opsLifecycle
        let spec = OperationSpec(
            id: .make(),
            kind: .mobMemberChild,
            ownerSessionID: session,
            displayName: "c",
            sourceLabel: "t"
        )
        try registry.registerOperation(spec)
        try registry.provisioningSucceeded(spec.id)
        try registry.completeOperation(spec.id, result: OperationResult(operationID: spec.id, content: "ok"))
        #expect(await eventually { (try? await store.loadOpsLifecycle(session.runtimeID)) != nil })
        let restarted = try await RuntimeSessionAdapter.persistent(store: store)
        try await restarted.ensureSessionWithExecutor(session, executor: ScriptedExecutor())
        let recovered = try #require(restarted.opsLifecycleRegistry(session))
        #expect(recovered.epochID == registry.epochID)
        #expect(try await restarted.prepareBindings(session).opsLifecycle === recovered)
    }
}

/// The memory store keeps SQLite's transaction semantics (persistence-spec §1.5, store unit tests).
@Suite("Memory store")
struct MemoryStoreTests {
    @Test("a duplicate receipt fails the whole transaction: nothing of it is visible")
    func atomicOnReceiptConflict() async throws {
        let store = MemoryStore()
        let runtime = RuntimeID("rt")
        let receipt = RunBoundaryReceipt(runID: .make(), boundary: .runStart, contributingInputIDs: [])
        _ = try await store.commit(StoreTransaction(runtimeID: runtime, receipt: receipt))
        let state = InputState(acceptedID: .make())
        await #expect(throws: RuntimeStoreError.self) {
            try await store.commit(
                StoreTransaction(
                    runtimeID: runtime,
                    inputStates: [state],
                    receipt: receipt,
                    events: [PendingEvent(.runtimeCreated)]
                )
            )
        }
        #expect(try await store.loadInputStates(runtime).isEmpty)
        #expect(try await store.readEvents(after: 0, limit: 10).head == 0)
    }

    @Test("runtimes are isolated from each other")
    func multipleRuntimesIsolated() async throws {
        let store = MemoryStore()
        let state = InputState(acceptedID: .make())
        _ = try await store.commit(
            StoreTransaction(runtimeID: RuntimeID("a"), inputStates: [state], runtimeState: .retired)
        )
        #expect(try await store.loadInputStates(RuntimeID("b")).isEmpty)
        #expect(try await store.loadRuntimeState(RuntimeID("b")) == nil)
        #expect(try await store.loadInputStates(RuntimeID("a")).map(\.inputID) == [state.inputID])
    }
}
