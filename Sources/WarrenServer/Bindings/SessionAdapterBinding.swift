import WarrenProto
import WarrenRPC
import WarrenRuntime

/// RuntimeSessionAdapter administration: registration, executors, runs, comms drains, ops and completions.
struct SessionAdapterBinding: RuntimeSessionAdapterServiceProtocol {
    let server: WarrenServer

    var adapter: RuntimeSessionAdapter { self.server.adapter }

    func registerSession(_ request: RegisterSessionRequest, context: ServerCallContext) async throws
        -> RegisterSessionResponse
    {
        let session = try SessionID(wire: request.sessionID, field: "session_id")
        let created = try await domainCall(session: session) { try await self.adapter.registerSession(session) }
        let state = try await domainCall(session: session) { try await self.adapter.runtimeState(session) }
        return RegisterSessionResponse(
            registered: true,
            created: created,
            runtimeState: WarrenProto.RuntimeState(state)
        )
    }

    func setSessionSilentIntents(
        _ request: SetSessionSilentIntentsRequest,
        context: ServerCallContext
    ) async throws -> SetSessionSilentIntentsResponse {
        let session = try SessionID(wire: request.sessionID, field: "session_id")
        let applied = self.adapter.containsSession(session)
        await self.adapter.setSessionSilentIntents(session, request.intents)
        return SetSessionSilentIntentsResponse(applied: applied, intents: applied ? request.intents : [])
    }

    func ensureSessionWithExecutor(
        _ request: EnsureSessionWithExecutorRequest,
        context: ServerCallContext
    ) async throws -> EnsureSessionWithExecutorResponse {
        let session = try SessionID(wire: request.sessionID, field: "session_id")
        let executor = try ExecutorChoice(server: self.server).executor(for: request.executor, field: "executor")
        let outcome = try await domainCall(session: session) {
            try await self.adapter.ensureSessionWithExecutor(session, executor: executor)
        }
        let state = try await domainCall(session: session) { try await self.adapter.runtimeState(session) }
        return EnsureSessionWithExecutorResponse(
            attached: outcome == .attached,
            alreadyAttached: outcome == .alreadyAttached,
            executorName: await self.adapter.executorName(session) ?? executor.name,
            runtimeState: WarrenProto.RuntimeState(state)
        )
    }

    func unregisterSession(
        _ request: UnregisterSessionRequest,
        context: ServerCallContext
    ) async throws -> UnregisterSessionResponse {
        let session = try SessionID(wire: request.sessionID, field: "session_id")
        let removed = await self.adapter.unregisterSession(session)
        self.server.peers.remove(session)
        return UnregisterSessionResponse(removed: removed)
    }

    func containsSession(_ request: ContainsSessionRequest, context: ServerCallContext) async throws
        -> ContainsSessionResponse
    {
        let session = try SessionID(wire: request.sessionID, field: "session_id")
        guard self.adapter.containsSession(session) else { return ContainsSessionResponse(contains: false) }
        let live = await self.adapter.sessionHasExecutor(session)
        return ContainsSessionResponse(contains: true, phase: live ? .activeLive : .queuing)
    }

    func sessionHasExecutor(
        _ request: SessionHasExecutorRequest,
        context: ServerCallContext
    ) async throws -> SessionHasExecutorResponse {
        let session = try SessionID(wire: request.sessionID, field: "session_id")
        let ready = await self.adapter.sessionHasExecutor(session)
        return SessionHasExecutorResponse(
            executorReady: ready,
            executorName: await self.adapter.executorName(session) ?? ""
        )
    }

    func sessionHasComms(_ request: SessionHasCommsRequest, context: ServerCallContext) async throws
        -> SessionHasCommsResponse
    {
        let session = try SessionID(wire: request.sessionID, field: "session_id")
        return SessionHasCommsResponse(commsEnabled: self.adapter.sessionHasComms(session))
    }

    func interruptCurrentRun(
        _ request: InterruptCurrentRunRequest,
        context: ServerCallContext
    ) async throws -> InterruptCurrentRunResponse {
        let session = try SessionID(wire: request.sessionID, field: "session_id")
        let run = try await domainCall(session: session) { try await self.adapter.currentRunID(session) }
        try await domainCall(session: session) { try await self.adapter.interruptCurrentRun(session) }
        return InterruptCurrentRunResponse(runID: run.wireID())
    }

