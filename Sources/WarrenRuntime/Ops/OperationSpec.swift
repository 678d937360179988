/// The registration record of an operation: everything the registry needs to rebuild its shell after recovery.
public struct OperationSpec: Hashable, Sendable {
    /// The operation's id; the registry's key.
    public var id: OperationID
    /// What kind of work this is.
    public var kind: OperationKind
    /// The session that owns the operation.
    public var ownerSessionID: SessionID
    /// Human-readable name; `listOperations` sorts by it.
    public var displayName: String
    /// Where the operation came from (a tool or mob name).
    public var sourceLabel: String
    /// The spawned child session, for mob members.
    public var childSessionID: SessionID?
    /// Whether the caller expects a peer channel handoff.
    public var expectPeerChannel: Bool

    /// Creates a spec; `id` defaults to a fresh UUIDv7.
    public init(
        id: OperationID = .make(),
        kind: OperationKind,
        ownerSessionID: SessionID,
        displayName: String,
        sourceLabel: String,
        childSessionID: SessionID? = nil,
        expectPeerChannel: Bool = false
    ) {
        self.id = id
        self.kind = kind
        self.ownerSessionID = ownerSessionID
        self.displayName = displayName
        self.sourceLabel = sourceLabel
        self.childSessionID = childSessionID
        self.expectPeerChannel = expectPeerChannel
    }
}
