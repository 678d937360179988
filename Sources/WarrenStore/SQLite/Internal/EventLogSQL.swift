import Foundation
internal import GRDB
import WarrenRuntime

/// The event log's bounds and queries over the `events` table, whose positions are gap-free.
enum EventLogSQL {
    /// The oldest retained position and the head (the oldest is head + 1 when the log is empty).
    struct Bounds: Sendable, Hashable {
        var oldest: UInt64
        var head: UInt64

        /// The number of events kept (positions are gap-free).
        var retained: UInt64 { head >= oldest ? head - oldest + 1 : 0 }
    }

    /// The log's current bounds.
    static func bounds(_ db: Database) throws -> Bounds {
        // Two subqueries: SQLite answers a lone MIN or MAX from the rowid, but both in one query scan the log.
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT (SELECT MIN(position) FROM events), (SELECT MAX(position) FROM events)")
        )
        let head: UInt64 = row?[1] ?? 0
        let oldest: UInt64 = row?[0] ?? head + 1
        return Bounds(oldest: oldest, head: head)
    }

    /// Deletes what retention allows (``EventRetention``, holding for durable subscribers); returns the new bounds.
    static func compact(_ db: Database, head: UInt64, retention: Int) throws -> Bounds {
        let held = try UInt64.fetchOne(db.cachedStatement(sql: "SELECT MIN(position) FROM subscriber_positions"))
        let cutoff = EventRetention.compactionCutoff(head: head, retention: retention, heldPosition: held)
        if cutoff > 0 {
            try db.cachedStatement(sql: "DELETE FROM events WHERE position <= ?").execute(arguments: [cutoff])
        }
        return try bounds(db)
    }

    /// Up to `limit` events after `position`, with the bounds, read in one snapshot.
    static func page(_ db: Database, after position: UInt64, limit: Int) throws -> EventLogPage {
        let bounds = try bounds(db)
        guard position < bounds.head, limit > 0 else {
            return EventLogPage(events: [], oldestRetained: bounds.oldest, head: bounds.head)
        }
        let blobs = try Data.fetchAll(
            db.cachedStatement(sql: "SELECT envelope FROM events WHERE position > ? ORDER BY position LIMIT ?"),
            arguments: [position, limit]
        )
        var events: [RuntimeEventEnvelope] = []
        events.reserveCapacity(blobs.count)
        for blob in blobs {
            events.append(try RecordCoding.decode(RuntimeEventEnvelope.self, from: blob, what: "event"))
        }
        return EventLogPage(events: events, oldestRetained: bounds.oldest, head: bounds.head)
    }
}
