import Testing
import WarrenRuntime
import WarrenStore

/// Peer ingress, drains, bindings and the ops registry through the adapter (session_adapter.rs,
/// runtime_bindings_contract.rs, ops_lifecycle_persistence.rs).
@Suite("Adapter comms and ops")
struct AdapterCommsAndOpsTests {
    @Test("an idle keep-alive session with comms spawns a host drain; unregister removes and aborts it")
    func unregisterSessionAbortsSpawnedDrain() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.registerSession(session)
        #expect(await adapter.updatePeerIngressContext(session, keepAlive: true, inbox: InMemoryPeerInbox()))
        #expect(adapter.sessionHasComms(session))
        #expect(adapter.commsDrainPhase(session) == .running)
        await adapter.unregisterSession(session)
        #expect(adapter.commsDrainPhase(session) == nil)
        await adapter.waitCommsDrain(session)
    }

    @Test("an idle session without keep-alive spawns no drain")
    func idleNonHostSessionsDoNotSpawnDrains() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.registerSession(session)
        #expect(await !adapter.updatePeerIngressContext(session, keepAlive: false, inbox: InMemoryPeerInbox()))
        #expect(adapter.commsDrainPhase(session) == nil)
    }

    @Test("an attached session with comms spawns an attached-session drain without keep-alive")
    func attachedSessionsSpawnAttachedDrains() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.ensureSessionWithExecutor(session, executor: ScriptedExecutor())
        #expect(await adapter.updatePeerIngressContext(session, keepAlive: false, inbox: InMemoryPeerInbox()))
        #expect(adapter.commsDrainPhase(session) == .running)
        #expect(
            await !adapter.updatePeerIngressContext(RuntimeID("x").sessionID ?? .make(), keepAlive: true, inbox: nil)
        )
    }

    @Test("a peer message delivered to the inbox runs and its outcome reaches the inbox; DISMISS stops the runtime")
    func peerMessageRoundTripAndDismiss() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.ensureSessionWithExecutor(session, executor: EchoExecutor())
        let inbox = InMemoryPeerInbox()
        #expect(await adapter.updatePeerIngressContext(session, keepAlive: false, inbox: inbox))
        let message = commsCandidate(.actionableMessage, content: .message(body: "ping"), renderedText: "ping")
        inbox.recordOutcome(of: message.interaction.id)
        inbox.deliver(message)
        #expect(await inbox.awaitCompletion(of: message.interaction.id))
        #expect(inbox.recordedOutcome(of: message.interaction.id) == .complete(result: "ping"))
        inbox.dismiss()
        await adapter.waitCommsDrain(session)
        #expect(await eventually { (try? await adapter.runtimeState(session)) == .stopped })
        #expect(adapter.commsDrainPhase(session) == .stopped)
        let kinds = try await adapter.store.readEvents(after: 0, limit: 1_000).events.map(\.event.kind)
        #expect(kinds.contains(.commsDrainChanged))
    }

    @Test("bindings: registered but not executor-ready, same epoch and registry on every call, distinct per session")
    func bindingsContract() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let first = SessionID.make()
        let second = SessionID.make()
        let bindings = try await adapter.prepareBindings(first)
        #expect(bindings.sessionID == first)
        #expect(adapter.containsSession(first))
        #expect(await !adapter.sessionHasExecutor(first))
        let again = try await adapter.prepareBindings(first)
        #expect(again.epochID == bindings.epochID)
        #expect(again.opsLifecycle === bindings.opsLifecycle)
        #expect(adapter.opsLifecycleRegistry(first) === bindings.opsLifecycle)
        let other = try await adapter.prepareBindings(second)
        #expect(other.epochID != bindings.epochID)
        #expect(other.opsLifecycle !== bindings.opsLifecycle)
    }

    @Test("a persistent adapter recovers a session's ops epoch and completions after a restart")
    func coldPersistentAdapterRecoversPersistedEpoch() async throws {
        let store = MemoryStore()
        let session = SessionID.make()
        let first = try await RuntimeSessionAdapter.persistent(store: store)
        let registry = try await first.prepareBindings(session).opsLifecycle
        let operation = OperationSpec(
            id: .make(),
            kind: .backgroundToolOp,
            ownerSessionID: session,
            displayName: "job",
            sourceLabel: "test"
        )
        try registry.registerOperation(operation)
        try registry.provisioningSucceeded(operation.id)
        try registry.completeOperation(
            operation.id,
            result: OperationResult(operationID: operation.id, content: "done")
        )
        #expect(
            await eventually { (try? await store.loadOpsLifecycle(session.runtimeID))?.completionEntries.count == 1 }
        )
        let restarted = try await RuntimeSessionAdapter.persistent(store: store)
        let recovered = try await restarted.prepareBindings(session)
        #expect(recovered.epochID == registry.epochID)
        #expect(recovered.opsLifecycle.completionFeed.listSince(after: 0).entries.map(\.operationID) == [operation.id])
    }
}

/// The detached wake: background operations that complete wake the runtime with one continuation.
@Suite("Detached wake")
struct DetachedWakeTests {
    static func backgroundOperation(_ registry: OpsLifecycleRegistry, owner: SessionID) throws -> OperationID {
        let spec = OperationSpec(
            id: .make(),
            kind: .backgroundToolOp,
            ownerSessionID: owner,
            displayName: "job",
            sourceLabel: "test"
        )
        try registry.registerOperation(spec)
        try registry.provisioningSucceeded(spec.id)
        return spec.id
    }

    @Test("five completions during a run coalesce into one continuation after it")
    func completionsCoalesceIntoOneContinuation() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        let gate = Gate()
        let executor = ScriptedExecutor { assignment, _ in
            if assignment.inputs.contains(where: \.isPrompt) { await gate.wait() }
            return .completed(terminal: nil)
        }
        try await adapter.ensureSessionWithExecutor(session, executor: executor)
        let registry = try #require(adapter.opsLifecycleRegistry(session))
        let operations = try (0..<5).map { _ in try Self.backgroundOperation(registry, owner: session) }
        _ = try await adapter.acceptInput(session, prompt())
        #expect(await eventually { executor.applyCount == 1 })
        for operation in operations {
            try registry.completeOperation(operation, result: OperationResult(operationID: operation, content: "ok"))
        }
        try await Task.sleep(for: .milliseconds(20))
        gate.open()
        #expect(await eventually { executor.applyCount == 2 })
        try await Task.sleep(for: .milliseconds(50))
        #expect(executor.applyCount == 2)
        let continuation = try #require(executor.assignments.last?.inputs.first)
        guard case .continuation(let input) = continuation else { Issue.record("not a continuation"); return }
        #expect(input.reason == "detached_background_op_completed")
        #expect(executor.assignments.last?.executionKind == .resumePending)
    }

    @Test("a mob-member completion does not wake the runtime")
    func onlyBackgroundOperationsWake() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        let executor = ScriptedExecutor()
        try await adapter.ensureSessionWithExecutor(session, executor: executor)
        let registry = try #require(adapter.opsLifecycleRegistry(session))
        let spec = OperationSpec(
            id: .make(),
            kind: .mobMemberChild,
            ownerSessionID: session,
            displayName: "child",
            sourceLabel: "test"
        )
        try registry.registerOperation(spec)
        try registry.provisioningSucceeded(spec.id)
        try registry.completeOperation(spec.id, result: OperationResult(operationID: spec.id, content: "ok"))
        try await Task.sleep(for: .milliseconds(50))
        #expect(executor.applyCount == 0)
    }
}
