import WarrenProto

/// How `warren tail` prints stream items: a readable line, or the item's JSON.
enum EventText {
    /// The line for `item`; nil for an empty item.
    static func line(for item: SubscribeResponse, json: Bool) -> String? {
        if json { return item.jsonValue().jsonText }
        switch item.item {
        case .envelope(let envelope): return Self.event(envelope)
        case .batch(let batch): return batch.envelopes.map(Self.event).joined(separator: "\n")
        case .caughtUp(let marker): return "-- caught up at position \(marker.position); following live events --"
        case .lagged(let lagged): return "-- lagged: events \(lagged.fromPosition)...\(lagged.toPosition) are gone --"
        case nil: return nil
        }
    }

    /// `#position runtime/sequence kind {details}`, the kind and details taken from the event's JSON.
    private static func event(_ envelope: RuntimeEventEnvelope) -> String {
        let prefix = "#\(envelope.position) \(envelope.runtimeID)/\(envelope.sequence)"
        guard case .object(let fields) = envelope.event?.jsonValue(), let (kind, body) = fields.first else {
            return "\(prefix) (empty event)"
        }
        return "\(prefix) \(kind) \(body.jsonText)"
    }
}
