/// An event with its place in the server-wide log (SPEC §4.1).
///
/// The fields live in one shared box: an envelope is copied into every log page, subscriber buffer and
/// subscription item it passes through, and copying a box is one reference-count increment instead of one
/// per string and payload it holds (D124). Setting a field copies the box only when it is shared.
public struct RuntimeEventEnvelope: Hashable, Sendable, Codable {
    private var box: Box

    /// Creates an envelope.
    public init(
        position: UInt64,
        sequence: UInt64,
        eventID: EventID = .make(),
        timestamp: Timestamp = .now(),
        runtimeID: RuntimeID,
        causationID: String? = nil,
        correlationID: String? = nil,
        event: RuntimeEvent
    ) {
        self.box = Box(
            Fields(
                position: position,
                sequence: sequence,
                eventID: eventID,
                timestamp: timestamp,
                runtimeID: runtimeID,
                causationID: causationID,
                correlationID: correlationID,
                event: event
            )
        )
    }

    /// Server-wide position: strictly increasing from 1, with no gaps.
    public var position: UInt64 {
        get { self.box.fields.position }
        set { self.update { $0.position = newValue } }
    }
    /// The runtime's own sequence: strictly increasing from 1 per runtime.
    public var sequence: UInt64 {
        get { self.box.fields.sequence }
        set { self.update { $0.sequence = newValue } }
    }
    /// A unique id (UUIDv7).
    public var eventID: EventID {
        get { self.box.fields.eventID }
        set { self.update { $0.eventID = newValue } }
    }
    /// When it was committed.
    public var timestamp: Timestamp {
        get { self.box.fields.timestamp }
        set { self.update { $0.timestamp = newValue } }
    }
    /// The runtime it belongs to.
    public var runtimeID: RuntimeID {
        get { self.box.fields.runtimeID }
        set { self.update { $0.runtimeID = newValue } }
    }
    /// The event or call that caused it.
    public var causationID: String? {
        get { self.box.fields.causationID }
        set { self.update { $0.causationID = newValue } }
    }
    /// The correlation id of the input or call behind it.
    public var correlationID: String? {
        get { self.box.fields.correlationID }
        set { self.update { $0.correlationID = newValue } }
    }
    /// The event.
    public var event: RuntimeEvent {
        get { self.box.fields.event }
        set { self.update { $0.event = newValue } }
    }

    private mutating func update(_ change: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&self.box) { self.box = Box(self.box.fields) }
        change(&self.box.fields)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    public func hash(into hasher: inout Hasher) {
        self.box.fields.hash(into: &hasher)
    }

    public init(from decoder: any Decoder) throws {
        self.box = Box(try Fields(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try self.box.fields.encode(to: encoder)
    }
}

extension RuntimeEventEnvelope: CustomReflectable {
    /// The fields, as a memberwise struct would show them (not the box).
    public var customMirror: Mirror {
        let fields = self.box.fields
        return Mirror(
            self,
            children: [
                "position": fields.position, "sequence": fields.sequence, "eventID": fields.eventID,
                "timestamp": fields.timestamp, "runtimeID": fields.runtimeID, "causationID": fields.causationID as Any,
                "correlationID": fields.correlationID as Any, "event": fields.event,
            ],
            displayStyle: .struct
        )
    }
}

extension RuntimeEventEnvelope {
    /// The envelope's values; their `Codable` form is the envelope's.
    private struct Fields: Hashable, Sendable, Codable {
        var position: UInt64
        var sequence: UInt64
        var eventID: EventID
        var timestamp: Timestamp
        var runtimeID: RuntimeID
        var causationID: String?
        var correlationID: String?
        var event: RuntimeEvent
    }

    /// Mutated only through ``update(_:)``, which first makes it unshared, so it is never written while read.
    private final class Box: @unchecked Sendable {
        var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }
}
