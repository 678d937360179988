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

        /// Creates a configuration with Warren's defaults.
        public init(eventRetention: Int = 100_000, subscriberBufferCapacity: Int = 1_024) {
            self.eventRetention = eventRetention
            self.subscriberBufferCapacity = subscriberBufferCapacity
        }
    }

    let adapter: RuntimeSessionAdapter
    let executors = RemoteExecutorHub()
    let peers = PeerInboxes()
    let counters = ServerCounters()
    let durableSubscribers = DurableSubscribers()
    let logger: Logger
    /// The software version reported by ServerInfo.
    let version: String
    private let transportStatistics = Mutex<(@Sendable () -> RPCServerStatistics)?>(nil)

    /// Creates the services over an adapter backed by an in-memory store (receipts, states and the event log
    /// kept for the process's lifetime; the SQLite store arrives with the persistence work).
    public init(configuration: Configuration = Configuration(), version: String, logger: Logger) async throws {
        var adapterConfiguration = RuntimeSessionAdapter.Configuration()
        adapterConfiguration.eventRetention = configuration.eventRetention
        adapterConfiguration.subscriberBufferCapacity = configuration.subscriberBufferCapacity
        self.adapter = try await RuntimeSessionAdapter.persistent(
            store: MemoryStore(eventRetention: configuration.eventRetention),
            configuration: adapterConfiguration
        )
        self.logger = logger
        self.version = version
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
