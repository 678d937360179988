// Stored forms of the two scalar types every record contains: an identifier is its text and a
// timestamp its Unix nanoseconds, so stored records read like the wire.

extension Identifier: Codable {
    /// Decodes an identifier from its text.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the identifier as its text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension Timestamp: Codable {
    /// Decodes a timestamp from Unix nanoseconds.
    public init(from decoder: any Decoder) throws {
        self.init(unixNanos: try decoder.singleValueContainer().decode(Int64.self))
    }

    /// Encodes the timestamp as Unix nanoseconds.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(unixNanos)
    }
}
