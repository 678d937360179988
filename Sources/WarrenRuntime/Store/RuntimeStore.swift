/// Where a runtime's state and its event log live (persistence-spec §1).
///
/// The runtime defines this protocol and WarrenStore implements it (`MemoryStore`, later SQLite):
/// dependency inversion keeps WarrenRuntime free of storage code (docs/DECISIONS.md).
public protocol RuntimeStore: Sendable {
    /// Whether input and runtime states are kept (false: only the event log is, as for an ephemeral adapter).
    var persistsState: Bool { get }

    /// Commits one transaction atomically: input states, runtime state, receipt, snapshot and the
    /// events they cause. Assigns the events their positions and returns them, in position order.
    func commit(_ transaction: StoreTransaction) async throws(RuntimeStoreError) -> [RuntimeEventEnvelope]

    /// Every stored input state of a runtime, terminal ones included, in admission order.
    func loadInputStates(_ runtimeID: RuntimeID) async throws(RuntimeStoreError) -> [InputState]

    /// A runtime's stored state.
    func loadRuntimeState(_ runtimeID: RuntimeID) async throws(RuntimeStoreError) -> RuntimeState?

    /// A committed receipt, exactly as stored.
    func loadBoundaryReceipt(_ runtimeID: RuntimeID, runID: RunID, sequence: UInt64) async throws(RuntimeStoreError)
        -> RunBoundaryReceipt?

    /// Up to `limit` events after `position`, with the log's bounds.
    func readEvents(after position: UInt64, limit: Int) async throws(RuntimeStoreError) -> EventLogPage

    /// Replaces a runtime's ops lifecycle snapshot (whole-document, last write wins).
    func persistOpsLifecycle(_ runtimeID: RuntimeID, _ snapshot: PersistedOpsSnapshot) async throws(RuntimeStoreError)

    /// A runtime's ops lifecycle snapshot, if one was stored.
    func loadOpsLifecycle(_ runtimeID: RuntimeID) async throws(RuntimeStoreError) -> PersistedOpsSnapshot?

    /// Every runtime the store holds anything for, sorted, so a server can re-register its sessions at startup.
    func runtimeIDs() async throws(RuntimeStoreError) -> [RuntimeID]

    /// Records the last position a durable subscriber has seen; retention keeps the events after it
    /// (``EventRetention``).
    func saveSubscriberPosition(_ name: String, _ position: UInt64) async throws(RuntimeStoreError)

    /// Every durable subscriber's saved position.
    func loadSubscriberPositions() async throws(RuntimeStoreError) -> [String: UInt64]

    /// Counters about the store's writes and its event log.
    var statistics: RuntimeStoreStatistics { get }
}

extension RuntimeStore {
    /// A store that keeps no state knows no runtimes.
    public func runtimeIDs() async throws(RuntimeStoreError) -> [RuntimeID] { [] }

    /// A store without durable subscribers ignores their positions (nothing outlives the process).
    public func saveSubscriberPosition(_ name: String, _ position: UInt64) async throws(RuntimeStoreError) {}

    /// A store without durable subscribers has no positions.
    public func loadSubscriberPositions() async throws(RuntimeStoreError) -> [String: UInt64] { [:] }

    /// A store that counts nothing reports zeros.
    public var statistics: RuntimeStoreStatistics { RuntimeStoreStatistics() }
}

/// One atomic write.
public struct StoreTransaction: Sendable {
    /// The runtime written to.
    public var runtimeID: RuntimeID
    /// Input states to upsert.
    public var inputStates: [InputState]
    /// The runtime state to store (Attached is stored as Idle).
    public var runtimeState: RuntimeState?
    /// A receipt to insert; a duplicate key fails the whole transaction.
    public var receipt: RunBoundaryReceipt?
    /// A session snapshot to store with the receipt.
    public var sessionSnapshot: [UInt8]?
    /// The events the change causes.
    public var events: [PendingEvent]

    /// Creates a transaction.
    public init(
        runtimeID: RuntimeID,
        inputStates: [InputState] = [],
        runtimeState: RuntimeState? = nil,
        receipt: RunBoundaryReceipt? = nil,
        sessionSnapshot: [UInt8]? = nil,
        events: [PendingEvent] = []
    ) {
        self.runtimeID = runtimeID
        self.inputStates = inputStates
        self.runtimeState = runtimeState
        self.receipt = receipt
        self.sessionSnapshot = sessionSnapshot
        self.events = events
    }

    /// Whether there is nothing to write.
    public var isEmpty: Bool {
        inputStates.isEmpty && runtimeState == nil && receipt == nil && sessionSnapshot == nil && events.isEmpty
    }
}

/// A page of the event log.
public struct EventLogPage: Hashable, Sendable {
    /// Events after the requested position, in order.
    public var events: [RuntimeEventEnvelope]
    /// The oldest position still retained (events before it were compacted away).
    public var oldestRetained: UInt64
    /// The newest position written.
    public var head: UInt64

    /// Creates a page.
    public init(events: [RuntimeEventEnvelope], oldestRetained: UInt64, head: UInt64) {
        self.events = events
        self.oldestRetained = oldestRetained
        self.head = head
    }
}

/// Why the store failed.
public enum RuntimeStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A write failed; nothing of the transaction is visible.
    case writeFailed(String)
    /// A read failed.
    case readFailed(String)

    public var description: String {
        switch self {
        case .writeFailed(let message): "store write failed: \(message)"
        case .readFailed(let message): "store read failed: \(message)"
        }
    }
}
