import Synchronization

/// Counters Health.ServerInfo reports that only the bindings know.
final class ServerCounters: Sendable {
    /// When the server started, in Unix nanoseconds.
    let startedAtUnixNanos: Int64
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private let liveSubscribers = Atomic<Int>(0)

    init() {
        self.startedAtUnixNanos = WallClock.unixNanos()
        self.started = self.clock.now
    }

    /// Milliseconds since start.
    var uptimeMilliseconds: UInt64 {
        let elapsed = self.clock.now - self.started
        return UInt64(elapsed.components.seconds) * 1_000
            + UInt64(elapsed.components.attoseconds / 1_000_000_000_000_000)
    }

    /// Subscribers currently streaming.
    var subscribers: Int { self.liveSubscribers.load(ordering: .relaxed) }

    /// Counts a subscriber for the duration of `body`.
    func subscriber<T>(_ body: () async throws -> T) async rethrows -> T {
        self.liveSubscribers.add(1, ordering: .relaxed)
        defer { self.liveSubscribers.subtract(1, ordering: .relaxed) }
        return try await body()
    }
}
