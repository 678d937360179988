import Testing
import WarrenStore

@testable import WarrenRuntime

/// Completion handles and the waiters each lifecycle operation ends (session_adapter.rs).
@Suite("Adapter completions")
struct AdapterCompletionTests {
    static func queuedSession() async throws -> (RuntimeSessionAdapter, SessionID, CompletionHandle) {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.registerSession(session)
        let (_, handle) = try await adapter.acceptInputWithCompletion(session, prompt())
        return (adapter, session, try #require(handle))
    }

    @Test("unregister ends pending waiters with runtime session unregistered")
    func unregisterTerminatesPendingWaiters() async throws {
        let (adapter, session, handle) = try await Self.queuedSession()
        await adapter.unregisterSession(session)
        #expect(try await handle.wait() == .runtimeTerminated(reason: "runtime session unregistered"))
    }

    @Test("reset ends pending waiters and abandons their inputs")
    func resetRuntimeResolvesPendingWaiters() async throws {
        let (adapter, session, handle) = try await Self.queuedSession()
        let report = try await adapter.resetRuntime(session)
        #expect(report.inputsAbandoned == 1)
        #expect(try await handle.wait() == .runtimeTerminated(reason: "runtime reset"))
        #expect(try await adapter.inputState(session, handle.inputID)?.terminalOutcome == .abandoned(.reset))
    }

    @Test("retire without a loop abandons queued work and ends its waiters")
    func retireWithoutLoopResolvesWaiters() async throws {
        let (adapter, session, handle) = try await Self.queuedSession()
        let report = try await adapter.retireRuntime(session)
        #expect(report == RetireReport(inputsAbandoned: 1, inputsPendingDrain: 0))
        #expect(try await handle.wait() == .runtimeTerminated(reason: "retired without runtime loop"))
        #expect(try await adapter.runtimeState(session) == .retired)
    }

    @Test("an executor with no result completes without result")
    func completionHandleResolvesWithoutResult() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.ensureSessionWithExecutor(
            session,
            executor: ScriptedExecutor { _, _ in .completed(terminal: nil) }
        )
        let (_, handle) = try await adapter.acceptInputWithCompletion(session, prompt())
        #expect(try await #require(handle).wait() == .completedWithoutResult)
    }

    @Test("a duplicate key after completion is deduplicated with no handle")
    func dedupTerminalInputReturnsNoHandle() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.ensureSessionWithExecutor(session, executor: ScriptedExecutor())
        let (_, first) = try await adapter.acceptInputWithCompletion(session, prompt(key: "k"))
        _ = try await #require(first).wait()
        let (outcome, second) = try await adapter.acceptInputWithCompletion(session, prompt(key: "k"))
        guard case .deduplicated(_, let existing) = outcome else {
            Issue.record("not deduplicated: \(outcome)"); return
        }
        #expect(existing == first?.inputID)
        #expect(second == nil)
    }

    @Test("a duplicate while the original is in flight joins its waiters")
    func dedupInflightInputReturnsHandleThatResolves() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        let gate = Gate()
        try await adapter.ensureSessionWithExecutor(
            session,
            executor: ScriptedExecutor { assignment, _ in
                await gate.wait()
                return .completed(terminal: .result(RunResult(text: assignment.inputs[0].text)))
            }
        )
        let (_, first) = try await adapter.acceptInputWithCompletion(session, prompt("original", key: "k"))
        let (outcome, second) = try await adapter.acceptInputWithCompletion(session, prompt("duplicate", key: "k"))
        guard case .deduplicated = outcome else { Issue.record("not deduplicated"); return }
        gate.open()
        let expected = CompletionOutcome.completed(RunResult(text: "original"))
        #expect(try await #require(first).wait() == expected)
        #expect(try await #require(second).wait() == expected)
    }

    @Test("a rejected admission with completion is a validation error (Q12 kept for this call only)")
    func rejectedWithCompletionIsValidationFailed() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.registerSession(session)
        let derived = Input.prompt(PromptInput(header: InputHeader(durability: .derived), text: "x"))
        await #expect(
            throws: RuntimeDriverError.validationFailed(reason: "External ingress cannot submit derived inputs")
        ) {
            try await adapter.acceptInputWithCompletion(session, derived)
        }
        #expect(
            try await adapter.acceptInput(session, derived)
                == .rejected(.durabilityViolation(detail: "External ingress cannot submit derived inputs"))
        )
    }

    @Test("await completion by id answers at once for a terminal input")
    func awaitCompletionForTerminalInput() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.ensureSessionWithExecutor(session, executor: ScriptedExecutor())
        let (_, handle) = try await adapter.acceptInputWithCompletion(session, prompt())
        _ = try await #require(handle).wait()
        let again = try await adapter.awaitCompletion(session, inputID: handle!.inputID)
        #expect(again.outcome == .completed(RunResult(text: "hello")))
        #expect(try await again.wait() == .completed(RunResult(text: "hello")))
    }

    @Test(
        "a waiter of an input coalesced by a later admission ends when that admission commits",
        .timeLimit(.minutes(1))
    )
    func coalescedInputResolvesItsWaiter() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.registerSession(session)
        let header = { CoreInputs.header(source: CoreInputs.peerOrigin, supersession: "progress of req-1") }
        let (_, handle) = try await adapter.acceptInputWithCompletion(session, CoreInputs.progress(header: header()))
        let first = try #require(handle)
        guard
            case .accepted(let later, _, _) = try await adapter.acceptInput(
                session,
                CoreInputs.progress(header: header())
            )
        else {
            Issue.record("the later progress was not accepted")
            return
        }
        #expect(try await adapter.inputState(session, first.inputID)?.terminalOutcome == .coalesced(into: later))
        #expect(try await first.wait() == .abandoned(reason: "coalesced into \(later)"))
    }
}
