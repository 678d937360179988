import Testing
import WarrenBench

/// Per-caller histograms and their merge.
@Suite("LatencyHistogram")
struct LatencyHistogramTests {
    @Test("merging the callers' histograms gives the percentiles of all their values together")
    func mergeAcrossCallers() {
        // Four callers record 1...1000 µs between them, each a different residue class, so no caller alone
        // has the overall distribution.
        var callers = Array(repeating: LatencyHistogram(), count: 4)
        for micros in 1...1_000 {
            callers[micros % 4].record(.microseconds(micros))
        }
        var merged = LatencyHistogram()
        for caller in callers { merged.merge(caller) }
        #expect(merged.count == 1_000)
        let summary = merged.summary
        #expect(abs(summary.p50 - 500) <= 1)
        #expect(abs(summary.p90 - 900) <= 1)
        #expect(abs(summary.p99 - 990) <= 1)
        #expect(abs(summary.p999 - 999) <= 1)
        #expect(abs(summary.max - 1_000) <= 1)
        #expect(abs(summary.min - 1) <= 0.01)
        #expect(abs(summary.mean - 500.5) <= 1)
    }

    @Test("merge order does not matter")
    func mergeIsOrderFree() {
        var first = LatencyHistogram()
        var second = LatencyHistogram()
        for micros in stride(from: 10, through: 5_000, by: 10) { first.record(.microseconds(micros)) }
        for millis in 1...50 { second.record(.milliseconds(millis)) }
        var forward = first
        forward.merge(second)
        var backward = second
        backward.merge(first)
        #expect(forward.summary == backward.summary)
        #expect(forward.count == 550)
    }

    @Test("a latency longer than the initial range still records (the histogram resizes)")
    func recordsLongLatencies() {
        var histogram = LatencyHistogram()
        histogram.record(.seconds(120))
        var merged = LatencyHistogram()
        merged.merge(histogram)
        #expect(merged.count == 1)
        #expect(abs(merged.summary.max - 120_000_000) / 120_000_000 < 0.001)
    }

    @Test("an empty histogram summarises to zeros")
    func emptySummary() {
        #expect(LatencyHistogram().summary == LatencySummary())
    }
}
