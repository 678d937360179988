/// The content address of a blob: `sha256:` and 64 lowercase hex digits (persistence-spec §2).
///
/// Only well-formed ids can be built, so a file-backed store may turn one into a path without any
/// risk of escaping its directory.
public struct BlobID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The id's text, `sha256:<64 hex>`.
    public let rawValue: String

    /// The prefix every id carries.
    public static let prefix = "sha256:"

    /// Parses an id; nil unless it is `sha256:` followed by exactly 64 lowercase hex digits.
    public init?(_ rawValue: String) {
        guard rawValue.hasPrefix(Self.prefix) else { return nil }
        let digits = rawValue.utf8.dropFirst(Self.prefix.utf8.count)
        guard digits.count == 64, digits.allSatisfy(Self.isLowercaseHex) else { return nil }
        self.rawValue = rawValue
    }

    /// Wraps 64 lowercase hex digits of a SHA-256 digest; nil when they are not that.
    public init?(hex: String) {
        self.init(Self.prefix + hex)
    }

    /// The 64 hex digits, without the prefix.
    public var hex: Substring { rawValue.dropFirst(Self.prefix.count) }

    public var description: String { rawValue }

    public static func < (lhs: BlobID, rhs: BlobID) -> Bool { lhs.rawValue < rhs.rawValue }

    private static func isLowercaseHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}

/// What a put returns: the id to reference and the media type stored with it.
public struct BlobRef: Hashable, Sendable {
    /// The blob's content address.
    public var id: BlobID
    /// The image's media type.
    public var mediaType: String

    /// Creates a reference.
    public init(id: BlobID, mediaType: String) {
        self.id = id
        self.mediaType = mediaType
    }
}

/// A stored image: its id, media type and base64 data exactly as they were put.
public struct BlobPayload: Hashable, Sendable {
    /// The blob's content address.
    public var id: BlobID
    /// The image's media type.
    public var mediaType: String
    /// The base64 text as given to the put (never decoded).
    public var data: String

    /// Creates a payload.
    public init(id: BlobID, mediaType: String, data: String) {
        self.id = id
        self.mediaType = mediaType
        self.data = data
    }
}
