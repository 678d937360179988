import Foundation
package import GRDB
public import Logging
public import WarrenRuntime

/// The durable ``RuntimeStore``: one SQLite file (`warren.sqlite`) in WAL mode with `synchronous=FULL`,
/// written through a group-commit writer so concurrent commits share one transaction and one fsync.
///
/// It keeps MemoryStore's semantics exactly: positions assigned at commit and gap-free, per-runtime
/// sequences, receipts insert-only, input states upserted in admission order, count retention held
/// for durable subscribers (``EventRetention``).
///
/// ```swift
/// let store = try SQLiteStore.open(directory: "./warren-data", logger: logger)
/// let adapter = try await RuntimeSessionAdapter.persistent(store: store)
/// ```
public final class SQLiteStore: RuntimeStore {
    /// The database file.
    public let path: String
    /// The connection pool; tests reach it to simulate a busy writer or a full disk.
    package let database: DatabasePool
    private let writer: GroupCommitWriter

    private init(path: String, database: DatabasePool, writer: GroupCommitWriter) {
        self.path = path
        self.database = database
        self.writer = writer
    }

    /// Opens (creating if needed) `directory/warren.sqlite`, refusing a file that is not a Warren
    /// database of a version this build knows, and migrating an older one.
    public static func open(directory: String, eventRetention: Int = 100_000, logger: Logger? = nil)
        throws(SQLiteStoreError) -> SQLiteStore
    {
        let path = try SQLiteOpening.prepare(directory: directory)
        let database = try SQLiteOpening.open(path: path)
        let bounds: EventLogSQL.Bounds
        do {
            bounds = try database.read { db in try EventLogSQL.bounds(db) }
        } catch {
            throw .openFailed(path: path, reason: "cannot read the event log: \(error)")
        }
        let writer = GroupCommitWriter(
            database: database,
            retention: eventRetention,
            bounds: bounds,
            location: path,
            logger: logger
        )
        logger?.info("store opened", metadata: ["warren.path": "\(path)", "warren.head": "\(bounds.head)"])
        return SQLiteStore(path: path, database: database, writer: writer)
    }

    /// Waits for queued writes, then closes the file; later calls fail with a store error.
    public func close() throws(SQLiteStoreError) {
        writer.close()
        do {
            try database.close()
        } catch {
            throw .openFailed(path: path, reason: "close failed: \(error)")
        }
    }

    public var persistsState: Bool { true }

    /// Write counters (batches, batch sizes, fsyncs) and the event log's bounds.
    public var statistics: RuntimeStoreStatistics { writer.statistics }

    /// Writes waiting for a batch, and writes in the batch being written (tests use it to line up a batch).
    package var pendingWrites: (waiting: Int, writing: Int) { writer.pendingWrites }

    public func commit(_ transaction: StoreTransaction) async throws(RuntimeStoreError) -> [RuntimeEventEnvelope] {
        let encoded: EncodedTransaction
        do {
            encoded = try EncodedTransaction(transaction)
        } catch {
            throw .writeFailed(error.message)
        }
        let outcome = await writer.submit(.transaction(encoded))
        // The records are freed here, on the caller's thread, not by the one writer thread that all
        // commits wait for (D115).
        withExtendedLifetime(encoded) {}
        return try outcome.get()
    }

    public func persistOpsLifecycle(_ runtimeID: RuntimeID, _ snapshot: PersistedOpsSnapshot)
        async throws(RuntimeStoreError)
    {
        let record: Data
        do {
            record = try EncodedTransaction.encode(snapshot, "ops snapshot")
        } catch {
            throw .writeFailed(error.message)
        }
        _ = try await writer.submit(.opsSnapshot(runtimeID, record)).get()
    }

    public func saveSubscriberPosition(_ name: String, _ position: UInt64) async throws(RuntimeStoreError) {
        _ = try await writer.submit(.subscriberPosition(name, position)).get()
    }
}
