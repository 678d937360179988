import Foundation
import WarrenRuntime

/// The stored form of domain values: JSON from their `Codable` conformances (docs/DECISIONS.md D51).
///
/// Keys are sorted so equal values store equal bytes; a golden test pins the format. Records are
/// written by ``SortedJSONEncoder`` (the bytes of `JSONEncoder` with `.sortedKeys`, faster, D59; the
/// records of every admission by hand, held to the same bytes, D114) and read by `JSONDecoder`.
enum RecordCoding {
    /// The JSON bytes of `value`.
    static func encode(_ value: some Encodable) throws -> Data {
        Data(try SortedJSONEncoder.encode(value))
    }

    /// The envelope's JSON before its commit-time fields (`{…,"eventID":"…"`, no closing brace), which
    /// ``envelope(head:position:runtimeIDJSON:sequence:timestamp:)`` completes (D58).
    static func envelopeHead(_ pending: PendingEvent, eventID: EventID) throws -> Data {
        let head = EnvelopeHead(
            causationID: pending.causationID,
            correlationID: pending.correlationID,
            event: pending.event,
            eventID: eventID
        )
        var json = try encode(head)
        json.removeLast()
        return json
    }

    /// Exactly `encode(envelope)`: the head, then the fields assigned at commit, which sort after it.
    static func envelope(head: Data, position: UInt64, runtimeIDJSON: Data, sequence: UInt64, timestamp: Timestamp)
        -> Data
    {
        var json = head
        json.reserveCapacity(head.count + runtimeIDJSON.count + 80)
        json.append(contentsOf: #","position":\#(position),"runtimeID":"#.utf8)
        json.append(runtimeIDJSON)
        json.append(contentsOf: #","sequence":\#(sequence),"timestamp":\#(timestamp.unixNanos)}"#.utf8)
        return json
    }

    /// The value stored as `data`, or a read error naming what could not be decoded.
    static func decode<Value: Decodable>(_ type: Value.Type, from data: Data, what: String) throws(RuntimeStoreError)
        -> Value
    {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw .readFailed("stored \(what) cannot be decoded: \(error)")
        }
    }
}

/// The envelope's fields known before commit, keyed as ``RuntimeEventEnvelope`` keys them.
private struct EnvelopeHead: SortedJSONWritable {
    let causationID: String?
    let correlationID: String?
    let event: RuntimeEvent
    let eventID: EventID

    func writeSortedJSON(to writer: SortedJSONWriter) throws {
        var object = SortedJSONObject(writer)
        object.string("causationID", ifPresent: causationID)
        object.string("correlationID", ifPresent: correlationID)
        try object.record("event", event)
        object.string("eventID", eventID.rawValue)
        object.close()
    }
}
