import Testing

@testable import WarrenRuntime

/// Supersession and coalescing at admission (input-spec §5), with Warren's fix: a replaced input leaves its
/// lane at once and is never staged or delivered.
@Suite("Driver: coalescing and supersession")
struct CoalescingTests {
    static func progress(key: String?) -> Input {
        CoreInputs.progress(header: CoreInputs.header(source: CoreInputs.peerOrigin, supersession: key))
    }

    @Test("a progress input with the same scope coalesces the queued one, which leaves its lane at once")
    func sameScopeCoalesces() throws {
        var driver = CoreHarness.driver()
        let old = try CoreHarness.admit(Self.progress(key: "req-1"), into: &driver)
        _ = CoreHarness.events(&driver)
        let new = try CoreHarness.admit(Self.progress(key: "req-1"), into: &driver)
        let record = try #require(driver[old])
        #expect(record.state == .coalesced)
        #expect(record.terminalOutcome == .coalesced(into: new))
        #expect(CoreHarness.steerLane(driver) == [new])
        #expect(driver[new]?.state == .queued)
        #expect(
            CoreHarness.events(&driver) == [
                .inputAccepted(inputID: new, kind: .peerResponseProgress),
                .inputCoalesced(inputID: old, into: new),
                .inputQueued(inputID: new, requeuedFromRunID: nil, attemptCount: 0),
            ]
        )
        #expect(Set(driver.takeChangedStates().map(\.inputID)) == [old, new])
    }

    @Test("a coalesced input is never staged: the next run carries only the latest")
    func coalescedNeverStaged() throws {
        var driver = CoreHarness.driver()
        let first = try CoreHarness.admit(Self.progress(key: "req-1"), into: &driver)
        let second = try CoreHarness.admit(Self.progress(key: "req-1"), into: &driver)
        let third = try CoreHarness.admit(Self.progress(key: "req-1"), into: &driver)
        #expect(driver[first]?.terminalOutcome == .coalesced(into: second))
        #expect(driver[second]?.terminalOutcome == .coalesced(into: third))
        let run = try CoreHarness.start(&driver)
        #expect(run.inputIDs == [third])
        try CoreHarness.complete(run, in: &driver)
        #expect(driver[first]?.state == .coalesced)
        #expect(driver[second]?.state == .coalesced)
        #expect(driver[third]?.state == .consumed)
        #expect(try driver.startNextRun(executorName: "test") == nil)
    }

    @Test("a different supersession key stays standalone")
    func differentKeyStandalone() throws {
        var driver = CoreHarness.driver()
        let a = try CoreHarness.admit(Self.progress(key: "req-1"), into: &driver)
        let b = try CoreHarness.admit(Self.progress(key: "req-2"), into: &driver)
        #expect(driver[a]?.state == .queued)
        #expect(CoreHarness.steerLane(driver) == [a, b])
    }

    @Test("inputs without a supersession key never coalesce")
    func noKeyStandalone() throws {
        var driver = CoreHarness.driver()
        let a = try CoreHarness.admit(Self.progress(key: nil), into: &driver)
        let b = try CoreHarness.admit(Self.progress(key: nil), into: &driver)
        let keyed = try CoreHarness.admit(Self.progress(key: "req-1"), into: &driver)
        #expect(driver[a]?.state == .queued)
        #expect(driver[b]?.state == .queued)
        #expect(CoreHarness.steerLane(driver) == [a, b, keyed])
    }

    @Test("a different kind with the same key stays standalone")
    func differentKindStandalone() throws {
        var driver = CoreHarness.driver()
        let message = try CoreHarness.admit(
            CoreInputs.message(
                hint: .steer,
                header: CoreInputs.header(source: CoreInputs.peerOrigin, supersession: "req-1")
            ),
            into: &driver
        )
        let terminal = try CoreHarness.admit(
            CoreInputs.terminal(header: CoreInputs.header(source: CoreInputs.peerOrigin, supersession: "req-1")),
            into: &driver
        )
        let progress = try CoreHarness.admit(Self.progress(key: "req-1"), into: &driver)
        #expect(driver[message]?.state == .queued)
        #expect(driver[terminal]?.state == .queued)
        #expect(CoreHarness.steerLane(driver) == [message, progress])
        #expect(CoreHarness.queueLane(driver) == [terminal])
    }

    @Test("a FIFO kind with the same key does not replace anything")
    func fifoKindDoesNotReplace() throws {
        var driver = CoreHarness.driver()
        let header = { CoreInputs.header(source: CoreInputs.peerOrigin, supersession: "same") }
        let a = try CoreHarness.admit(CoreInputs.message(header: header()), into: &driver)
        let b = try CoreHarness.admit(CoreInputs.message(header: header()), into: &driver)
        #expect(driver[a]?.state == .queued)
        #expect(CoreHarness.queueLane(driver) == [a, b])
    }

    @Test("only a queued input is replaced: a staged one in a run is left alone")
    func onlyQueuedReplaced() throws {
        var driver = CoreHarness.driver()
        let staged = try CoreHarness.admit(Self.progress(key: "req-1"), into: &driver)
        let run = try CoreHarness.start(&driver)
        #expect(run.inputIDs == [staged])
        let newer = try CoreHarness.admit(Self.progress(key: "req-1"), into: &driver)
        #expect(driver[staged]?.state == .staged)
        #expect(CoreHarness.steerLane(driver) == [newer])
        try CoreHarness.complete(run, in: &driver)
        #expect(driver[staged]?.state == .consumed)
        let next = try CoreHarness.start(&driver)
        #expect(next.inputIDs == [newer])
    }

    @Test("a terminal input with the same scope is not touched")
    func terminalNotReplaced() throws {
        var driver = CoreHarness.driver()
        let old = try CoreHarness.admit(Self.progress(key: "req-1"), into: &driver)
        try CoreHarness.complete(try CoreHarness.start(&driver), in: &driver)
        _ = CoreHarness.events(&driver)
        let new = try CoreHarness.admit(Self.progress(key: "req-1"), into: &driver)
        #expect(driver[old]?.terminalOutcome == .consumed)
        #expect(
            !CoreHarness.events(&driver).contains(.inputCoalesced(inputID: old, into: new))
        )
    }
}
