public import Logging
import Synchronization
public import WarrenRPC
import WarrenRuntime
import WarrenStore

/// Warren's services over one runtime adapter: everything `warrend` serves, transport aside.
public final class WarrenServer: Sendable {
    /// What the server runs with.
    public struct Configuration: Sendable {
        /// Events kept in the log for replay; older ones are compacted (subscribers behind them get Lagged).
        public var eventRetention: Int
        /// Live events buffered per subscriber before it falls back to reading the log.
        public var subscriberBufferCapacity: Int
        /// Where state is kept.
        public var storage: ServerStorage

        /// Creates a configuration with Warren's defaults.
        public init(
            eventRetention: Int = 100_000,
            subscriberBufferCapacity: Int = 1_024,
            storage: ServerStorage = .sqlite(directory: "warren-data")
        ) {
            self.eventRetention = eventRetention
            self.subscriberBufferCapacity = subscriberBufferCapacity
            self.storage = storage
        }
    }

    let adapter: RuntimeSessionAdapter
    let executors = RemoteExecutorHub()
    let peers = PeerInboxes()
    let counters = ServerCounters()
    /// Events encoded once for all their subscribers (D122).
    let encodedEvents = EncodedEventCache()
    let durableSubscribers: DurableSubscribers
    /// Where state is kept.
    let storage: ServerStorage
    let logger: Logger
    /// The software version reported by ServerInfo.
    let version: String
    private let transportStatistics = Mutex<(@Sendable () -> RPCServerStatistics)?>(nil)

    /// Opens the configured storage, recovers every stored session and collects unreferenced blobs; the
    /// services are ready to serve when this returns.
    public init(configuration: Configuration = Configuration(), version: String, logger: Logger) async throws {
        var adapterConfiguration = RuntimeSessionAdapter.Configuration()
        adapterConfiguration.eventRetention = configuration.eventRetention
        adapterConfiguration.subscriberBufferCapacity = configuration.subscriberBufferCapacity
        let (store, blobs) = try configuration.storage.open(
            eventRetention: configuration.eventRetention,
            logger: logger
        )
        self.adapter = try await RuntimeSessionAdapter.persistent(
            store: store,
            blobs: blobs,
            configuration: adapterConfiguration
        )
        self.durableSubscribers = DurableSubscribers(store: store, positions: try await store.loadSubscriberPositions())
        self.storage = configuration.storage
        self.logger = logger
        self.version = version
        _ = try await StartupRecovery.run(adapter: self.adapter, blobs: blobs, logger: logger)
    }

    /// Every service of SPEC §4, ready for an ``RPCServer``.
    public func services() -> [any RPCService] {
        [
            RuntimeControlPlaneBinding(server: self),
            SessionServiceBinding(server: self),
            SessionAdapterBinding(server: self),
            RuntimeEventsBinding(server: self),
            ExecutorBinding(server: self),
            CommsBinding(server: self),
            HealthBinding(server: self),
        ]
    }

    /// Gives Health.ServerInfo the transport's counters (the RPC server is created after the services).
    public func attachStatistics(_ source: @escaping @Sendable () -> RPCServerStatistics) {
        self.transportStatistics.withLock { $0 = source }
    }

    /// The transport's counters, or zeros before ``attachStatistics(_:)``.
    var rpcStatistics: RPCServerStatistics? {
        self.transportStatistics.withLock { $0 }?()
    }

    /// Stops the runtime's background work after the transport drained: comms drains end, runs are told to stop.
    public func shutdown() async {
        self.adapter.abortCommsDrains()
        for session in self.adapter.sessionIDs {
            _ = await self.adapter.unregisterSession(session)
        }
    }
}
