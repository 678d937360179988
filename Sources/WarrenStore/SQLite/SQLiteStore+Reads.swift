import Foundation
internal import GRDB
public import WarrenRuntime

// Reads run on GRDB's reader connections (WAL snapshots), concurrent with the writer.
extension SQLiteStore {
    public func loadInputStates(_ runtimeID: RuntimeID) async throws(RuntimeStoreError) -> [InputState] {
        let blobs = try await read { db in
            // The rowid is kept by upserts, so it is the admission order.
            try Data.fetchAll(
                db,
                sql: "SELECT record FROM input_states WHERE runtime_id = ? ORDER BY rowid",
                arguments: [runtimeID.rawValue]
            )
        }
        var states: [InputState] = []
        states.reserveCapacity(blobs.count)
        for blob in blobs { states.append(try RecordCoding.decode(InputState.self, from: blob, what: "input state")) }
        return states
    }

    public func loadRuntimeState(_ runtimeID: RuntimeID) async throws(RuntimeStoreError) -> RuntimeState? {
        let text = try await read { db in
            try String.fetchOne(
                db,
                sql: "SELECT runtime_state FROM runtimes WHERE runtime_id = ?",
                arguments: [runtimeID.rawValue]
            )
        }
        guard let text else { return nil }
        guard let state = RuntimeState(rawValue: text) else {
            throw .readFailed("stored runtime state '\(text)' of \(runtimeID) is unknown")
        }
        return state
    }

    public func loadBoundaryReceipt(_ runtimeID: RuntimeID, runID: RunID, sequence: UInt64)
        async throws(RuntimeStoreError) -> RunBoundaryReceipt?
    {
        let blob = try await read { db in
            try Data.fetchOne(
                db,
                sql: "SELECT record FROM boundary_receipts WHERE runtime_id = ? AND run_id = ? AND sequence = ?",
                arguments: [runtimeID.rawValue, runID.rawValue, sequence]
            )
        }
        guard let blob else { return nil }
        return try RecordCoding.decode(RunBoundaryReceipt.self, from: blob, what: "receipt")
    }

    /// The latest session snapshot committed with a receipt.
    public func loadSessionSnapshot(_ runtimeID: RuntimeID) async throws(RuntimeStoreError) -> [UInt8]? {
        try await read { db in
            try Data.fetchOne(
                db,
                sql: "SELECT session_snapshot FROM runtime_snapshots WHERE runtime_id = ?",
                arguments: [runtimeID.rawValue]
            ).map { Array($0) }
        }
    }

    public func loadOpsLifecycle(_ runtimeID: RuntimeID) async throws(RuntimeStoreError) -> PersistedOpsSnapshot? {
        let blob = try await read { db in
            try Data.fetchOne(
                db,
                sql: "SELECT ops_snapshot FROM runtime_snapshots WHERE runtime_id = ?",
                arguments: [runtimeID.rawValue]
            )
        }
        guard let blob else { return nil }
        return try RecordCoding.decode(PersistedOpsSnapshot.self, from: blob, what: "ops snapshot")
    }

    public func readEvents(after position: UInt64, limit: Int) async throws(RuntimeStoreError) -> EventLogPage {
        try await read { db in try EventLogSQL.page(db, after: position, limit: limit) }
    }

    public func runtimeIDs() async throws(RuntimeStoreError) -> [RuntimeID] {
        try await read { db in
            try String.fetchAll(db, sql: "SELECT runtime_id FROM runtimes").map(RuntimeID.init).sorted()
        }
    }

    public func loadSubscriberPositions() async throws(RuntimeStoreError) -> [String: UInt64] {
        let rows = try await read { db in
            try Row.fetchAll(db, sql: "SELECT name, position FROM subscriber_positions").map {
                (row: Row) -> (String, UInt64) in (row[0], row[1])
            }
        }
        return Dictionary(uniqueKeysWithValues: rows)
    }

    /// Runs `body` on a reader connection, turning any failure into a store read error.
    private func read<Value: Sendable>(_ body: @escaping @Sendable (Database) throws -> Value)
        async throws(RuntimeStoreError) -> Value
    {
        do {
            return try await database.read(body)
        } catch let error as RuntimeStoreError {
            throw error
        } catch {
            throw .readFailed("\(path): \(error)")
        }
    }
}
