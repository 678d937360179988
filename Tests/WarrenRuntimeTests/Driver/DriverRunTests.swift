import Testing

@testable import WarrenRuntime

/// Batching, staging, runs and their ends (input-spec §3.6; driver_ephemeral.rs), with Warren's fixes:
/// rollback keeps a batch's order, cancelled runs abandon their inputs, and runs emit events.
@Suite("Driver: runs")
struct DriverRunTests {
    @Test("steer drains before queue, a prompt runs alone, non-prompts batch")
    func batchSelection() throws {
        var driver = CoreHarness.driver()
        let event1 = try CoreHarness.admit(CoreInputs.externalEvent(), into: &driver)
        let event2 = try CoreHarness.admit(CoreInputs.message(), into: &driver)
        let prompt1 = try CoreHarness.admit(CoreInputs.prompt("one"), into: &driver)
        let prompt2 = try CoreHarness.admit(CoreInputs.prompt("two"), into: &driver)
        let event3 = try CoreHarness.admit(CoreInputs.terminal(), into: &driver)
        let steer1 = try CoreHarness.admit(CoreInputs.continuation(), into: &driver)
        let steer2 = try CoreHarness.admit(CoreInputs.prompt("steer", hint: .steer), into: &driver)

        var batches: [[InputID]] = []
        var boundaries: [RunBoundary] = []
        while let run = try driver.startNextRun(executorName: "test") {
            batches.append(run.inputIDs)
            boundaries.append(run.boundary)
            try CoreHarness.complete(run, in: &driver)
        }
        #expect(batches == [[steer1, steer2], [event1, event2], [prompt1], [prompt2], [event3]])
        #expect(boundaries == [.runCheckpoint, .runStart, .runStart, .runStart, .runStart])
        #expect(driver.activeInputIDs.isEmpty)
    }

