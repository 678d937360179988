import Testing
import WarrenProto
import WarrenRPC
import WarrenRuntime

@testable import WarrenServer

/// Remote executors through a real adapter: runs go out on the attachment, outcomes come back by sequence,
/// control is forwarded, and a lost attachment fails its run recoverably so the runtime retries it.
@Suite("Remote executors")
struct RemoteExecutorTests {
    @Test("a run goes out on the attachment and its outcome completes the input")
    func runCompletesThroughAttachment() async throws {
        let fixture = try await RemoteFixture()
        let attachment = try fixture.hub.attach(name: "worker", replaceExisting: false)
        let handle = try await fixture.accept("hello")
        var outbound = attachment.outbound.makeAsyncIterator()
        guard case .assignment(let sequence, let assignment) = await outbound.next() else {
            Issue.record("no assignment")
            return
        }
        #expect(assignment.sessionID == fixture.session)
        #expect(attachment.deliver(.completed(terminal: .result(RunResult(text: "done"))), sequence: sequence))
        #expect(try await handle.wait() == .completed(RunResult(text: "done")))
        #expect(attachment.runsInFlight == 0)
    }

    @Test("an interrupt reaches the executor as control for the run in flight")
    func interruptIsForwarded() async throws {
        let fixture = try await RemoteFixture()
        let attachment = try fixture.hub.attach(name: "worker", replaceExisting: false)
        let handle = try await fixture.accept("long")
        var outbound = attachment.outbound.makeAsyncIterator()
        guard case .assignment(let sequence, _) = await outbound.next() else {
            Issue.record("no assignment")
            return
        }
        try await fixture.adapter.interruptCurrentRun(fixture.session)
        guard case .control(let controlSequence, _, .cancelCurrentRun) = await outbound.next() else {
            Issue.record("no control")
            return
        }
        #expect(controlSequence == sequence)
        attachment.deliver(.cancelled(reason: "interrupted"), sequence: sequence)
        #expect(try await handle.wait() == .cancelled(reason: "interrupted"))
    }

    @Test("an executor lost mid-run fails the run recoverably and the input runs again on the next attachment")
    func lostAttachmentRetries() async throws {
        let fixture = try await RemoteFixture()
        let first = try fixture.hub.attach(name: "worker", replaceExisting: false)
        let handle = try await fixture.accept("retry me")
        var firstOutbound = first.outbound.makeAsyncIterator()
        guard case .assignment = await firstOutbound.next() else {
            Issue.record("no first assignment")
            return
        }
        let second = try fixture.hub.attach(name: "worker", replaceExisting: true)
        var secondOutbound = second.outbound.makeAsyncIterator()
        guard case .assignment(let sequence, let retried) = await secondOutbound.next() else {
            Issue.record("no retry")
            return
        }
        #expect(retried.inputs.map(\.id) == [handle.inputID])
        second.deliver(.completed(terminal: .result(RunResult(text: "second time"))), sequence: sequence)
        #expect(try await handle.wait() == .completed(RunResult(text: "second time")))
        #expect(await firstOutbound.next() == nil)
    }

    @Test("a run that finds no executor attached waits for one and runs there, spending no retry")
    func runWaitsForAttachment() async throws {
        let fixture = try await RemoteFixture()
        let handle = try await fixture.accept("patient")
        try await fixture.waitUntilRunning()
        let attachment = try fixture.hub.attach(name: "worker", replaceExisting: false)
        var outbound = attachment.outbound.makeAsyncIterator()
        guard case .assignment(let sequence, _) = await outbound.next() else {
            Issue.record("no assignment after attaching")
            return
        }
        attachment.deliver(.completed(terminal: .result(RunResult(text: "late"))), sequence: sequence)
        #expect(try await handle.wait() == .completed(RunResult(text: "late")))
        let state = try await fixture.adapter.inputState(fixture.session, handle.inputID)
        #expect(state?.attemptCount == 1)
    }

    @Test("an interrupt ends the wait for an executor: the run is cancelled")
    func interruptEndsTheWait() async throws {
        let fixture = try await RemoteFixture()
        let handle = try await fixture.accept("never served")
        try await fixture.waitUntilRunning()
        try await fixture.adapter.interruptCurrentRun(fixture.session)
        guard case .cancelled = try await handle.wait() else {
            Issue.record("not cancelled")
            return
        }
        #expect(fixture.hub.count == 0)
    }

    @Test("a name is attached once unless replaced; built-in names and empty names are refused")
    func attachRules() throws {
        let hub = RemoteExecutorHub()
        _ = try hub.attach(name: "worker", replaceExisting: false)
        #expect(throws: RPCError(.alreadyExists, "an executor is already attached as 'worker'")) {
            try hub.attach(name: "worker", replaceExisting: false)
        }
        #expect(throws: RPCError.self) { try hub.attach(name: "echo", replaceExisting: false) }
        #expect(throws: RPCError.self) { try hub.attach(name: "", replaceExisting: false) }
        #expect(hub.count == 1)
    }

    @Test("an outcome for a sequence that is not out is refused")
    func staleOutcomeIsRefused() {
        let attachment = ExecutorAttachment(name: "worker", attachmentID: "a")
        #expect(!attachment.deliver(.cancelled(reason: "x"), sequence: 7))
    }
}

/// An ephemeral adapter with one session bound to the remote name `worker`.
private struct RemoteFixture {
    let adapter = RuntimeSessionAdapter.ephemeral()
    let hub = RemoteExecutorHub()
    let session = SessionID.make()

    init() async throws {
        try await self.adapter.ensureSessionWithExecutor(
            self.session,
            executor: RemoteExecutor(name: "worker", hub: self.hub)
        )
    }

    /// Polls until the session's run has started (the executor was called).
    func waitUntilRunning() async throws {
        for _ in 0..<1_000 where try await self.adapter.runtimeState(self.session) != .running {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(try await self.adapter.runtimeState(self.session) == .running)
    }

    func accept(_ text: String) async throws -> CompletionHandle {
        let input = WarrenRuntime.Input.prompt(PromptInput(header: InputHeader(), text: text))
        let (_, handle) = try await self.adapter.acceptInputWithCompletion(self.session, input)
        return try #require(handle)
    }
}
