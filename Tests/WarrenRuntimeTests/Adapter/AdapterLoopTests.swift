import Testing
import WarrenRuntime
import WarrenStore

/// The runtime loop: failures, retries, upgrades, interrupt and stop (session_adapter.rs and Warren's fixes).
@Suite("Adapter loop")
struct AdapterLoopTests {
    @Test("a failed run returns its input to queued and the runtime stays attached; the retry consumes it")
    func failedExecutorRequeuesInput() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        let executor = FailExecutor(failures: 1)
        try await adapter.ensureSessionWithExecutor(session, executor: executor)
        let (_, handle) = try await adapter.acceptInputWithCompletion(session, prompt())
        let outcome = try await #require(handle).wait()
        guard case .completed = outcome else { Issue.record("not completed after a retry: \(outcome)"); return }
        let record = try #require(try await adapter.inputState(session, handle!.inputID))
        #expect(record.attemptCount == 2)
        #expect(record.history.map(\.to).contains(.queued))
        #expect(try await adapter.runtimeState(session) == .attached)
    }

    @Test("an input whose every run fails is abandoned after the stage budget and its waiter told")
    func retryBudgetAbandons() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.ensureSessionWithExecutor(session, executor: FailExecutor(failures: 5))
        let (_, handle) = try await adapter.acceptInputWithCompletion(session, prompt())
        #expect(try await #require(handle).wait() == .abandoned(reason: "MaxAttemptsExhausted { attempts: 3 }"))
    }

    @Test("after a failed run the loop keeps draining later inputs")
    func failedExecutorContinuesProcessingBacklog() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        let executor = ScriptedExecutor { assignment, _ in
            assignment.inputs.contains { $0.text == "bad" }
                ? .failed(error: "boom", recoverable: false) : .completed(terminal: nil)
        }
        try await adapter.ensureSessionWithExecutor(session, executor: executor)
        let (_, bad) = try await adapter.acceptInputWithCompletion(session, prompt("bad"))
        let (_, good) = try await adapter.acceptInputWithCompletion(session, prompt("good"))
        #expect(try await #require(good).wait() == .completedWithoutResult)
        #expect(try await #require(bad).wait() == .abandoned(reason: "Failed"))
    }

    @Test("ensure upgrades a registered session in place and drains its queued input")
    func ensureUpgradesRegisteredSession() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.registerSession(session)
        let (_, handle) = try await adapter.acceptInputWithCompletion(session, prompt())
        try await adapter.ensureSessionWithExecutor(session, executor: ScriptedExecutor())
        #expect(try await #require(handle).wait() == .completed(RunResult(text: "hello")))
        #expect(try await adapter.runtimeState(session) == .attached)
        #expect(try await adapter.inputState(session, handle!.inputID)?.state == .consumed)
    }

    @Test("an interrupt reaches a busy executor, and the cancelled input is not retried")
    func interruptReachesBusyExecutor() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        let executor = ScriptedExecutor { _, control in
            for await command in control {
                if case .cancelCurrentRun(let reason) = command { return .cancelled(reason: reason) }
            }
            return .completed(terminal: nil)
        }
        try await adapter.ensureSessionWithExecutor(session, executor: executor)
        let (_, handle) = try await adapter.acceptInputWithCompletion(session, prompt())
        #expect(await eventually { executor.applyCount == 1 })
        try await adapter.interruptCurrentRun(session)
        #expect(try await #require(handle).wait() == .cancelled(reason: "interrupt"))
        #expect(try await adapter.inputState(session, handle!.inputID)?.terminalOutcome == .abandoned(.cancelled))
        #expect(executor.applyCount == 1)
    }

    @Test("stop returns at once, keeps the attachment live until it completes, then interrupt is not ready")
    func stopKeepsAttachmentLiveUntilStopCompletes() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        let gate = Gate()
        let executor = ScriptedExecutor.gated(by: gate)
        try await adapter.ensureSessionWithExecutor(session, executor: executor)
        let (_, handle) = try await adapter.acceptInputWithCompletion(session, prompt())
        #expect(await eventually { executor.applyCount == 1 })
        try await adapter.stopRuntimeExecutor(session, command: .stopRuntimeExecutor(reason: "test stop"))
        try await adapter.interruptCurrentRun(session)  // still live while the slow stop runs
        gate.open()
        _ = try await #require(handle).wait()
        #expect(await eventually { (try? await adapter.runtimeState(session)) == .stopped })
        await #expect(throws: RuntimeDriverError.notReady(state: .stopped)) {
            try await adapter.interruptCurrentRun(session)
        }
    }

    @Test("stop with no loop stops the runtime directly and abandons its inputs")
    func stopWithoutLoopFallback() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.registerSession(session)
        let (_, handle) = try await adapter.acceptInputWithCompletion(session, prompt())
        try await adapter.stopRuntimeExecutor(session, command: .stopRuntimeExecutor(reason: "stop"))
        #expect(try await adapter.runtimeState(session) == .stopped)
        #expect(try await #require(handle).wait() == .runtimeTerminated(reason: "runtime stopped"))
        #expect(try await adapter.inputState(session, handle!.inputID)?.terminalOutcome == .abandoned(.destroyed))
    }

    @Test("a receipt that does not echo the run's inputs fails the run")
    func receiptMismatchFailsTheRun() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        let executor = ScriptedExecutor { assignment, _ in
            .completed(
                terminal: nil,
                receipt: RunBoundaryReceipt(runID: assignment.runID, boundary: .runStart, contributingInputIDs: [])
            )
        }
        try await adapter.ensureSessionWithExecutor(session, executor: executor)
        let (_, handle) = try await adapter.acceptInputWithCompletion(session, prompt())
        let outcome = try await #require(handle).wait()
        #expect(outcome == .abandoned(reason: "MaxAttemptsExhausted { attempts: 3 }"))
        #expect(executor.applyCount == 3)
    }

    @Test("recycle of an attached runtime re-attaches, keeps the waiter and wakes the loop once")
    func recycleAttachedRuntimeWakesPreservedQueuedWork() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.registerSession(session)
        let (_, handle) = try await adapter.acceptInputWithCompletion(session, prompt())
        let report = try await adapter.recycle(session.runtimeID)
        #expect(report.inputsTransferred == 1)
        let executor = ScriptedExecutor()
        try await adapter.ensureSessionWithExecutor(session, executor: executor)
        #expect(try await #require(handle).wait() == .completed(RunResult(text: "hello")))
        #expect(executor.applyCount == 1)
        #expect(try await adapter.runtimeState(session) == .attached)
    }
}