    @Test("staging moves the batch out of its lane and emits run started, then staged per input")
    func stagingEvents() throws {
        var driver = CoreHarness.driver()
        let a = try CoreHarness.admit(CoreInputs.message(), into: &driver)
        let b = try CoreHarness.admit(CoreInputs.message(), into: &driver)
        _ = CoreHarness.events(&driver)
        let run = try CoreHarness.start(&driver)
        #expect(driver.lanes.isEmpty)
        #expect(driver.state == .running)
        #expect(driver[a]?.state == .staged)
        #expect(driver[a]?.lastRunID == run.runID)
        #expect(driver[a]?.attemptCount == 1)
        #expect(
            CoreHarness.events(&driver) == [
                .runtimeStateChanged(from: .idle, to: .running),
                .runStarted(runID: run.runID, inputIDs: [a, b], boundary: .runStart, executorName: "test"),
                .inputStaged(inputID: a, runID: run.runID),
                .inputStaged(inputID: b, runID: run.runID),
            ]
        )
        #expect(try driver.startNextRun(executorName: "test") == nil, "only one run at a time")
    }

    @Test("run completed consumes the batch and returns to idle")
    func runCompletedConsumes() throws {
        var driver = CoreHarness.driver()
        let id = try CoreHarness.admit(CoreInputs.prompt(), into: &driver)
        let run = try CoreHarness.start(&driver)
        _ = CoreHarness.events(&driver)
        let receipt = RunBoundaryReceipt(runID: run.runID, boundary: .runStart, contributingInputIDs: [id], sequence: 4)
        try driver.boundaryApplied(receipt)
        #expect(driver[id]?.state == .appliedPendingConsumption)
        #expect(driver[id]?.lastBoundarySequence == 4)
        try driver.runCompleted(run.runID)
        #expect(driver[id]?.state == .consumed)
        #expect(driver[id]?.terminalOutcome == .consumed)
        #expect(driver.state == .idle)
        #expect(driver.currentRun == nil)
        #expect(
            CoreHarness.events(&driver) == [
                .inputApplied(inputID: id, runID: run.runID, boundarySequence: 4),
                .boundaryCommitted(receipt),
                .inputConsumed(inputID: id, runID: run.runID),
                .runtimeStateChanged(from: .running, to: .idle),
                .runCompleted(runID: run.runID, consumedInputIDs: [id]),
            ]
        )
    }

    @Test("a run started while attached returns to attached")
    func runReturnsToAttached() throws {
        var driver = CoreHarness.driver()
        try driver.attach(executorName: "exec")
        try CoreHarness.admit(CoreInputs.prompt(), into: &driver)
        let run = try CoreHarness.start(&driver)
        try CoreHarness.complete(run, in: &driver)
        #expect(driver.state == .attached)
    }

    @Test("run events for another run id are ignored")
    func foreignRunIgnored() throws {
        var driver = CoreHarness.driver()
        let id = try CoreHarness.admit(CoreInputs.prompt(), into: &driver)
        let run = try CoreHarness.start(&driver)
        _ = CoreHarness.events(&driver)
        let other = RunID.make()
        try driver.runCompleted(other)
        try driver.runFailed(other, error: "x")
        try driver.runCancelled(other, reason: "x")
        #expect(driver[id]?.state == .staged)
        #expect(driver.currentRun == run)
        #expect(driver.state == .running)
        #expect(CoreHarness.events(&driver).isEmpty)
    }

    @Test("run failed rolls the batch back to queued, returns to idle and requests a wake")
    func runFailedRollsBackAndWakes() throws {
        var driver = CoreHarness.driver()
        let id = try CoreHarness.admit(CoreInputs.prompt(), into: &driver)
        let run = try CoreHarness.start(&driver)
        _ = driver.takeSignal()
        _ = CoreHarness.events(&driver)
        try driver.runFailed(run.runID, error: "boom")
        #expect(driver[id]?.state == .queued)
        #expect(driver[id]?.attemptCount == 1)
        #expect(driver.state == .idle)
        #expect(CoreHarness.queueLane(driver) == [id])
        #expect(driver.takeSignal() == .wakeLoop)
        #expect(
            CoreHarness.events(&driver) == [
                .inputQueued(inputID: id, requeuedFromRunID: run.runID, attemptCount: 1),
                .runtimeStateChanged(from: .running, to: .idle),
                .runFailed(runID: run.runID, error: "boom", recoverable: true),
            ]
        )
    }

    @Test("run failed with queued backlog requests a wake")
    func runFailedWakesForBacklog() throws {
        var driver = CoreHarness.driver()
        try CoreHarness.admit(CoreInputs.prompt("first"), into: &driver)
        let run = try CoreHarness.start(&driver)
        let backlog = try CoreHarness.admit(CoreInputs.prompt("second"), into: &driver)
        _ = driver.takeSignal()
        try driver.runFailed(run.runID, error: "boom")
        #expect(driver.takeSignal().shouldWake)
        #expect(CoreHarness.queueLane(driver) == run.inputIDs + [backlog])
    }

    @Test("rollback re-inserts a failed batch at the lane front in its original order")
    func rollbackKeepsBatchOrder() throws {
        var driver = CoreHarness.driver()
        let a = try CoreHarness.admit(CoreInputs.message(), into: &driver)
        let b = try CoreHarness.admit(CoreInputs.message(), into: &driver)
        let c = try CoreHarness.admit(CoreInputs.message(), into: &driver)
        let run = try CoreHarness.start(&driver)
        #expect(run.inputIDs == [a, b, c])
        let d = try CoreHarness.admit(CoreInputs.message(), into: &driver)
        try driver.runFailed(run.runID, error: "boom")
        #expect(CoreHarness.queueLane(driver) == [a, b, c, d])
        let retry = try CoreHarness.start(&driver)
        #expect(retry.inputIDs == [a, b, c, d])
    }

    @Test("rollback of a steer batch goes back to the front of the steer lane in order")
    func rollbackSteerBatch() throws {
        var driver = CoreHarness.driver()
        let a = try CoreHarness.admit(CoreInputs.continuation(), into: &driver)
        let b = try CoreHarness.admit(CoreInputs.continuation(), into: &driver)
        let run = try CoreHarness.start(&driver)
        let c = try CoreHarness.admit(CoreInputs.continuation(), into: &driver)
        try driver.runFailed(run.runID, error: "boom")
        #expect(CoreHarness.steerLane(driver) == [a, b, c])
        #expect(CoreHarness.queueLane(driver).isEmpty)
    }

    @Test("the third failed staging abandons the input, emits abandoned, and it leaves the lane")
    func retryBudgetAbandonsWithEvent() throws {
        var driver = CoreHarness.driver()
        let id = try CoreHarness.admit(CoreInputs.prompt(), into: &driver)
        for _ in 1...2 {
            let run = try CoreHarness.start(&driver)
            try driver.runFailed(run.runID, error: "boom")
            #expect(driver[id]?.state == .queued)
        }
        let last = try CoreHarness.start(&driver)
        _ = CoreHarness.events(&driver)
        _ = driver.takeSignal()
        try driver.runFailed(last.runID, error: "boom")
        #expect(driver[id]?.state == .abandoned)
        #expect(driver[id]?.terminalOutcome == .abandoned(.maxAttemptsExhausted(attempts: 3)))
        #expect(driver.lanes.isEmpty)
        #expect(driver.takeSignal() == .none)
        #expect(try driver.startNextRun(executorName: "test") == nil)
        #expect(
            CoreHarness.events(&driver) == [
                .inputAbandoned(inputID: id, reason: .maxAttemptsExhausted(attempts: 3)),
                .runtimeStateChanged(from: .running, to: .idle),
                .runFailed(runID: last.runID, error: "boom", recoverable: true),
            ]
        )
    }

    @Test("a cancelled run abandons its inputs with reason cancelled and never retries them")
    func cancelledRunAbandons() throws {
        var driver = CoreHarness.driver()
        let a = try CoreHarness.admit(CoreInputs.message(), into: &driver)
        let b = try CoreHarness.admit(CoreInputs.message(), into: &driver)
        let run = try CoreHarness.start(&driver)
        let backlog = try CoreHarness.admit(CoreInputs.prompt(), into: &driver)
        _ = CoreHarness.events(&driver)
        try driver.runCancelled(run.runID, reason: "interrupted")
        #expect(driver[a]?.terminalOutcome == .abandoned(.cancelled))
        #expect(driver[b]?.terminalOutcome == .abandoned(.cancelled))
        #expect(driver.state == .idle)
        #expect(CoreHarness.queueLane(driver) == [backlog])
        #expect(
            CoreHarness.events(&driver) == [
                .inputAbandoned(inputID: a, reason: .cancelled),
                .inputAbandoned(inputID: b, reason: .cancelled),
                .runtimeStateChanged(from: .running, to: .idle),
                .runCancelled(runID: run.runID, reason: "interrupted"),
            ]
        )
        let next = try CoreHarness.start(&driver)
        #expect(next.inputIDs == [backlog])
    }

    @Test("a permanent failure abandons the batch with reason failed")
    func permanentFailureAbandons() throws {
        var driver = CoreHarness.driver()
        let id = try CoreHarness.admit(CoreInputs.prompt(), into: &driver)
        let run = try CoreHarness.start(&driver)
        try driver.runFailedPermanently(run.runID, error: "fatal")
        #expect(driver[id]?.terminalOutcome == .abandoned(.failed))
        #expect(driver.lanes.isEmpty)
        #expect(driver.state == .idle)
    }

    @Test("a receipt must echo the run id and exactly the run's inputs")
    func receiptMismatch() throws {
        var driver = CoreHarness.driver()
        let a = try CoreHarness.admit(CoreInputs.message(), into: &driver)
        let b = try CoreHarness.admit(CoreInputs.message(), into: &driver)
        let run = try CoreHarness.start(&driver)
        let good = RunBoundaryReceipt(runID: run.runID, boundary: .runStart, contributingInputIDs: [a, b])
        #expect(driver.receiptMismatch(good, for: run) == nil)
        var wrongRun = good
        wrongRun.runID = .make()
        #expect(driver.receiptMismatch(wrongRun, for: run) != nil)
        var missing = good
        missing.contributingInputIDs = [a]
        #expect(driver.receiptMismatch(missing, for: run) != nil)
        var reordered = good
        reordered.contributingInputIDs = [b, a]
        #expect(driver.receiptMismatch(reordered, for: run) != nil)
    }

    @Test("the executor sees the run's inputs in batch order")
    func inputsOfRun() throws {
        var driver = CoreHarness.driver()
        let first = CoreInputs.message()
        let second = CoreInputs.externalEvent()
        try CoreHarness.admit(first, into: &driver)
        try CoreHarness.admit(second, into: &driver)
        let run = try CoreHarness.start(&driver)
        #expect(driver.inputs(of: run) == [first, second])
    }
}
