import Foundation
import Synchronization

/// How a run shows its progress on stderr while it goes.
public enum BenchProgress: Hashable, Sendable {
    /// Nothing.
    case none
    /// One line redrawn in place twice a second (for a terminal).
    case terminal
    /// A plain line every `interval` (for a log or a pipe).
    case lines(every: Duration)

    /// `.terminal` when stderr is a terminal, plain lines every 5 s otherwise.
    public static var automatic: BenchProgress {
        isatty(STDERR_FILENO) == 1 ? .terminal : .lines(every: .seconds(5))
    }
}

/// Prints the live progress line: phase, elapsed time, operations and their recent rate, failures, events.
struct ProgressReporter: Sendable {
    let style: BenchProgress
    let window: MeasurementWindow
    let counters: LiveCounters
    let showsEvents: Bool

    /// Prints until the run is over or the task is cancelled.
    func run() async {
        let interval: Duration
        switch self.style {
        case .none: return
        case .terminal: interval = .milliseconds(500)
        case .lines(let every): interval = every
        }
        var last = (time: ContinuousClock.now, operations: 0, events: 0)
        while self.window.phase != .over {
            do { try await Task.sleep(for: interval) } catch { break }
            let now = ContinuousClock.now
            let operations = self.counters.operations.load(ordering: .relaxed)
            let events = self.counters.events.load(ordering: .relaxed)
            let seconds = (now - last.time).seconds
            self.write(self.line(now: now, operations: operations, events: events, since: last, seconds: seconds))
            last = (now, operations, events)
        }
        if self.style == .terminal { Self.emit("\n") }
    }

    private func line(
        now: ContinuousClock.Instant,
        operations: Int,
        events: Int,
        since last: (time: ContinuousClock.Instant, operations: Int, events: Int),
        seconds: Double
    ) -> String {
        let phase = self.window.phase == .warmup ? "warm-up  " : "measuring"
        let elapsed = self.window.start.map { (now - $0).seconds } ?? 0
        let rate = seconds > 0 ? Double(operations - last.operations) / seconds : 0
        let failures = self.counters.failures.load(ordering: .relaxed)
        var text =
            "\(phase) \(Self.fixed(elapsed, 1))s  \(operations) ops (\(Self.fixed(rate, 0))/s)  \(failures) errors"
        if self.showsEvents {
            let eventRate = seconds > 0 ? Double(events - last.events) / seconds : 0
            text += "  \(events) events (\(Self.fixed(eventRate, 0))/s)"
        }
        return text
    }

    private func write(_ line: String) {
        switch self.style {
        case .terminal: Self.emit("\r\u{1B}[2K" + line)
        default: Self.emit(line + "\n")
        }
    }

    private static func emit(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }

    static func fixed(_ value: Double, _ places: Int) -> String {
        String(format: "%.\(places)f", value)
    }
}
