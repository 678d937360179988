import Foundation
import WarrenRuntime

/// The stored form of domain values: JSON from their `Codable` conformances (docs/DECISIONS.md D51).
///
/// Keys are sorted so equal values store equal bytes; a golden test pins the format.
enum RecordCoding {
    /// The JSON bytes of `value`.
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
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
