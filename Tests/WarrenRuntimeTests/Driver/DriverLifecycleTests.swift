import Testing

@testable import WarrenRuntime

/// Retire, reset, destroy, stop, recycle and in-memory recovery on the driver (input-spec §7.4,
/// runtime-spec §2.2; driver_ephemeral.rs), with Warren's fix that reset checks legality first.
@Suite("Driver: lifecycle operations")
struct DriverLifecycleTests {
    /// A driver holding two queued prompts.
    static func twoQueued() throws -> (RuntimeDriver, [InputID]) {
        var driver = CoreHarness.driver()
        let a = try CoreHarness.admit(CoreInputs.prompt("a"), into: &driver)
        let b = try CoreHarness.admit(CoreInputs.prompt("b"), into: &driver)
        _ = driver.takeSignal()
        _ = driver.takeEvents()
        return (driver, [a, b])
    }

    // MARK: Retire

    @Test("retire keeps the queue for draining and abandons nothing")
    func retirePreservesQueue() throws {
        var (driver, ids) = try Self.twoQueued()
        let report = try driver.retire()
        #expect(report == RetireReport(inputsAbandoned: 0, inputsPendingDrain: 2))
        #expect(driver.state == .retired)
        #expect(CoreHarness.queueLane(driver) == ids)
        #expect(ids.allSatisfy { driver[$0]?.state == .queued })
        #expect(
            CoreHarness.events(&driver) == [.runtimeStateChanged(from: .idle, to: .retired), .runtimeRetired(report)]
        )
    }

    @Test("a retired runtime rejects new input with NotReady and keeps its queue")
    func retiredRejectsInput() throws {
        var (driver, ids) = try Self.twoQueued()
        _ = try driver.retire()
        let input = CoreInputs.prompt()
        #expect(throws: RuntimeDriverError.notReady(state: .retired)) { try driver.accept(input) }
        #expect(driver[input.id] == nil)
        #expect(CoreHarness.queueLane(driver) == ids)
    }

    @Test("a retired runtime drains its queue through runs and returns to retired after each")
    func retiredDrainsViaRunCycle() throws {
        var (driver, ids) = try Self.twoQueued()
        _ = try driver.retire()
        #expect(driver.canStartRun)
        for id in ids {
            let run = try CoreHarness.start(&driver)
            #expect(run.inputIDs == [id])
            #expect(driver.state == .running)
            #expect(throws: RuntimeDriverError.notReady(state: .retired)) { try driver.accept(CoreInputs.prompt()) }
            try CoreHarness.complete(run, in: &driver)
            #expect(driver.state == .retired)
            #expect(driver[id]?.state == .consumed)
        }
        #expect(!driver.canStartRun)
    }

    @Test("retiring during a run keeps the run; its end returns to retired")
    func retireDuringRun() throws {
        var driver = CoreHarness.driver()
        let inFlight = try CoreHarness.makeRunning(&driver)
        let queued = try CoreHarness.admit(CoreInputs.prompt(), into: &driver)
        let report = try driver.retire()
        #expect(report.inputsPendingDrain == 2)
        #expect(driver.state == .retired)
        #expect(driver.currentRun == inFlight)
        #expect(!driver.canStartRun)
        try CoreHarness.complete(inFlight, in: &driver)
        #expect(driver.state == .retired)
        let next = try CoreHarness.start(&driver)
        #expect(next.inputIDs == [queued])
        #expect(throws: RuntimeDriverError.notReady(state: .retired)) { try driver.accept(CoreInputs.prompt()) }
        try driver.runFailed(next.runID, error: "boom")
        #expect(driver.state == .retired)
    }

    @Test("retire is not idempotent")
    func retireTwiceFails() throws {
        var driver = CoreHarness.driver()
        _ = try driver.retire()
        #expect(throws: RuntimeDriverError.self) { try driver.retire() }
        #expect(driver.state == .retired)
    }

    // MARK: Reset

    @Test("reset abandons every non-terminal input with reason reset and drains both lanes")
    func resetAbandonsAndDrains() throws {
        var (driver, ids) = try Self.twoQueued()
        let steer = try CoreHarness.admit(CoreInputs.continuation(), into: &driver)
        _ = driver.takeEvents()
        let report = try driver.reset()
        #expect(report == ResetReport(inputsAbandoned: 3))
        #expect(driver.lanes.isEmpty)
        #expect(driver.activeInputIDs.isEmpty)
        #expect(driver.takeSignal() == .none)
        for id in ids + [steer] {
            #expect(driver[id]?.terminalOutcome == .abandoned(.reset))
        }
        #expect(
            CoreHarness.events(&driver) == ids.map { .inputAbandoned(inputID: $0, reason: .reset) } + [
                .inputAbandoned(inputID: steer, reason: .reset),
                .runtimeReset(report),
            ]
        )
        try CoreHarness.admit(CoreInputs.prompt(), into: &driver)
    }

    @Test("reset leaves terminal inputs untouched and counts only the others")
    func resetSkipsTerminal() throws {
        var driver = CoreHarness.driver()
        let done = try CoreHarness.admit(CoreInputs.prompt(), into: &driver)
        try CoreHarness.complete(try CoreHarness.start(&driver), in: &driver)
        let operation = try CoreHarness.admit(CoreInputs.operation(), into: &driver)
        let pending = try CoreHarness.admit(CoreInputs.prompt(), into: &driver)
        #expect(try driver.reset().inputsAbandoned == 1)
        #expect(driver[done]?.terminalOutcome == .consumed)
        #expect(driver[operation]?.terminalOutcome == .consumed)
        #expect(driver[pending]?.terminalOutcome == .abandoned(.reset))
    }

    @Test("reset after retire returns the runtime to idle, accepting again")
    func resetAfterRetire() throws {
        var (driver, _) = try Self.twoQueued()
        _ = try driver.retire()
        _ = driver.takeEvents()
        let report = try driver.reset()
        #expect(report.inputsAbandoned == 2)
        #expect(driver.state == .idle)
        let events = CoreHarness.events(&driver)
        #expect(events.contains(.runtimeStateChanged(from: .retired, to: .idle)))
        try CoreHarness.admit(CoreInputs.prompt(), into: &driver)
    }

    @Test("reset while running is refused and changes nothing")
    func resetRejectedWhileRunning() throws {
        var driver = CoreHarness.driver()
        let run = try CoreHarness.makeRunning(&driver)
        let queued = try CoreHarness.admit(CoreInputs.prompt(), into: &driver)
        _ = driver.takeEvents()
        _ = driver.takeChangedStates()
        let statesBefore = driver.allStates
        let signalBefore = driver.signal
        #expect(throws: RuntimeDriverError.notReady(state: .running)) { try driver.reset() }
        #expect(driver.state == .running)
        #expect(driver.currentRun == run)
        #expect(driver.allStates == statesBefore)
        #expect(CoreHarness.queueLane(driver) == [queued])
        #expect(driver.signal == signalBefore)
        #expect(driver.takeEvents().isEmpty)
        #expect(driver.takeChangedStates().isEmpty)
    }

    @Test("reset of a stopped runtime is refused and changes nothing", arguments: [RuntimeState.stopped, .destroyed])
    func resetRejectedWhenTerminal(state: RuntimeState) throws {
        var driver = CoreHarness.driver(state)
        #expect(throws: RuntimeDriverError.self) { try driver.reset() }
        #expect(driver.state == state)
        #expect(driver.takeEvents().isEmpty)
    }

    // MARK: Destroy and stop

    @Test("destroy abandons every active input with reason destroyed and is final")
    func destroyAbandonsAll() throws {
        var (driver, ids) = try Self.twoQueued()
        let report = try driver.destroy()
        #expect(report == DestroyReport(inputsAbandoned: 2))
        #expect(driver.state == .destroyed)
        #expect(driver.activeInputIDs.isEmpty)
        #expect(driver.lanes.isEmpty)
        #expect(ids.allSatisfy { driver[$0]?.terminalOutcome == .abandoned(.destroyed) })
        #expect(
            CoreHarness.events(&driver) == [.runtimeStateChanged(from: .idle, to: .destroyed)]
                + ids.map { .inputAbandoned(inputID: $0, reason: .destroyed) } + [.runtimeDestroyed(report)]
        )
        #expect(throws: RuntimeDriverError.notReady(state: .destroyed)) { try driver.accept(CoreInputs.prompt()) }
        #expect(throws: RuntimeDriverError.self) { try driver.destroy() }
    }

    @Test("destroy during a run abandons the run's inputs too")
    func destroyDuringRun() throws {
        var driver = CoreHarness.driver()
        let run = try CoreHarness.makeRunning(&driver)
        let queued = try CoreHarness.admit(CoreInputs.prompt(), into: &driver)
        #expect(try driver.destroy().inputsAbandoned == 2)
        #expect(driver.currentRun == nil)
        #expect(driver[run.inputIDs[0]]?.terminalOutcome == .abandoned(.destroyed))
        #expect(driver[queued]?.terminalOutcome == .abandoned(.destroyed))
        #expect(!driver.canStartRun)
    }

    @Test("destroy after retire is terminal")
    func destroyAfterRetire() throws {
        var (driver, _) = try Self.twoQueued()
        _ = try driver.retire()
        #expect(try driver.destroy().inputsAbandoned == 2)
        #expect(driver.state == .destroyed)
    }

    @Test("stop abandons every active input with reason destroyed and empties the lanes")
    func stopAbandonsAll() throws {
        var (driver, ids) = try Self.twoQueued()
        #expect(try driver.stop() == 2)
        #expect(driver.state == .stopped)
        #expect(driver.lanes.isEmpty)
        #expect(ids.allSatisfy { driver[$0]?.terminalOutcome == .abandoned(.destroyed) })
        #expect(throws: RuntimeDriverError.self) { try driver.stop() }
        _ = try driver.destroy()
        #expect(driver.state == .destroyed)
    }

    // MARK: Recycle and in-memory recovery

    @Test("recycle of a retired runtime yields idle and keeps the queue")
    func recycleRetired() throws {
        var (driver, ids) = try Self.twoQueued()
        _ = try driver.retire()
        _ = driver.takeEvents()
        let report = try driver.recycle()
        #expect(report.inputsTransferred == 2)
        #expect(driver.state == .idle)
        #expect(CoreHarness.queueLane(driver) == ids)
        let events = CoreHarness.events(&driver)
        #expect(
            events.prefix(2) == [
                .runtimeStateChanged(from: .retired, to: .recovering),
                .runtimeStateChanged(from: .recovering, to: .idle),
            ]
        )
    }

    @Test("recycle is refused while a run is in flight")
    func recycleRejectedWhileRunning() throws {
        var driver = CoreHarness.driver()
        _ = try CoreHarness.makeRunning(&driver)
        #expect(throws: RuntimeDriverError.notReady(state: .running)) { try driver.recycle() }
        #expect(driver.state == .running)
    }

    @Test("in-memory recovery counts queued inputs as recovered without requeueing them")
    func recoveryCountsQueued() throws {
        var (driver, ids) = try Self.twoQueued()
        let report = driver.recoverInMemory()
        #expect(report.inputsRecovered == 2)
        #expect(report.inputsRequeued == 0)
        #expect(CoreHarness.queueLane(driver) == ids)
    }

    @Test("in-memory recovery leaves an applied input applied")
    func recoveryAppliedStaysApplied() throws {
        var driver = CoreHarness.driver()
        let id = try CoreHarness.admit(CoreInputs.prompt(), into: &driver)
        let run = try CoreHarness.start(&driver)
        try driver.boundaryApplied(
            RunBoundaryReceipt(runID: run.runID, boundary: .runStart, contributingInputIDs: [id])
        )
        let report = driver.recoverInMemory()
        #expect(report.inputsRecovered == 1)
        #expect(driver[id]?.state == .appliedPendingConsumption)
        #expect(driver.lanes.isEmpty)
    }
}
