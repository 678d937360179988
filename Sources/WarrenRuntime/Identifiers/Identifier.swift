/// A typed identifier: the tag keeps an `InputID` from being passed where a `RunID` is expected.
public struct Identifier<Tag>: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The identifier's text (a UUID for the generated kinds, a free string for `RuntimeID`).
    public let rawValue: String

    /// Wraps existing text, such as an id received from a client.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// A new time-ordered UUIDv7 identifier.
    public static func make() -> Self {
        Self(UUIDv7.make())
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Tag types for ``Identifier``.
public enum IdentifierTag {
    /// Tags ``InputID``.
    public enum Input {}
    /// Tags ``RunID``.
    public enum Run {}
    /// Tags ``SessionID``.
    public enum Session {}
    /// Tags ``RuntimeID``.
    public enum Runtime {}
    /// Tags ``EventID``.
    public enum Event {}
    /// Tags ``EpochID``.
    public enum Epoch {}
    /// Tags ``OperationID``.
    public enum Operation {}
}

/// The id of one input; also its ledger key (UUIDv7).
public typealias InputID = Identifier<IdentifierTag.Input>
/// The id of one executor run over a batch of staged inputs (UUIDv7).
public typealias RunID = Identifier<IdentifierTag.Run>
/// The id of a session (a UUID; the adapter's key).
public typealias SessionID = Identifier<IdentifierTag.Session>
/// A logical runtime id: the session id's text for adapter-created runtimes.
public typealias RuntimeID = Identifier<IdentifierTag.Runtime>
/// The id of one runtime event envelope (UUIDv7).
public typealias EventID = Identifier<IdentifierTag.Event>
/// The id of a session entry's epoch, stable for the entry's lifetime (UUIDv7).
public typealias EpochID = Identifier<IdentifierTag.Epoch>
/// The id of a tracked async operation in the ops lifecycle registry.
public typealias OperationID = Identifier<IdentifierTag.Operation>

extension SessionID {
    /// The runtime id the adapter uses for this session: the session id's own text.
    public var runtimeID: RuntimeID { RuntimeID(rawValue) }
}

extension RuntimeID {
    /// The session a runtime id names, when it is a well-formed UUID (the control plane's reverse map).
    public var sessionID: SessionID? {
        UUIDv7.isUUID(rawValue) ? SessionID(rawValue.lowercased()) : nil
    }
}
