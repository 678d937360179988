import Foundation
import WarrenRPC

/// The raw results of a run, before they are summarised into a ``BenchReport``.
struct BenchMeasurements: Sendable {
    var startedAt: Date
    var callers: [CallerResult]
    var subscribers: [SubscriberResult]
    /// The callers' window: warm-up end to deadline, or to the last measured operation's end.
    var callsWindow: Duration
    /// How long the phase was `measuring`, for the subscribers' rate.
    var eventsWindow: Duration
    var clientCPU: Duration?
    var serverCPU: Duration?
}

extension BenchReport {
    /// Summarises `measurements` of a run of `plan` against `target`.
    init(plan: BenchPlan, target: BenchTarget, measurements: BenchMeasurements) {
        var latencies = LatencyHistogram()
        var errors = ErrorTally()
        for caller in measurements.callers {
            latencies.merge(caller.latencies)
            errors.merge(caller.errors)
        }
        let ok = Int(latencies.count)
        let seconds = measurements.callsWindow.seconds
        self.schema = Self.currentSchema
        self.startedAt = ISO8601DateFormatter().string(from: measurements.startedAt)
        self.plan = PlanSection(plan)
        self.server = ServerSection(
            address: target.address.description,
            spawned: target.spawned?.rawValue,
            pid: target.serverPID,
            peakRSSBytes: target.serverPID.flatMap(ProcessStats.peakResidentBytes(pid:)),
            cpuSeconds: measurements.serverCPU.map { $0.seconds.rounded(places: 3) },
            cpuMicrosPerOperation: measurements.serverCPU.flatMap { Self.microsPerOperation($0, ok + errors.total) }
        )
        self.calls = CallsSection(
            measuredSeconds: seconds.rounded(places: 3),
            ok: ok,
            perSecond: Self.rate(ok, seconds),
            errors: errors.total,
            errorsByCode: errors.counts,
            latencyMicros: latencies.summary.rounded(),
            unmeasured: measurements.callers.reduce(0) { $0 + $1.unmeasured },
            unmeasuredErrors: measurements.callers.reduce(0) { $0 + $1.unmeasuredFailures }
        )
        self.events = plan.mix == .subscribe ? EventsSection(measurements) : nil
        self.client = ClientSection(
            pid: ProcessStats.currentPID,
            cpuSeconds: measurements.clientCPU.map { $0.seconds.rounded(places: 3) },
            peakRSSBytes: ProcessStats.peakResidentBytes(pid: ProcessStats.currentPID)
        )
    }

    static func rate(_ count: Int, _ seconds: Double) -> Double {
        seconds > 0 ? (Double(count) / seconds).rounded(places: 1) : 0
    }

    private static func microsPerOperation(_ cpu: Duration, _ operations: Int) -> Double? {
        operations > 0 ? (cpu.seconds * 1_000_000 / Double(operations)).rounded(places: 1) : nil
    }
}

extension BenchReport.PlanSection {
    init(_ plan: BenchPlan) {
        var duration: Double?
        var requests: Int?
        switch plan.stop {
        case .duration(let value): duration = value.seconds
        case .requests(let count): requests = count
        }
        self.init(
            mix: plan.mix.rawValue,
            producer: plan.producer?.rawValue,
            executor: plan.executor.description,
            connections: plan.connections,
            concurrency: plan.concurrency,
            payloadBytes: plan.payloadSize,
            sessions: plan.sessions,
            subscribers: plan.subscribers,
            subscriberConnections: plan.subscriberConnections,
            maxBatch: plan.mix == .subscribe ? plan.maxBatch : nil,
            warmupSeconds: plan.warmup.seconds,
            durationSeconds: duration,
            requests: requests,
            callTimeoutSeconds: plan.callTimeout?.seconds
        )
    }
}

extension BenchReport.EventsSection {
    init(_ measurements: BenchMeasurements) {
        let seconds = measurements.eventsWindow.seconds
        let subscribers = measurements.subscribers.map { result in
            Subscriber(
                events: result.measuredEvents,
                perSecond: BenchReport.rate(result.measuredEvents, seconds),
                laggedNotices: result.laggedNotices,
                failure: result.failure
            )
        }
        let total = subscribers.reduce(0) { $0 + $1.events }
        self.init(
            subscribers: subscribers.count,
            measuredSeconds: seconds.rounded(places: 3),
            total: total,
            perSecond: BenchReport.rate(total, seconds),
            perSubscriber: subscribers,
            laggedNotices: subscribers.reduce(0) { $0 + $1.laggedNotices }
        )
    }
}

extension LatencySummary {
    /// The same values to a hundredth of a microsecond.
    func rounded() -> LatencySummary {
        LatencySummary(
            p50: self.p50.rounded(places: 2),
            p90: self.p90.rounded(places: 2),
            p99: self.p99.rounded(places: 2),
            p999: self.p999.rounded(places: 2),
            max: self.max.rounded(places: 2),
            min: self.min.rounded(places: 2),
            mean: self.mean.rounded(places: 2)
        )
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (seconds, attoseconds) = self.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

extension Double {
    /// Rounded to `places` decimal places.
    func rounded(places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (self * scale).rounded() / scale
    }
}
