import Synchronization

/// The last position delivered to each named (durable) subscriber, so it can resume without naming one.
///
/// Kept in memory for now; the SQLite store makes them survive restarts (issue 6).
final class DurableSubscribers: Sendable {
    private let positions = Mutex<[String: UInt64]>([:])

    /// The position `name` last saw.
    func position(of name: String) -> UInt64? {
        self.positions.withLock { $0[name] }
    }

    /// Records that `name` saw `position`.
    func record(_ name: String, position: UInt64) {
        self.positions.withLock { $0[name] = max($0[name] ?? 0, position) }
    }

    /// How many durable subscribers are known.
    var count: Int { self.positions.withLock { $0.count } }
}
