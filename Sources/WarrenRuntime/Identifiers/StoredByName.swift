/// A payload-free enum whose stored form is its case name, `"stageRunStart"` (docs/DECISIONS.md D95).
///
/// Records written before D95 hold Swift's synthesized form, `{"stageRunStart":{}}`, which still decodes:
/// that form cost a nested container per value and made encoding a policy decision cost more than
/// encoding the whole input it decides about.
public protocol StoredByName: RawRepresentable<String>, Codable {}

extension StoredByName {
    /// Decodes the case name, or the one-key object of records written before D95.
    public init(from decoder: any Decoder) throws {
        if let name = try? decoder.singleValueContainer().decode(String.self) {
            self = try Self.named(name, decoder)
            return
        }
        let legacy = try decoder.container(keyedBy: CaseNameKey.self)
        guard legacy.allKeys.count == 1, let key = legacy.allKeys.first else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "expected a \(Self.self) case name or a one-key object"
                )
            )
        }
        self = try Self.named(key.stringValue, decoder)
    }

    /// Encodes the case name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    private static func named(_ name: String, _ decoder: any Decoder) throws -> Self {
        guard let value = Self(rawValue: name) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "unknown \(Self.self) \"\(name)\""
                )
            )
        }
        return value
    }
}

/// Any key: the one key of a legacy `{"name":{}}` object.
private struct CaseNameKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
