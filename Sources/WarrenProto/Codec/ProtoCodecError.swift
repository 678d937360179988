/// Why bytes could not be decoded as a message. Servers answer it with INVALID_ARGUMENT.
public struct ProtoDecodingError: Error, Hashable, CustomStringConvertible {
    /// The class of problem.
    public enum Kind: Sendable, Hashable {
        /// The bytes are not a valid protobuf encoding of the message (truncated, bad tag, bad length…).
        case malformed
        /// A string field holds bytes that are not UTF-8, or a NUL the C codec cannot carry.
        case invalidString
        /// Messages nest deeper than the decoder follows.
        case tooDeep
    }

    /// The class of problem.
    public let kind: Kind
    /// What was wrong and where, for people.
    public let message: String

    /// Creates an error of `kind` explained by `message`.
    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

/// Why a message could not be encoded.
public struct ProtoEncodingError: Error, Hashable, CustomStringConvertible {
    /// The class of problem.
    public enum Kind: Sendable, Hashable {
        /// A string contains U+0000, which libprotobuf-c cannot encode (it measures strings with strlen).
        case stringContainsNUL
    }

    /// The class of problem.
    public let kind: Kind
    /// What was wrong and where, for people.
    public let message: String

    /// Creates an error of `kind` explained by `message`.
    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
