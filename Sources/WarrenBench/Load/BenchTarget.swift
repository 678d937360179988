public import WarrenRPC

/// The server a run measures and how to reach it.
public struct BenchTarget: Sendable {
    /// Where it listens.
    public var address: ServerAddress
    /// The bearer token every call presents (nil: none).
    public var bearerToken: String?
    /// How it stores data, when the bench spawned it (nil: a server already running).
    public var spawned: SpawnStorage?
    /// Its process id, when known: its CPU time and peak memory are then reported.
    public var serverPID: Int32?
    /// Whether requests are deflated when large enough; off by default, as in the peers.
    public var compression: Bool

    /// Creates a target.
    public init(
        address: ServerAddress,
        bearerToken: String? = nil,
        spawned: SpawnStorage? = nil,
        serverPID: Int32? = nil,
        compression: Bool = false
    ) {
        self.address = address
        self.bearerToken = bearerToken
        self.spawned = spawned
        self.serverPID = serverPID
        self.compression = compression
    }

    /// A target for the server `server` spawned.
    public init(_ server: SpawnedServer, compression: Bool = false) {
        self.init(address: server.address, spawned: server.storage, serverPID: server.pid, compression: compression)
    }

    /// The configuration of each client connection.
    var clientConfiguration: RPCClientConfiguration {
        var configuration = RPCClientConfiguration(host: self.address.host, port: self.address.port)
        configuration.bearerToken = self.bearerToken
        configuration.compression.enabled = self.compression
        return configuration
    }
}
