/// A point-in-time view of one operation, as `snapshot(of:)` and `listOperations` report it.
public struct OperationLifecycleSnapshot: Hashable, Sendable {
    /// The operation's id.
    public var id: OperationID
    /// What kind of work it is.
    public var kind: OperationKind
    /// Its display name.
    public var displayName: String
    /// Its current status.
    public var status: OperationStatus
    /// Whether it has handed off its peer channel.
    public var peerReady: Bool
    /// How many progress reports it made.
    public var progressCount: UInt32
    /// How many watches are still pending; terminal transitions drain this to zero.
    public var watcherCount: UInt32
    /// How it ended, once terminal.
    public var terminalOutcome: OperationTerminalOutcome?
    /// The spawned child session, for mob members.
    public var childSessionID: SessionID?
    /// The peer channel, once `peerReady`.
    public var peerHandle: OperationPeerHandle?
    /// When it was registered (or its record rebuilt by recovery).
    public var createdAt: Timestamp
    /// When provisioning succeeded.
    public var startedAt: Timestamp?
    /// When it became terminal.
    public var completedAt: Timestamp?
    /// Monotonic time from registration to terminal, once terminal.
    public var elapsed: Duration?

    /// Creates a snapshot.
    public init(
        id: OperationID,
        kind: OperationKind,
        displayName: String,
        status: OperationStatus,
        peerReady: Bool,
        progressCount: UInt32,
        watcherCount: UInt32,
        terminalOutcome: OperationTerminalOutcome?,
        childSessionID: SessionID?,
        peerHandle: OperationPeerHandle?,
        createdAt: Timestamp,
        startedAt: Timestamp?,
        completedAt: Timestamp?,
        elapsed: Duration?
    ) {
        self.id = id
        self.kind = kind
        self.displayName = displayName
        self.status = status
        self.peerReady = peerReady
        self.progressCount = progressCount
        self.watcherCount = watcherCount
        self.terminalOutcome = terminalOutcome
        self.childSessionID = childSessionID
        self.peerHandle = peerHandle
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.elapsed = elapsed
    }
}
