public import WarrenProto
public import WarrenRPC

/// A client of one `warrend`: one stub per service over a single multiplexed connection, reconnecting as needed.
public final class WarrenClient: Sendable {
    /// The transport every stub shares.
    public let rpc: RPCClient
    /// RuntimeControlPlane: runtime-keyed ingest, lifecycle and receipts.
    public let controlPlane: RuntimeControlPlaneClient
    /// SessionServiceRuntimeExt: session-keyed admission and queries.
    public let sessions: SessionServiceRuntimeExtClient
    /// RuntimeSessionAdapter: session administration, runs, comms drains, ops, completions.
    public let adapter: RuntimeSessionAdapterClient
    /// RuntimeEvents: the ordered event stream.
    public let events: RuntimeEventsClient
    /// Executor: remote executor attachment.
    public let executor: ExecutorClient
    /// Comms: peer messages.
    public let comms: CommsClient
    /// Health: liveness and server counters.
    public let health: HealthClient

    /// Creates a client; it connects on the first call.
    public init(configuration: RPCClientConfiguration = RPCClientConfiguration()) {
        let rpc = RPCClient(configuration: configuration)
        self.rpc = rpc
        self.controlPlane = RuntimeControlPlaneClient(caller: rpc)
        self.sessions = SessionServiceRuntimeExtClient(caller: rpc)
        self.adapter = RuntimeSessionAdapterClient(caller: rpc)
        self.events = RuntimeEventsClient(caller: rpc)
        self.executor = ExecutorClient(caller: rpc)
        self.comms = CommsClient(caller: rpc)
        self.health = HealthClient(caller: rpc)
    }

    /// Runs tasks on the thread that owns this client's connection: calls made by a task that prefers it
    /// make no thread hop (``RPCClient/preferredTaskExecutor``).
    public var preferredTaskExecutor: any TaskExecutor { self.rpc.preferredTaskExecutor }

    /// Follows the event stream across reconnects, resuming after the last position delivered (see
    /// ``EventFollower``).
    public func followEvents(
        _ request: SubscribeRequest,
        reconnect: ReconnectPolicy = ReconnectPolicy()
    ) -> EventFollower {
        EventFollower(events: self.events, request: request, policy: reconnect)
    }

    /// Closes the connection once in-flight calls are done.
    public func close() async {
        await self.rpc.close()
    }
}
