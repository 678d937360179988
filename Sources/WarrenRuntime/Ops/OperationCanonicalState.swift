/// The persisted, authority-owned part of one operation's state.
public struct OperationCanonicalState: Hashable, Sendable, Codable {
    /// Current status.
    public var status: OperationStatus
    /// Operation kind.
    public var kind: OperationKind
    /// Whether the peer channel was handed off.
    public var peerReady: Bool
    /// Number of progress reports.
    public var progressCount: UInt32
    /// Number of pending watches.
    public var watcherCount: UInt32
    /// How it ended, once terminal.
    public var terminalOutcome: OperationTerminalOutcome?
    /// Whether the terminal outcome is still waiting to be collected.
    public var terminalBuffered: Bool

    /// Creates a canonical state; the defaults describe a freshly registered operation.
    public init(
        status: OperationStatus = .provisioning,
        kind: OperationKind,
        peerReady: Bool = false,
        progressCount: UInt32 = 0,
        watcherCount: UInt32 = 0,
        terminalOutcome: OperationTerminalOutcome? = nil,
        terminalBuffered: Bool = false
    ) {
        self.status = status
        self.kind = kind
        self.peerReady = peerReady
        self.progressCount = progressCount
        self.watcherCount = watcherCount
        self.terminalOutcome = terminalOutcome
        self.terminalBuffered = terminalBuffered
    }

    private enum CodingKeys: String, CodingKey {
        case status, kind
        case peerReady = "peer_ready"
        case progressCount = "progress_count"
        case watcherCount = "watcher_count"
        case terminalOutcome = "terminal_outcome"
        case terminalBuffered = "terminal_buffered"
    }
}
