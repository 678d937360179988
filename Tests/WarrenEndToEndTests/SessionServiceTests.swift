import Testing
import WarrenClient
import WarrenProto
import WarrenRPC

/// SessionServiceRuntimeExt over real TCP: each RPC's happy path and its main error.
@Suite("SessionServiceRuntimeExt end to end")
struct SessionServiceTests {
    @Test("accept, await completion, state, input state and active inputs of an echo session")
    func acceptAndQuery() async throws {
        try await withLiveServer { server in
            let sessions = server.client.sessions
            let session = try await Sessions.withEcho(server)
            let accepted = try await sessions.acceptInput(
                AcceptInputRequest(sessionID: session, input: Wire.prompt("hi"))
            )
            let inputID = try #require(Wire.acceptedID(accepted.outcome))
            let completion = try await server.client.adapter.awaitCompletion(
                AwaitCompletionRequest(sessionID: session, inputID: inputID)
            )
            guard case .completed(let completed) = completion.outcome?.outcome else {
                Issue.record("not completed: \(completion)")
                return
            }
            #expect(completed.runResult?.text.contains("hi") == true)
            let state = try await sessions.inputState(InputStateRequest(sessionID: session, inputID: inputID))
            #expect(state.found)
            #expect(state.state?.currentState == .consumed)
            #expect(try await sessions.listActiveInputs(ListActiveInputsRequest(sessionID: session)).inputIDs.isEmpty)
            let runtime = try await sessions.runtimeState(SessionRuntimeStateRequest(sessionID: session))
            #expect(runtime.state == .idle || runtime.state == .attached)
            #expect(try await sessions.runtimeMode(RuntimeModeRequest()).mode != .unspecified)
        }
    }

    @Test("AcceptInputWithCompletion streams the outcome, then the completion")
    func acceptWithCompletionStreams() async throws {
        try await withLiveServer { server in
            let session = try await Sessions.withEcho(server)
            let items = try await server.client.sessions.acceptInputWithCompletion(
                AcceptInputWithCompletionRequest(sessionID: session, input: Wire.prompt("stream me"))
            ) { responses in
                var items: [AcceptInputWithCompletionResponse.Item] = []
                for try await response in responses { if let item = response.item { items.append(item) } }
                return items
            }
            #expect(items.count == 2)
            guard case .acceptOutcome(let outcome) = items.first, case .completion(let completion) = items.last else {
                Issue.record("unexpected items: \(items)")
                return
            }
            #expect(Wire.acceptedID(outcome) != nil)
            guard case .completed = completion.outcome else {
                Issue.record("not completed: \(completion)")
                return
            }
        }
    }

    @Test("retire and reset report on a live session")
    func retireAndReset() async throws {
        try await withLiveServer { server in
            let sessions = server.client.sessions
            let session = try await Sessions.withEcho(server)
            _ = try await sessions.resetRuntime(ResetRuntimeRequest(sessionID: session))
            let retired = try await sessions.retireRuntime(RetireRuntimeRequest(sessionID: session))
            #expect(retired.report != nil)
            let state = try await sessions.runtimeState(SessionRuntimeStateRequest(sessionID: session))
            #expect(state.state == .retired)
        }
    }

    @Test(
        "an unknown session is NOT_FOUND with NotReady(destroyed) and its id in the detail, for every session-keyed call"
    )
    func unknownSession() async throws {
        try await withLiveServer { server in
            let sessions = server.client.sessions
            let unknown = Wire.newSessionID()
            let refused = try await Expect.status(.notFound) {
                _ = try await sessions.acceptInput(AcceptInputRequest(sessionID: unknown, input: Wire.prompt("x")))
            }
            #expect(refused.detail?.sessionID == unknown, "the detail names the session")
            try await Expect.status(.notFound) {
                _ = try await sessions.runtimeState(SessionRuntimeStateRequest(sessionID: unknown))
            }
            try await Expect.status(.notFound) {
                _ = try await sessions.listActiveInputs(ListActiveInputsRequest(sessionID: unknown))
            }
            try await Expect.status(.notFound) {
                _ = try await sessions.retireRuntime(RetireRuntimeRequest(sessionID: unknown))
            }
            try await Expect.status(.notFound) {
                _ = try await sessions.resetRuntime(ResetRuntimeRequest(sessionID: unknown))
            }
            try await Expect.status(.notFound) {
                _ = try await sessions.inputState(InputStateRequest(sessionID: unknown, inputID: Wire.newSessionID()))
            }
            let error = try await Expect.status(.notFound) {
                _ = try await sessions.acceptInputWithCompletion(
                    AcceptInputWithCompletionRequest(sessionID: unknown, input: Wire.prompt("x"))
                ) { responses in for try await _ in responses {} }
            }
            #expect(error.detail?.runtimeState == .destroyed)
            #expect(error.detail?.sessionID == unknown)
        }
    }

    @Test("a malformed input is INVALID_ARGUMENT and admits nothing")
    func malformedInput() async throws {
        try await withLiveServer { server in
            let session = try await Sessions.withEcho(server)
            try await Expect.status(.invalidArgument) {
                _ = try await server.client.sessions.acceptInput(AcceptInputRequest(sessionID: session, input: Input()))
            }
            let active = try await server.client.sessions.listActiveInputs(ListActiveInputsRequest(sessionID: session))
            #expect(active.inputIDs.isEmpty)
        }
    }
}

/// Session set-up shared by the end-to-end suites.
enum Sessions {
    /// A new session bound to the built-in `echo` executor.
    static func withEcho(_ server: LiveServer) async throws -> String {
        try await self.with(server, executor: Wire.builtin(.echo))
    }

    /// A new session bound to `executor`.
    static func with(_ server: LiveServer, executor: ExecutorRef) async throws -> String {
        let session = Wire.newSessionID()
        _ = try await server.client.adapter.ensureSessionWithExecutor(
            EnsureSessionWithExecutorRequest(sessionID: session, executor: executor)
        )
        return session
    }
}

/// Assertions about call statuses.
enum Expect {
    /// Runs `body`, expecting it to fail with `code`; returns the error for further checks.
    @discardableResult
    static func status(
        _ code: StatusCode,
        sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () async throws -> Void
    ) async throws -> RPCError {
        do {
            try await body()
        } catch let error as RPCError {
            #expect(error.code == code, "expected \(code), got \(error)", sourceLocation: sourceLocation)
            return error
        }
        Issue.record("expected \(code), but the call succeeded", sourceLocation: sourceLocation)
        throw HarnessError("expected \(code)")
    }
}
