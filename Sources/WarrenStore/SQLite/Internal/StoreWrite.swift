import Foundation
internal import GRDB
import WarrenRuntime

/// One caller's write, queued for the group-commit writer.
enum StoreWrite: Sendable {
    /// A runtime transaction (states, receipt, snapshot and events), encoded by its caller.
    case transaction(EncodedTransaction)
    /// A whole-document ops snapshot, encoded by its caller.
    case opsSnapshot(RuntimeID, Data)
    /// A durable subscriber's position.
    case subscriberPosition(String, UInt64)
}

/// A write refused on its own merits (a duplicate receipt): only its caller fails.
struct WriteRejection: Error {
    let message: String
}

extension StoreWrite {
    /// Whether the write can be refused on its own merits: only a receipt can (it is insert-only), so
    /// only such a write needs a savepoint of its own; any other failure aborts the whole batch.
    var canBeRefused: Bool {
        if case .transaction(let encoded) = self { encoded.transaction.receipt != nil } else { false }
    }

    /// The runtime whose row a rolled-back savepoint of this write may have changed.
    var runtimeID: RuntimeID? {
        if case .transaction(let encoded) = self { encoded.transaction.runtimeID } else { nil }
    }

    /// Writes this write's rows inside the batch's transaction; events get positions after `head`.
    func apply(_ db: Database, after head: UInt64, at time: Timestamp, rows: inout RuntimeRowCache) throws
        -> [RuntimeEventEnvelope]
    {
        switch self {
        case .transaction(let transaction):
            return try Self.apply(transaction, db, after: head, at: time, rows: &rows)
        case .opsSnapshot(let runtimeID, let snapshot):
            try db.cachedStatement(sql: "INSERT INTO runtimes (runtime_id) VALUES (?) ON CONFLICT DO NOTHING")
                .execute(arguments: [runtimeID.rawValue])
            try db.cachedStatement(
                sql: """
                    INSERT INTO runtime_snapshots (runtime_id, ops_snapshot) VALUES (?, ?)
                    ON CONFLICT (runtime_id) DO UPDATE SET ops_snapshot = excluded.ops_snapshot
                    """
            ).execute(arguments: [runtimeID.rawValue, snapshot])
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

    private static func apply(
        _ encoded: EncodedTransaction,
        _ db: Database,
        after head: UInt64,
        at time: Timestamp,
        rows: inout RuntimeRowCache
    ) throws -> [RuntimeEventEnvelope] {
        let transaction = encoded.transaction
        let runtimeID = transaction.runtimeID.rawValue
        let sequence = try rows.advance(for: transaction, db)
        if let snapshot = transaction.sessionSnapshot {
            try db.cachedStatement(
                sql: """
                    INSERT INTO runtime_snapshots (runtime_id, session_snapshot) VALUES (?, ?)
                    ON CONFLICT (runtime_id) DO UPDATE SET session_snapshot = excluded.session_snapshot
                    """
            ).execute(arguments: [runtimeID, Data(snapshot)])
        }
        if let receipt = transaction.receipt, let record = encoded.receiptRecord {
            try insert(receipt, record, runtimeID, db)
        }
        for (state, record) in zip(transaction.inputStates, encoded.inputRecords) {
            try db.cachedStatement(
                sql: """
                    INSERT INTO input_states (runtime_id, input_id, state, record) VALUES (?, ?, ?, ?)
                    ON CONFLICT (runtime_id, input_id) DO UPDATE SET state = excluded.state, record = excluded.record
                    """
            ).execute(arguments: [runtimeID, state.inputID.rawValue, state.state.rawValue, record])
        }
        return try append(encoded, db, after: head, sequence: sequence, at: time)
    }

    /// Inserts a receipt; an existing key fails this write alone (receipts are insert-only).
    private static func insert(_ receipt: RunBoundaryReceipt, _ record: Data, _ runtimeID: String, _ db: Database)
        throws
    {
        do {
            try db.cachedStatement(
                sql: "INSERT INTO boundary_receipts (runtime_id, run_id, sequence, record) VALUES (?, ?, ?, ?)"
            ).execute(arguments: [runtimeID, receipt.runID.rawValue, receipt.sequence, record])
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
            throw WriteRejection(
                message: "receipt (\(runtimeID), \(receipt.runID), \(receipt.sequence)) already exists"
            )
        }
    }

    /// Appends the transaction's events with positions after `head` and sequences after `sequence`.
    private static func append(
        _ encoded: EncodedTransaction,
        _ db: Database,
        after head: UInt64,
        sequence: UInt64,
        at time: Timestamp
    ) throws -> [RuntimeEventEnvelope] {
        let transaction = encoded.transaction
        guard !transaction.events.isEmpty else { return [] }
        let runtimeID = transaction.runtimeID
        let insert = try db.cachedStatement(
            sql: "INSERT INTO events (position, runtime_id, sequence, kind, envelope) VALUES (?, ?, ?, ?, ?)"
        )
        var envelopes: [RuntimeEventEnvelope] = []
        envelopes.reserveCapacity(transaction.events.count)
        for (pending, eventHead) in zip(transaction.events, encoded.eventHeads) {
            let envelope = RuntimeEventEnvelope(
                position: head + UInt64(envelopes.count) + 1,
                sequence: sequence + UInt64(envelopes.count) + 1,
                eventID: eventHead.eventID,
                timestamp: time,
                runtimeID: runtimeID,
                causationID: pending.causationID,
                correlationID: pending.correlationID,
                event: pending.event
            )
            let record = RecordCoding.envelope(
                head: eventHead.json,
                position: envelope.position,
                runtimeIDJSON: encoded.runtimeIDJSON,
                sequence: envelope.sequence,
                timestamp: time
            )
            try insert.execute(arguments: [
                envelope.position, runtimeID.rawValue, envelope.sequence, pending.event.kind.rawValue, record,
            ])
            envelopes.append(envelope)
        }
        return envelopes
    }
}
