import Foundation
internal import GRDB
import WarrenRuntime

/// The group-commit writer's view of the runtimes rows it has touched: rowid, event sequence and stored
/// state, read once per runtime and kept up to date by the writer, the only one who writes them (D116).
///
/// A commit then needs no `RETURNING` upsert to learn its runtime's sequence, updates the row by rowid,
/// and skips it when nothing stored changes. Values written inside a transaction that then rolls back
/// must be forgotten (``forget(_:)``, ``forgetAll()``), so the next read comes from the file again.
struct RuntimeRowCache {
    /// One runtime's row as committed (or about to be, in the open transaction).
    private struct CachedRow {
        let rowID: Int64
        var sequence: UInt64
        var state: String?
    }

    private var rows: [String: CachedRow] = [:]

    /// Records `transaction`'s runtime state and event count in its runtime's row, creating the row if
    /// needed; returns the runtime's event sequence before this transaction's events.
    mutating func advance(for transaction: StoreTransaction, _ db: Database) throws -> UInt64 {
        let runtimeID = transaction.runtimeID.rawValue
        let added = UInt64(transaction.events.count)
        let state = transaction.runtimeState?.rawValue
        guard var row = try row(runtimeID, db) else {
            try db.cachedStatement(
                sql: "INSERT INTO runtimes (runtime_id, runtime_state, event_sequence) VALUES (?, ?, ?)"
            ).execute(arguments: [runtimeID, state, added])
            rows[runtimeID] = CachedRow(rowID: db.lastInsertedRowID, sequence: added, state: state)
            return 0
        }
        let before = row.sequence
        row.sequence += added
        if added > 0 || (state != nil && state != row.state) {
            try db.cachedStatement(
                sql: """
                    UPDATE runtimes SET event_sequence = ?, runtime_state = coalesce(?, runtime_state)
                    WHERE rowid = ?
                    """
            ).execute(arguments: [row.sequence, state, row.rowID])
        }
        row.state = state ?? row.state
        rows[runtimeID] = row
        return before
    }

    /// Drops what is known of `runtimeID`, after a savepoint that wrote its row rolled back.
    mutating func forget(_ runtimeID: RuntimeID) {
        rows[runtimeID.rawValue] = nil
    }

    /// Drops everything, after a transaction that rolled back.
    mutating func forgetAll() {
        rows.removeAll()
    }

    /// The runtime's row, read from the file the first time.
    private mutating func row(_ runtimeID: String, _ db: Database) throws -> CachedRow? {
        if let row = rows[runtimeID] { return row }
        let select = try db.cachedStatement(
            sql: "SELECT rowid, event_sequence, runtime_state FROM runtimes WHERE runtime_id = ?"
        )
        guard let stored = try GRDB.Row.fetchOne(select, arguments: [runtimeID]) else { return nil }
        let row = CachedRow(rowID: stored[0], sequence: stored[1], state: stored[2])
        rows[runtimeID] = row
        return row
    }
}
