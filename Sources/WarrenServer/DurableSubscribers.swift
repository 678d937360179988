import Synchronization
import WarrenRuntime

/// The last position delivered to each named (durable) subscriber, so it can resume without naming one;
/// kept in the store, and holding back compaction of the events it still needs (D53).
final class DurableSubscribers: Sendable {
    private let positions: Mutex<[String: UInt64]>
    private let store: any RuntimeStore

    /// The subscribers known to `store`, with their stored positions.
    init(store: any RuntimeStore, positions: [String: UInt64]) {
        self.store = store
        self.positions = Mutex(positions)
    }

    /// The position `name` last saw.
    func position(of name: String) -> UInt64? {
        self.positions.withLock { $0[name] }
    }

    /// Records that `name` saw `position`, in memory at once and in the store.
    func record(_ name: String, position: UInt64) async throws(RuntimeStoreError) {
        let advanced = self.positions.withLock { positions -> Bool in
            guard position > positions[name] ?? 0 else { return false }
            positions[name] = position
            return true
        }
        if advanced { try await self.store.saveSubscriberPosition(name, position) }
    }

    /// How many durable subscribers are known.
    var count: Int { self.positions.withLock { $0.count } }
}
