import Synchronization

/// Hosts one runtime per session: registration, executors and their loops, admission, completion
/// waiters, lifecycle control and the event stream (the seed's `RuntimeSessionAdapter`).
///
/// Usable in process with no server at all. Session lookups take a short synchronous lock; everything
/// about one session happens on its ``SessionRuntime`` actor, so sessions never wait for each other.
public final class RuntimeSessionAdapter: Sendable {
    /// The store: a real one for a persistent adapter, an event log only for an ephemeral one.
    public let store: any RuntimeStore
    /// Where a persistent adapter keeps admitted images (nil: images stay inline in the records).
    public let blobs: (any BlobStore)?
    /// Live fan-out of committed events.
    public let bus: EventBus
    /// Limits and defaults.
    public let configuration: Configuration
    let sessions = Mutex<[SessionID: SessionEntry]>([:])
    /// The comms drain of each session that has one.
    let commsDrains: CommsDrainSlots

    /// Tunables of an adapter.
    public struct Configuration: Sendable {
        /// Events kept by an ephemeral adapter's in-memory log.
        public var eventRetention: Int = 100_000
        /// Live events buffered per subscriber before it falls back to reading the log.
        public var subscriberBufferCapacity: Int = 1_024
        /// Events read from the log per page while a subscriber catches up.
        public var catchUpPageSize: Int = 512

        /// The defaults.
        public init() {}
    }

    init(store: any RuntimeStore, blobs: (any BlobStore)? = nil, configuration: Configuration, head: UInt64 = 0) {
        self.store = store
        self.blobs = blobs
        self.configuration = configuration
        self.bus = EventBus(head: head)
        let owner = WeakAdapter()
        self.commsDrains = CommsDrainSlots { session, from, to, mode, reason in
            owner.adapter?.publishDrainChange(session, from: from, to: to, mode: mode, reason: reason)
        }
        owner.adapter = self
    }

    /// An adapter that keeps nothing across restarts (every driver ephemeral; events in memory).
    public static func ephemeral(configuration: Configuration = .init()) -> RuntimeSessionAdapter {
        RuntimeSessionAdapter(
            store: EphemeralStore(eventRetention: configuration.eventRetention),
            configuration: configuration
        )
    }

    /// An adapter whose sessions are durable in `store`, recovered from it on registration; with
    /// `blobs`, admitted images are stored there and the records keep only references.
    public static func persistent(
        store: any RuntimeStore,
        blobs: (any BlobStore)? = nil,
        configuration: Configuration = .init()
    ) async throws(RuntimeStoreError) -> RuntimeSessionAdapter {
        let head = try await store.readEvents(after: UInt64.max - 1, limit: 0).head
        return RuntimeSessionAdapter(store: store, blobs: blobs, configuration: configuration, head: head)
    }

    /// The runtime mode (the reference has one).
    public var runtimeMode: RuntimeMode { .v9Compliant }

    // MARK: Lookup

    func entry(_ id: SessionID) -> SessionEntry? {
        sessions.withLock { $0[id] }
    }

    /// How many admissions and publications to `id` wait for the commit in flight (diagnostics and tests).
    func waitingAdmissions(_ id: SessionID) async -> Int {
        await entry(id)?.runtime.sharedCommits.waitingCount ?? 0
    }

    func runtime(_ id: SessionID) throws(RuntimeDriverError) -> SessionRuntime {
        guard let entry = entry(id) else { throw .notReady(state: .destroyed) }
        return entry.runtime
    }

    func runtime(forRuntimeID runtimeID: RuntimeID) throws(RuntimeControlPlaneError) -> SessionRuntime {
        guard let sessionID = runtimeID.sessionID, let entry = entry(sessionID) else { throw .notFound(runtimeID) }
        return entry.runtime
    }

    // MARK: Events

    /// Follows the event stream: replay from `start`, a `caughtUp` marker, then live events.
    public func subscribe(
        filter: EventFilter = .init(),
        start: SubscriptionStart = .now,
        bufferCapacity: Int? = nil
    ) -> EventSubscription {
        EventSubscription(
            store: store,
            bus: bus,
            filter: filter,
            start: start,
            bufferCapacity: bufferCapacity ?? configuration.subscriberBufferCapacity,
            pageSize: configuration.catchUpPageSize
        )
    }
}

/// The adapter's runtime mode.
public enum RuntimeMode: Hashable, Sendable {
    /// The only mode of the reference.
    case v9Compliant
}

/// What the adapter keeps per session.
struct SessionEntry: Sendable {
    let runtime: SessionRuntime
    /// The session's ops lifecycle registry; its epoch is the entry's epoch.
    let ops: OpsLifecycleRegistry
    /// Ends the task that persists the registry's snapshots.
    let opsPersistence: AsyncStream<PersistedOpsSnapshot>.Continuation?
    var attaching = false
    var keepAlive = false
    var inbox: (any PeerInbox)?
}

/// A weak reference the adapter's own helpers hold back to it, so they never keep it alive.
final class WeakAdapter: @unchecked Sendable {
    // Written once during the adapter's init, before any other thread can see it.
    weak var adapter: RuntimeSessionAdapter?
}
