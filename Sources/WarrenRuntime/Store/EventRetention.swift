/// The count-retention rule every store applies to its event log (SPEC §4.1).
///
/// The newest `retention` events are always kept. Older events are kept while a durable subscriber
/// position still needs them, but never more than `2 × retention` events in all: past that hard cap
/// retention wins and the subscriber gets `lagged` when it resumes. The cap keeps a subscriber that
/// never comes back from growing the log without bound.
public enum EventRetention {
    /// The newest position that may be compacted away (0: nothing), given the log's head, the
    /// retention count and the lowest durable subscriber position (the last event it has seen).
    public static func compactionCutoff(head: UInt64, retention: Int, heldPosition: UInt64?) -> UInt64 {
        let keep = UInt64(max(1, retention))
        guard head > keep else { return 0 }
        let byCount = head - keep
        guard let heldPosition else { return byCount }
        let hardCap = head > 2 * keep ? head - 2 * keep : 0
        return max(min(byCount, heldPosition), hardCap)
    }
}
