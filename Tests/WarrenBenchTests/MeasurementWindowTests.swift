import Testing

@testable import WarrenBench

/// The phases and tickets every caller and subscriber of a run reads.
@Suite("MeasurementWindow")
struct MeasurementWindowTests {
    @Test("a request-count run hands out exactly that many tickets, across callers")
    func ticketsRunOut() async throws {
        let window = MeasurementWindow(plan: try BenchPlan(mix: .ingest, concurrency: 8, stop: .requests(500)))
        let taken = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var count = 0
                    while window.takeTicket() { count += 1 }
                    return count
                }
            }
            return await group.reduce(0, +)
        }
        #expect(taken == 500)
        #expect(!window.takeTicket())
    }

    @Test("phases go pending, warm-up, measuring, over; measuring cannot start again once over")
    func phases() throws {
        let plan = try BenchPlan(mix: .ingest, stop: .duration(.seconds(2)), warmup: .seconds(1))
        let window = MeasurementWindow(plan: plan)
        #expect(window.phase == .pending)
        #expect(!window.beginMeasuring())
        let (warmupEnd, deadline) = window.open(plan: plan)
        #expect(window.phase == .warmup)
        #expect(deadline == warmupEnd + .seconds(2))
        #expect(window.beginMeasuring())
        #expect(window.phase == .measuring)
        window.close()
        #expect(window.phase == .over)
        #expect(!window.beginMeasuring())
        #expect(window.phase == .over)
        #expect(window.measuredInterval >= .zero)
    }

    @Test("a request-count run has no deadline")
    func noDeadlineForCounts() throws {
        let plan = try BenchPlan(mix: .ingest, stop: .requests(10), warmup: .zero)
        #expect(MeasurementWindow(plan: plan).open(plan: plan).deadline == nil)
    }
}

/// Waiting for every subscriber to catch up before the callers start.
@Suite("ReadyLatch")
struct ReadyLatchTests {
    @Test("opens once every party has arrived, whoever waits first")
    func opens() async throws {
        let latch = ReadyLatch(count: 3)
        async let waited: Void = latch.wait()
        for _ in 0..<3 { latch.arrive() }
        try await waited
        try await latch.wait()  // stays open
    }

    @Test("a latch for no one is open")
    func openForNone() async throws {
        try await ReadyLatch(count: 0).wait()
    }

    @Test("a failure before it opens is thrown to the waiter")
    func failsBeforeOpen() async {
        let latch = ReadyLatch(count: 2)
        latch.arrive()
        latch.fail(BenchSetupError("subscriber 2 could not subscribe"))
        await #expect(throws: BenchSetupError.self) { try await latch.wait() }
    }

    @Test("a failure after it opened changes nothing")
    func failureAfterOpenIgnored() async throws {
        let latch = ReadyLatch(count: 1)
        latch.arrive()
        latch.fail(BenchSetupError("late"))
        try await latch.wait()
    }
}
