import Testing
import WarrenRuntime

/// The drain and the mapping against the real adapter: the regression_comms_runtime.rs policy facts and
/// an interaction's full round trip to its subscriber.
@Suite("Comms against the runtime adapter")
struct CommsAdapterIntegrationTests {
    let session = SessionID.make()

    func admit(_ candidate: PeerInputCandidate, into adapter: RuntimeSessionAdapter) async throws -> PolicyDecision {
        let input = InteractionMapping.input(for: candidate, runtimeID: session.runtimeID)
        guard case .accepted(_, let policy, let state) = try await adapter.acceptInput(session, input) else {
            throw PolicyFailure.notAccepted
        }
        #expect(state.state == .queued, "\(candidate.inputClass): an idle runtime without a loop keeps it queued")
        return policy
    }

    enum PolicyFailure: Error { case notAccepted }

    @Test("message, request and terminal response start a run and wake an idle runtime")
    func wakingKinds() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        _ = try await adapter.registerSession(session)
        for candidate in [
            commsCandidate(.actionableMessage), commsCandidate(.actionableRequest), commsCandidate(.response),
        ] {
            let policy = try await admit(candidate, into: adapter)
            #expect(policy.applyMode == .stageRunStart, "\(candidate.inputClass)")
            #expect(policy.wakeMode == .wakeIfIdle, "\(candidate.inputClass)")
        }
    }

    @Test("response progress waits for a run boundary, coalesces and never wakes")
    func progressPolicy() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        _ = try await adapter.registerSession(session)
        let progress = commsCandidate(
            .response,
            content: .response(inReplyTo: .make(), status: .accepted, resultJSON: [])
        )
        let policy = try await admit(progress, into: adapter)
        #expect(policy.applyMode == .stageRunBoundary)
        #expect(policy.wakeMode == .none)
        #expect(policy.queueMode == .coalesce)
        #expect(policy.consumePoint == .onRunComplete)
    }

    @Test("a steer terminal response wakes an idle runtime and routes as steer")
    func steerTerminalResponse() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        _ = try await adapter.registerSession(session)
        let policy = try await admit(commsCandidate(.response, handlingMode: .steer), into: adapter)
        #expect(policy.wakeMode == .wakeIfIdle)
        #expect(policy.routingDisposition == .steer)
    }

    @Test("an interaction drained into an attached session reaches its subscriber with the run's result")
    func roundTrip() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        try await adapter.ensureSessionWithExecutor(session, executor: CommsEchoExecutor())
        let inbox = InMemoryPeerInbox()
        let message = commsCandidate(.actionableMessage, content: .message(body: "ping"), renderedText: "[peer] ping")
        inbox.recordOutcome(of: message.interaction.id)
        inbox.deliver(message)
        let drain = CommsDrainTask(sessionID: session, host: CommsAdapterHost(adapter: adapter), inbox: inbox).spawn()
        defer { drain.cancel() }
        #expect(await commsWithin { await inbox.awaitCompletion(of: message.interaction.id) } == true)
        #expect(inbox.recordedOutcome(of: message.interaction.id) == .complete(result: "echo: [peer] ping"))
    }

    @Test("an interaction for an unregistered session fails admission and is still marked complete")
    func unregisteredSession() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let inbox = InMemoryPeerInbox()
        let message = commsCandidate(.actionableMessage)
        inbox.recordOutcome(of: message.interaction.id)
        inbox.deliver(message)
        let drain = CommsDrainTask(sessionID: session, host: CommsAdapterHost(adapter: adapter), inbox: inbox).spawn()
        defer { drain.cancel() }
        #expect(await commsWithin { await inbox.awaitCompletion(of: message.interaction.id) } == true)
        #expect(inbox.recordedOutcome(of: message.interaction.id) == nil, "no outcome was ever produced")
    }
}

/// Forwards a drain's calls to a real adapter (until the adapter conforms to ``CommsDrainHost`` itself).
struct CommsAdapterHost: CommsDrainHost {
    let adapter: RuntimeSessionAdapter

    func acceptInput(_ sessionID: SessionID, _ input: Input) async throws(RuntimeDriverError) -> AcceptOutcome {
        try await adapter.acceptInput(sessionID, input)
    }

    func acceptInputWithCompletion(_ sessionID: SessionID, _ input: Input) async throws(RuntimeDriverError)
        -> (AcceptOutcome, CompletionHandle?)
    {
        try await adapter.acceptInputWithCompletion(sessionID, input)
    }

    func stopRuntimeExecutor(_ sessionID: SessionID, command: RunControlCommand) async throws(RuntimeDriverError) {
        try await adapter.stopRuntimeExecutor(sessionID, command: command)
    }

    func notifyCommsDrainExited(_ sessionID: SessionID, reason: DrainExitReason) async {}
}

/// Answers every run with "echo: " and the batch's text.
struct CommsEchoExecutor: Executor {
    var name: String { "comms-echo" }

    func run(_ assignment: RunAssignment, control: RunControlStream) async -> RunOutcome {
        .completed(terminal: .result(RunResult(text: "echo: " + assignment.inputs.map(\.text).joined())))
    }
}