    func stopRuntimeExecutor(
        _ request: StopRuntimeExecutorRequest,
        context: ServerCallContext
    ) async throws -> StopRuntimeExecutorResponse {
        let session = try SessionID(wire: request.sessionID, field: "session_id")
        let command = try WarrenRuntime.RunControlCommand(
            wire: requireWire(request.command, "command"),
            field: "command"
        )
        let hadLoop = await self.adapter.sessionHasExecutor(session)
        try await domainCall(session: session) { try await self.adapter.stopRuntimeExecutor(session, command: command) }
        return StopRuntimeExecutorResponse(appliedDirectly: !hadLoop)
    }

    func acceptInputAndRun(
        _ requests: RPCRequestStream<AcceptInputAndRunRequest>,
        responses: RPCResponseWriter<AcceptInputAndRunResponse>,
        context: ServerCallContext
    ) async throws {
        try await CallerRun(server: self.server, requests: requests, responses: responses).serve()
    }

    func acceptInputWithoutWake(
        _ request: AcceptInputWithoutWakeRequest,
        context: ServerCallContext
    ) async throws -> AcceptInputWithoutWakeResponse {
        let session = try SessionID(wire: request.sessionID, field: "session_id")
        let input = try ClientInput.read(request.input, field: "input")
        let outcome = try await domainCall(session: session) {
            try await self.adapter.acceptInputWithoutWake(session, input)
        }
        return AcceptInputWithoutWakeResponse(outcome: WarrenProto.AcceptOutcome(outcome))
    }

    func prepareBindings(_ request: PrepareBindingsRequest, context: ServerCallContext) async throws
        -> PrepareBindingsResponse
    {
        let session = try SessionID(wire: request.sessionID, field: "session_id")
        let bindings = try await domainCall(session: session) { try await self.adapter.prepareBindings(session) }
        let snapshot = bindings.opsLifecycle.snapshot()
        return PrepareBindingsResponse(
            bindings: WarrenProto.SessionRuntimeBindings(
                sessionID: bindings.sessionID.rawValue,
                epochID: bindings.epochID.rawValue,
                cursors: EpochCursorSnapshot(snapshot.cursors),
                operations: bindings.opsLifecycle.listOperations().map(WarrenProto.OperationLifecycleSnapshot.init),
                completionWatermark: snapshot.completionWatermark
            )
        )
    }

    func awaitCompletion(_ request: AwaitCompletionRequest, context: ServerCallContext) async throws
        -> AwaitCompletionResponse
    {
        let session = try SessionID(wire: request.sessionID, field: "session_id")
        let inputID = try InputID(wire: request.inputID, field: "input_id")
        guard try await domainCall(session: session, { try await self.adapter.inputState(session, inputID) }) != nil
        else {
            throw RPCError(
                .notFound,
                "input \(inputID) is not known in session \(session)",
                detail: ErrorDetail(kind: .inputNotFound, inputID: inputID.rawValue, sessionID: session.rawValue)
            )
        }
        let handle = try await domainCall(session: session) {
            try await self.adapter.awaitCompletion(session, inputID: inputID)
        }
        let outcome = try await handle.wait()
        let state = try? await self.adapter.inputState(session, inputID)
        return AwaitCompletionResponse(
            outcome: WarrenProto.CompletionOutcome(outcome),
            state: state.flatMap { $0 }.map(WarrenProto.InputState.init)
        )
    }

    func listOps(_ request: ListOpsRequest, context: ServerCallContext) async throws -> ListOpsResponse {
        let session = try SessionID(wire: request.sessionID, field: "session_id")
        guard let registry = self.adapter.opsLifecycleRegistry(session) else {
            throw RPCError(domain: RuntimeDriverError.notReady(state: .destroyed))
        }
        let snapshot = registry.snapshot()
        return ListOpsResponse(
            epochID: snapshot.epochID.rawValue,
            operations: registry.listOperations().map(WarrenProto.OperationLifecycleSnapshot.init),
            completions: snapshot.completionEntries
                .filter { $0.seq > request.completionsAfterSeq }
                .map(WarrenProto.CompletionEntry.init),
            completionWatermark: snapshot.completionWatermark,
            cursors: EpochCursorSnapshot(snapshot.cursors)
        )
    }
}

extension WarrenRuntime.PersistedOpsSnapshot {
    /// The highest completion sequence recorded in this epoch (0 when none).
    var completionWatermark: UInt64 { self.completionEntries.map(\.seq).max() ?? 0 }
}
