import Synchronization
import WarrenClient

/// What one closed-loop caller measured.
struct CallerResult: Sendable {
    /// Latencies of the measured operations that succeeded.
    var latencies = LatencyHistogram()
    /// Measured operations that failed, by kind.
    var errors = ErrorTally()
    /// Operations finished during the warm-up (or after it, outside the window).
    var unmeasured = 0
    /// Of those, the ones that failed.
    var unmeasuredFailures = 0
    /// When the caller's last measured operation ended.
    var lastMeasuredEnd: ContinuousClock.Instant?
}

/// One closed-loop caller: it makes one operation at a time, back to back, until the window closes.
///
/// Caller `index` sends operation `n` to session `(index + n × concurrency) mod sessions`, so consecutive
/// operations of all callers go round-robin over the sessions.
struct CallerLoop: Sendable {
    let index: Int
    let concurrency: Int
    let sessions: Int
    let client: WarrenClient
    let workload: any BenchWorkload
    let window: MeasurementWindow
    let counters: LiveCounters
    let cpu: CPUMeter

    /// Runs until the deadline passes, the tickets run out, or the task is cancelled.
    func run(warmupEnd: ContinuousClock.Instant, deadline: ContinuousClock.Instant?) async -> CallerResult {
        var result = CallerResult()
        var operation = 0
        let clock = ContinuousClock()
        while !Task.isCancelled {
            let start = clock.now
            let measured = start >= warmupEnd
            if measured {
                if let deadline, start >= deadline { break }
                if deadline == nil, !self.window.takeTicket() { break }
                self.beginMeasuringIfStillWarmingUp()
            }
            let session = (self.index + operation * self.concurrency) % self.sessions
            operation &+= 1
            let failure = await self.workload.perform(self.client, sessionIndex: session)
            let end = clock.now
            self.counters.operations.add(1, ordering: .relaxed)
            if failure != nil { self.counters.failures.add(1, ordering: .relaxed) }
            guard measured, deadline.map({ end <= $0 }) ?? true else {
                result.unmeasured += 1
                if failure != nil { result.unmeasuredFailures += 1 }
                continue
            }
            result.lastMeasuredEnd = end
            if let failure {
                result.errors.record(failure)
            } else {
                result.latencies.record(end - start)
            }
        }
        return result
    }

    /// The first measured operation switches the window to measuring if the driver has not yet (it may be
    /// scheduled late on a busy machine), so subscribers never miss the start of the window.
    private func beginMeasuringIfStillWarmingUp() {
        guard self.window.phase == .warmup else { return }
        if self.window.beginMeasuring() { self.cpu.markStart() }
    }
}
