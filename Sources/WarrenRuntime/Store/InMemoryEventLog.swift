import DequeModule

/// The event log kept in memory: positions from 1 with no gaps, per-runtime sequences, and retention
/// of the newest `retention` events. Not synchronised: its owner holds it under a lock.
public struct InMemoryEventLog: Sendable {
    /// How many events are kept; older ones are compacted away (subscribers behind them get `lagged`).
    public let retention: Int
    private var events: Deque<RuntimeEventEnvelope> = []
    private var sequences: [RuntimeID: UInt64] = [:]
    /// The newest position written (0 before the first event).
    public private(set) var head: UInt64 = 0
    /// The lowest durable subscriber position: events after it outlive retention up to its hard cap
    /// (``EventRetention``).
    public var heldPosition: UInt64?

    /// Creates an empty log keeping at most `retention` events.
    public init(retention: Int = 100_000) {
        self.retention = max(1, retention)
    }

    /// Assigns positions and sequences to `pending` and appends them.
    public mutating func append(_ pending: [PendingEvent], runtimeID: RuntimeID, at time: Timestamp = .now())
        -> [RuntimeEventEnvelope]
    {
        var sequence = sequences[runtimeID, default: 0]
        let envelopes = pending.map { item -> RuntimeEventEnvelope in
            head += 1
            sequence += 1
            return RuntimeEventEnvelope(
                position: head,
                sequence: sequence,
                timestamp: time,
                runtimeID: runtimeID,
                causationID: item.causationID,
                correlationID: item.correlationID,
                event: item.event
            )
        }
        sequences[runtimeID] = sequence
        events.append(contentsOf: envelopes)
        let cutoff = EventRetention.compactionCutoff(head: head, retention: retention, heldPosition: heldPosition)
        while let first = events.first, first.position <= cutoff { events.removeFirst() }
        return envelopes
    }

    /// The number of events kept.
    public var count: Int { events.count }

    /// Every runtime that has written an event.
    public var runtimeIDs: [RuntimeID] { Array(sequences.keys) }

    /// Up to `limit` events after `position`.
    public func read(after position: UInt64, limit: Int) -> EventLogPage {
        let oldest = events.first?.position ?? head + 1
        guard position < head, limit > 0 else { return EventLogPage(events: [], oldestRetained: oldest, head: head) }
        let start = position < oldest ? 0 : Int(position - oldest + 1)
        let slice = start < events.count ? Array(events[start..<min(events.count, start + limit)]) : []
        return EventLogPage(events: slice, oldestRetained: oldest, head: head)
    }
}
