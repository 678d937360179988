import Foundation
internal import GRDB
import WarrenRuntime

/// One caller's write, queued for the group-commit writer.
enum StoreWrite: Sendable {
    /// A runtime transaction (states, receipt, snapshot and events).
    case transaction(StoreTransaction)
    /// A whole-document ops snapshot.
    case opsSnapshot(RuntimeID, PersistedOpsSnapshot)
    /// A durable subscriber's position.
    case subscriberPosition(String, UInt64)
}

/// A write refused on its own merits (a duplicate receipt, an unencodable value): only its caller fails.
struct WriteRejection: Error {
    let message: String
}

extension StoreWrite {
    /// Writes this write's rows; events get positions after `head`. Runs inside the caller's savepoint.
    func apply(_ db: Database, after head: UInt64, at time: Timestamp) throws -> [RuntimeEventEnvelope] {
        switch self {
        case .transaction(let transaction):
            return try Self.apply(transaction, db, after: head, at: time)
        case .opsSnapshot(let runtimeID, let snapshot):
            try db.cachedStatement(
                sql: """
                    INSERT INTO runtimes (runtime_id, ops_snapshot) VALUES (?, ?)
                    ON CONFLICT (runtime_id) DO UPDATE SET ops_snapshot = excluded.ops_snapshot
                    """
            ).execute(arguments: [runtimeID.rawValue, try Self.encode(snapshot, "ops snapshot")])
            return []
        case .subscriberPosition(let name, let position):
            try db.cachedStatement(
                sql: """
                    INSERT INTO subscriber_positions (name, position) VALUES (?, ?)
                    ON CONFLICT (name) DO UPDATE SET position = excluded.position
                    """
            ).execute(arguments: [name, position])
            return []
        }
    }

    private static func apply(_ transaction: StoreTransaction, _ db: Database, after head: UInt64, at time: Timestamp)
        throws -> [RuntimeEventEnvelope]
    {
        let runtimeID = transaction.runtimeID.rawValue
        try db.cachedStatement(sql: "INSERT INTO runtimes (runtime_id) VALUES (?) ON CONFLICT DO NOTHING")
            .execute(arguments: [runtimeID])
        if let receipt = transaction.receipt { try insert(receipt, runtimeID, db) }
        for record in transaction.inputStates {
            try db.cachedStatement(
                sql: """
                    INSERT INTO input_states (runtime_id, input_id, state, record) VALUES (?, ?, ?, ?)
                    ON CONFLICT (runtime_id, input_id) DO UPDATE SET state = excluded.state, record = excluded.record
                    """
            ).execute(arguments: [
                runtimeID, record.inputID.rawValue, record.state.rawValue, try encode(record, "input"),
            ])
        }
        if let state = transaction.runtimeState {
            try db.cachedStatement(sql: "UPDATE runtimes SET runtime_state = ? WHERE runtime_id = ?")
                .execute(arguments: [state.rawValue, runtimeID])
        }
        if let snapshot = transaction.sessionSnapshot {
            try db.cachedStatement(sql: "UPDATE runtimes SET session_snapshot = ? WHERE runtime_id = ?")
                .execute(arguments: [Data(snapshot), runtimeID])
        }
        return try append(transaction, db, after: head, at: time)
    }

    /// Inserts a receipt; an existing key fails this write alone (receipts are insert-only).
    private static func insert(_ receipt: RunBoundaryReceipt, _ runtimeID: String, _ db: Database) throws {
        do {
            try db.cachedStatement(
                sql: "INSERT INTO boundary_receipts (runtime_id, run_id, sequence, record) VALUES (?, ?, ?, ?)"
            ).execute(arguments: [runtimeID, receipt.runID.rawValue, receipt.sequence, try encode(receipt, "receipt")])
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
            throw WriteRejection(
                message: "receipt (\(runtimeID), \(receipt.runID), \(receipt.sequence)) already exists"
            )
        }
    }

    /// Appends the transaction's events with positions after `head` and the runtime's next sequences.
    private static func append(_ transaction: StoreTransaction, _ db: Database, after head: UInt64, at time: Timestamp)
        throws -> [RuntimeEventEnvelope]
    {
        guard !transaction.events.isEmpty else { return [] }
        let runtimeID = transaction.runtimeID
        let first =
            try UInt64.fetchOne(
                db.cachedStatement(sql: "SELECT event_sequence FROM runtimes WHERE runtime_id = ?"),
                arguments: [runtimeID.rawValue]
            ) ?? 0
        let envelopes = transaction.events.enumerated().map { offset, pending in
            RuntimeEventEnvelope(
                position: head + UInt64(offset) + 1,
                sequence: first + UInt64(offset) + 1,
                timestamp: time,
                runtimeID: runtimeID,
                causationID: pending.causationID,
                correlationID: pending.correlationID,
                event: pending.event
            )
        }
        let insert = try db.cachedStatement(
            sql: "INSERT INTO events (position, runtime_id, sequence, kind, envelope) VALUES (?, ?, ?, ?, ?)"
        )
        for envelope in envelopes {
            try insert.execute(arguments: [
                envelope.position, runtimeID.rawValue, envelope.sequence, envelope.event.kind.rawValue,
                try encode(envelope, "event"),
            ])
        }
        try db.cachedStatement(sql: "UPDATE runtimes SET event_sequence = ? WHERE runtime_id = ?")
            .execute(arguments: [first + UInt64(envelopes.count), runtimeID.rawValue])
        return envelopes
    }

    private static func encode(_ value: some Encodable, _ what: String) throws -> Data {
        do {
            return try RecordCoding.encode(value)
        } catch {
            throw WriteRejection(message: "\(what) cannot be encoded: \(error)")
        }
    }
}
