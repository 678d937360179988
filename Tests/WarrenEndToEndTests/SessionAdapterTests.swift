import Testing
import WarrenClient
import WarrenProto
import WarrenRPC

/// RuntimeSessionAdapter administration and Comms over real TCP: every RPC's happy path and its main error.
@Suite("RuntimeSessionAdapter end to end")
struct SessionAdapterTests {
    @Test("register, contains, silent intents, executor and comms queries, unregister")
    func registration() async throws {
        try await withLiveServer { server in
            let adapter = server.client.adapter
            let session = Wire.newSessionID()
            let registered = try await adapter.registerSession(RegisterSessionRequest(sessionID: session))
            #expect(registered.registered && registered.created)
            #expect(try await adapter.registerSession(RegisterSessionRequest(sessionID: session)).created == false)
            #expect(try await adapter.containsSession(ContainsSessionRequest(sessionID: session)).contains)
            let intents = try await adapter.setSessionSilentIntents(
                SetSessionSilentIntentsRequest(sessionID: session, intents: ["ping"])
            )
            #expect(intents.intents == ["ping"])
            #expect(
                try await adapter.sessionHasExecutor(SessionHasExecutorRequest(sessionID: session)).executorReady
                    == false
            )
            let ensured = try await adapter.ensureSessionWithExecutor(
                EnsureSessionWithExecutorRequest(sessionID: session, executor: Wire.builtin(.echo))
            )
            #expect(ensured.attached)
            #expect(try await adapter.sessionHasExecutor(SessionHasExecutorRequest(sessionID: session)).executorReady)
            #expect(try await adapter.sessionHasComms(SessionHasCommsRequest(sessionID: session)).commsEnabled == false)
            #expect(try await adapter.unregisterSession(UnregisterSessionRequest(sessionID: session)).removed)
            #expect(try await adapter.containsSession(ContainsSessionRequest(sessionID: session)).contains == false)
            #expect(try await adapter.unregisterSession(UnregisterSessionRequest(sessionID: session)).removed == false)
        }
    }

    @Test("a malformed session id or an unknown executor kind is INVALID_ARGUMENT")
    func badRequests() async throws {
        try await withLiveServer { server in
            try await Expect.status(.invalidArgument) {
                _ = try await server.client.adapter.registerSession(RegisterSessionRequest(sessionID: ""))
            }
            try await Expect.status(.invalidArgument) {
                _ = try await server.client.adapter.ensureSessionWithExecutor(
                    EnsureSessionWithExecutorRequest(sessionID: Wire.newSessionID(), executor: ExecutorRef())
                )
            }
        }
    }

    @Test("accept without wake leaves the input queued; AwaitCompletion answers once it runs")
    func acceptWithoutWake() async throws {
        try await withLiveServer { server in
            let session = try await Sessions.withEcho(server)
            let accepted = try await server.client.adapter.acceptInputWithoutWake(
                AcceptInputWithoutWakeRequest(sessionID: session, input: Wire.prompt("later"))
            )
            let inputID = try #require(Wire.acceptedID(accepted.outcome))
            #expect(
                try await server.client.sessions.listActiveInputs(ListActiveInputsRequest(sessionID: session)).inputIDs
                    == [inputID]
            )
            _ = try await server.client.sessions.acceptInput(
                AcceptInputRequest(sessionID: session, input: Wire.prompt("wake"))
            )
            let done = try await server.client.adapter.awaitCompletion(
                AwaitCompletionRequest(sessionID: session, inputID: inputID)
            )
            guard case .completed = done.outcome?.outcome else {
                Issue.record("not completed: \(done)")
                return
            }
            try await Expect.status(.notFound) {
                _ = try await server.client.adapter.awaitCompletion(
                    AwaitCompletionRequest(sessionID: session, inputID: Wire.newSessionID())
                )
            }
        }
    }

    @Test("AwaitCompletion on a queued input ends when a later admission coalesces it (D127)", .timeLimit(.minutes(1)))
    func awaitCompletionOfCoalescedInput() async throws {
        try await withLiveServer { server in
            let adapter = server.client.adapter
            let session = Wire.newSessionID()
            _ = try await adapter.registerSession(RegisterSessionRequest(sessionID: session))
            let first = try await server.client.sessions.acceptInput(
                AcceptInputRequest(sessionID: session, input: Wire.progress(of: "req-1", key: "progress of req-1"))
            )
            let firstID = try #require(Wire.acceptedID(first.outcome))
            let waiter = Task {
                try await adapter.awaitCompletion(AwaitCompletionRequest(sessionID: session, inputID: firstID))
            }
            try await Task.sleep(for: .milliseconds(100))
            let later = try await server.client.sessions.acceptInput(
                AcceptInputRequest(sessionID: session, input: Wire.progress(of: "req-1", key: "progress of req-1"))
            )
            let laterID = try #require(Wire.acceptedID(later.outcome))
            let done = try await waiter.value
            guard case .abandoned(let abandoned) = done.outcome?.outcome else {
                Issue.record("not abandoned: \(done)")
                return
            }
            #expect(abandoned.reason == "coalesced into \(laterID)")
        }
    }

    @Test("interrupt and stop reach a sleeping run; interrupt on an idle session reports no run")
    func interruptAndStop() async throws {
        try await withLiveServer { server in
            let adapter = server.client.adapter
            let session = try await Sessions.with(server, executor: Wire.builtin(.sleep))
            let accepted = try await server.client.sessions.acceptInput(
                AcceptInputRequest(sessionID: session, input: SleepInput.make(milliseconds: 60_000))
            )
            let inputID = try #require(Wire.acceptedID(accepted.outcome))
            try await Runs.waitUntilRunning(server, session: session)
            _ = try await adapter.interruptCurrentRun(InterruptCurrentRunRequest(sessionID: session, reason: "enough"))
            let done = try await adapter.awaitCompletion(AwaitCompletionRequest(sessionID: session, inputID: inputID))
            guard case .cancelled = done.outcome?.outcome else {
                Issue.record("not cancelled: \(done)")
                return
            }
            let command = RunControlCommand(
                command: .stopRuntimeExecutor(RunControlStopRuntimeExecutor(reason: "done"))
            )
            _ = try await adapter.stopRuntimeExecutor(StopRuntimeExecutorRequest(sessionID: session, command: command))
            try await Expect.status(.notFound) {
                _ = try await adapter.interruptCurrentRun(InterruptCurrentRunRequest(sessionID: Wire.newSessionID()))
            }
        }
    }

    @Test("AcceptInputAndRun: the caller executes the one run and gets the committed receipt")
    func acceptInputAndRun() async throws {
        try await withLiveServer { server in
            let session = Wire.newSessionID()
            _ = try await server.client.adapter.registerSession(RegisterSessionRequest(sessionID: session))
            let finished = try await server.client.adapter.acceptInputAndRun {
                requests,
                responses -> AcceptInputAndRunFinished? in
                let start = AcceptInputAndRunStart(sessionID: session, input: Wire.prompt("by hand"))
                try await requests.write(AcceptInputAndRunRequest(item: .start(start)))
                for try await response in responses {
                    switch response.item {
                    case .assignment(let assignment):
                        try await requests.write(
                            AcceptInputAndRunRequest(item: .outcome(RemoteWorker.completed(assignment)))
                        )
                    case .finished(let finished):
                        return finished
                    case .acceptOutcome, .control, nil:
                        continue
                    }
                }
                return nil
            }
            let result = try #require(finished)
            #expect(result.inputState == .consumed)
            #expect(result.receipt?.runID == result.runID)
        }
    }

    @Test("comms: enable the peer ingress, send a peer message, drain it into a Peer input; drains abort and wait")
    func commsDrain() async throws {
        try await withLiveServer { server in
            let adapter = server.client.adapter
            let session = try await Sessions.withEcho(server)
            let bindings = try await adapter.prepareBindings(PrepareBindingsRequest(sessionID: session))
            #expect(bindings.bindings?.sessionID == session)
            let context = try await adapter.updatePeerIngressContext(
                UpdatePeerIngressContextRequest(sessionID: session, keepAlive: true, commsEnabled: true)
            )
            #expect(context.drainSpawned)
            #expect(try await adapter.sessionHasComms(SessionHasCommsRequest(sessionID: session)).commsEnabled)
            let message = InboxInteraction(
                fromPeer: "peer-a",
                content: InteractionContent(content: .message(InteractionMessage(body: "hello from a peer")))
            )
            let sent = try await server.client.comms.sendPeer(
                SendPeerRequest(
                    sessionID: session,
                    candidate: PeerInputCandidate(interaction: message),
                    waitForCompletion: true
                )
            )
            #expect(!sent.interactionID.isEmpty)
            #expect(sent.outcome != nil)
            let ops = try await adapter.listOps(ListOpsRequest(sessionID: session))
            #expect(!ops.epochID.isEmpty)
            let aborted = try await adapter.abortCommsDrain(AbortCommsDrainRequest(sessionID: session))
            #expect(aborted.aborted)
            _ = try await adapter.waitCommsDrain(WaitCommsDrainRequest(sessionID: session))
            _ = try await adapter.notifyCommsDrainExited(
                NotifyCommsDrainExitedRequest(sessionID: session, reason: .aborted)
            )
            _ = try await adapter.abortCommsDrains(AbortCommsDrainsRequest())
            try await Expect.status(.notFound) {
                _ = try await server.client.comms.sendPeer(
                    SendPeerRequest(sessionID: Wire.newSessionID(), candidate: PeerInputCandidate(interaction: message))
                )
            }
        }
    }
}

/// Waiting on run state.
enum Runs {
    /// Polls the session's runtime state until it is running.
    static func waitUntilRunning(_ server: LiveServer, session: String) async throws {
        for _ in 0..<500 {
            let state = try await server.client.sessions.runtimeState(SessionRuntimeStateRequest(sessionID: session))
            if state.state == .running { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw HarnessError("session \(session) never started running")
    }
}
