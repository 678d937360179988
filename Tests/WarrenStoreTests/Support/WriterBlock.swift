import Dispatch
import GRDB
import WarrenStore

/// Holds a store's SQLite writer connection busy until ``open()``, so commits pile up behind it:
/// the deterministic way to line up a group-commit batch.
final class WriterBlock: Sendable {
    private let release = DispatchSemaphore(value: 0)

    /// Blocks `store`'s writer; returns once the writer is held.
    static func hold(_ store: SQLiteStore) async -> WriterBlock {
        let block = WriterBlock()
        await withCheckedContinuation { (held: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                store.database.writeWithoutTransaction { _ in
                    held.resume()
                    block.release.wait()
                }
            }
        }
        return block
    }

    /// Lets the writer go.
    func open() { release.signal() }
}
