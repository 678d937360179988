public import Histogram

/// Call latencies in nanoseconds, kept by one caller without locks and merged across callers at the end.
///
/// An HdrHistogram with three significant digits from 100 ns up, resizing itself for anything longer than a
/// minute, so percentiles are within 0.1 % of the recorded values.
public struct LatencyHistogram: Sendable {
    /// The underlying HdrHistogram (values in nanoseconds).
    public private(set) var histogram: Histogram<UInt64>

    /// An empty histogram.
    public init() {
        var histogram = Histogram<UInt64>(
            lowestDiscernibleValue: 100,
            highestTrackableValue: 60_000_000_000,
            numberOfSignificantValueDigits: .three
        )
        histogram.autoResize = true
        self.histogram = histogram
    }

    /// Values recorded.
    public var count: UInt64 { self.histogram.totalCount }

    /// Records one latency.
    public mutating func record(_ latency: Duration) {
        let (seconds, attoseconds) = latency.components
        let nanoseconds = max(0, seconds) * 1_000_000_000 + max(0, attoseconds) / 1_000_000_000
        _ = self.histogram.record(UInt64(nanoseconds))
    }

    /// Adds every value recorded in `other`.
    public mutating func merge(_ other: LatencyHistogram) {
        self.histogram.add(other.histogram)
    }

    /// The percentiles a report shows, in microseconds; all zero when nothing was recorded.
    public var summary: LatencySummary {
        guard self.count > 0 else { return LatencySummary() }
        func micros(_ nanoseconds: UInt64) -> Double { Double(nanoseconds) / 1_000 }
        return LatencySummary(
            p50: micros(self.histogram.valueAtPercentile(50)),
            p90: micros(self.histogram.valueAtPercentile(90)),
            p99: micros(self.histogram.valueAtPercentile(99)),
            p999: micros(self.histogram.valueAtPercentile(99.9)),
            max: micros(self.histogram.max),
            min: micros(self.histogram.min),
            mean: self.histogram.mean / 1_000
        )
    }
}

/// Latency percentiles of the measured calls, in microseconds.
public struct LatencySummary: Hashable, Sendable, Codable {
    /// Median.
    public var p50: Double
    /// 90th percentile.
    public var p90: Double
    /// 99th percentile.
    public var p99: Double
    /// 99.9th percentile.
    public var p999: Double
    /// Largest.
    public var max: Double
    /// Smallest.
    public var min: Double
    /// Arithmetic mean.
    public var mean: Double

    /// Creates a summary (all zero by default).
    public init(
        p50: Double = 0,
        p90: Double = 0,
        p99: Double = 0,
        p999: Double = 0,
        max: Double = 0,
        min: Double = 0,
        mean: Double = 0
    ) {
        self.p50 = p50
        self.p90 = p90
        self.p99 = p99
        self.p999 = p999
        self.max = max
        self.min = min
        self.mean = mean
    }

    enum CodingKeys: String, CodingKey {
        case p50, p90, p99
        case p999 = "p99_9"
        case max, min, mean
    }
}
