import Synchronization

/// The phases of a run that every caller and subscriber reads: pending until ``open(plan:)``, then warm-up,
/// measuring, and over.
///
/// Callers judge each call against the fixed instants (``warmupEnd``, ``deadline``): a call counts when it
/// starts at or after the warm-up's end and, with a duration, ends by the deadline, as in the peers. Subscribers,
/// which see a stream rather than calls, count what arrives while the phase is ``Phase/measuring``, and their
/// rate uses the instants at which the phase actually changed (``measuredInterval``).
final class MeasurementWindow: Sendable {
    /// Where a run is.
    enum Phase: UInt8 {
        case pending, warmup, measuring, over
    }

    private struct Marks {
        var start: ContinuousClock.Instant?
        var warmupEnd: ContinuousClock.Instant?
        var deadline: ContinuousClock.Instant?
        var measuringSince: ContinuousClock.Instant?
        var measuringUntil: ContinuousClock.Instant?
    }

    private let phaseValue = Atomic<UInt8>(Phase.pending.rawValue)
    private let ticketsLeft: Atomic<Int>
    private let marks = Mutex(Marks())

    /// A window for `plan`; with a request count it hands out that many tickets.
    init(plan: BenchPlan) {
        if case .requests(let count) = plan.stop {
            self.ticketsLeft = Atomic(count)
        } else {
            self.ticketsLeft = Atomic(Int.max)
        }
    }

    /// The current phase.
    var phase: Phase { Phase(rawValue: self.phaseValue.load(ordering: .relaxed)) ?? .over }

    /// Starts the warm-up now; returns when it ends and when measuring must stop (nil: after the requests).
    @discardableResult
    func open(plan: BenchPlan) -> (warmupEnd: ContinuousClock.Instant, deadline: ContinuousClock.Instant?) {
        let start = ContinuousClock.now
        let warmupEnd = start + plan.warmup
        var deadline: ContinuousClock.Instant?
        if case .duration(let duration) = plan.stop { deadline = warmupEnd + duration }
        self.marks.withLock { marks in
            marks.start = start
            marks.warmupEnd = warmupEnd
            marks.deadline = deadline
        }
        self.phaseValue.store(Phase.warmup.rawValue, ordering: .relaxed)
        return (warmupEnd, deadline)
    }

    /// When the warm-up started (nil while pending).
    var start: ContinuousClock.Instant? { self.marks.withLock { $0.start } }

    /// The planned end of the warm-up (nil while pending).
    var warmupEnd: ContinuousClock.Instant? { self.marks.withLock { $0.warmupEnd } }

    /// The planned end of measuring for a duration run (nil for a request count, or while pending).
    var deadline: ContinuousClock.Instant? { self.marks.withLock { $0.deadline } }

    /// Switches from warm-up to measuring, noting when; false (and no change) in any other phase.
    @discardableResult
    func beginMeasuring() -> Bool {
        let now = ContinuousClock.now
        let exchanged = self.phaseValue.compareExchange(
            expected: Phase.warmup.rawValue,
            desired: Phase.measuring.rawValue,
            ordering: .relaxed
        ).exchanged
        if exchanged { self.marks.withLock { $0.measuringSince = now } }
        return exchanged
    }

    /// Ends the run, noting when measuring stopped (once; later calls change nothing).
    func close() {
        self.marks.withLock { marks in
            if marks.measuringUntil == nil { marks.measuringUntil = .now }
        }
        self.phaseValue.store(Phase.over.rawValue, ordering: .relaxed)
    }

    /// How long the phase was actually ``Phase/measuring`` (zero if it never was).
    var measuredInterval: Duration {
        self.marks.withLock { marks in
            guard let since = marks.measuringSince, let until = marks.measuringUntil else { return .zero }
            return until - since
        }
    }

    /// Takes one of the run's measured calls; false once a request-count run has handed them all out.
    func takeTicket() -> Bool {
        self.ticketsLeft.subtract(1, ordering: .relaxed).newValue >= 0
    }
}

/// Totals every caller and subscriber adds to as it goes, for the live progress line.
final class LiveCounters: Sendable {
    /// Operations finished (warm-up included).
    let operations = Atomic<Int>(0)
    /// Operations that failed (warm-up included).
    let failures = Atomic<Int>(0)
    /// Events received by all subscribers (warm-up included).
    let events = Atomic<Int>(0)
}
