import WarrenProto
import WarrenRPC
import WarrenRuntime

/// SessionServiceRuntimeExt: session-keyed admission, completion and queries.
struct SessionServiceBinding: SessionServiceRuntimeExtServiceProtocol {
    let server: WarrenServer

    private var adapter: RuntimeSessionAdapter { self.server.adapter }

    func runtimeMode(_ request: RuntimeModeRequest, context: ServerCallContext) async throws -> RuntimeModeResponse {
        RuntimeModeResponse(mode: .v9Compliant)
    }

    func acceptInput(_ request: AcceptInputRequest, context: ServerCallContext) async throws -> AcceptInputResponse {
        let session = try SessionID(wire: request.sessionID, field: "session_id")
        let input = try ClientInput.read(request.input, field: "input")
        let outcome = try await domainCall(session: session) { try await self.adapter.acceptInput(session, input) }
        return AcceptInputResponse(outcome: WarrenProto.AcceptOutcome(outcome))
    }

    /// Streams the admission outcome at once, then (when one follows) the completion; cancelling the call
    /// stops the wait, never the input.
    func acceptInputWithCompletion(
        _ request: AcceptInputWithCompletionRequest,
        responses: RPCResponseWriter<AcceptInputWithCompletionResponse>,
        context: ServerCallContext
    ) async throws {
        let session = try SessionID(wire: request.sessionID, field: "session_id")
        let input = try ClientInput.read(request.input, field: "input")
        let (outcome, handle) = try await domainCall(session: session) {
            try await self.adapter.acceptInputWithCompletion(session, input)
        }
        try await responses.write(
            AcceptInputWithCompletionResponse(
                completionFollows: handle != nil,
                item: .acceptOutcome(WarrenProto.AcceptOutcome(outcome))
            )
        )
        guard let handle else { return }
        let completion = try await handle.wait()
        try await responses.write(
            AcceptInputWithCompletionResponse(item: .completion(WarrenProto.CompletionOutcome(completion)))
        )
    }

    func runtimeState(
        _ request: SessionRuntimeStateRequest,
        context: ServerCallContext
    ) async throws -> SessionRuntimeStateResponse {
        let session = try SessionID(wire: request.sessionID, field: "session_id")
        let state = try await domainCall(session: session) { try await self.adapter.runtimeState(session) }
        let run = try await domainCall(session: session) { try await self.adapter.currentRunID(session) }
        return SessionRuntimeStateResponse(state: WarrenProto.RuntimeState(state), currentRunID: run.wireID())
    }

    func retireRuntime(_ request: RetireRuntimeRequest, context: ServerCallContext) async throws
        -> RetireRuntimeResponse
    {
        let session = try SessionID(wire: request.sessionID, field: "session_id")
        let report = try await domainCall(session: session) { try await self.adapter.retireRuntime(session) }
        return RetireRuntimeResponse(report: WarrenProto.RetireReport(report))
    }

    func resetRuntime(_ request: ResetRuntimeRequest, context: ServerCallContext) async throws -> ResetRuntimeResponse {
        let session = try SessionID(wire: request.sessionID, field: "session_id")
        let report = try await domainCall(session: session) { try await self.adapter.resetRuntime(session) }
        return ResetRuntimeResponse(report: WarrenProto.ResetReport(report))
    }

    func inputState(_ request: InputStateRequest, context: ServerCallContext) async throws -> InputStateResponse {
        let session = try SessionID(wire: request.sessionID, field: "session_id")
        let inputID = try InputID(wire: request.inputID, field: "input_id")
        let state = try await domainCall(session: session) { try await self.adapter.inputState(session, inputID) }
        return InputStateResponse(found: state != nil, state: state.map(WarrenProto.InputState.init))
    }

    func listActiveInputs(
        _ request: ListActiveInputsRequest,
        context: ServerCallContext
    ) async throws -> ListActiveInputsResponse {
        let session = try SessionID(wire: request.sessionID, field: "session_id")
        let ids = try await domainCall(session: session) { try await self.adapter.listActiveInputs(session) }
        return ListActiveInputsResponse(inputIDs: ids.wireIDs())
    }
}
