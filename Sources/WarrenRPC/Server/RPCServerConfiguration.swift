internal import WarrenProto

/// How an ``RPCServer`` listens, what it announces, and the limits it enforces.
public struct RPCServerConfiguration: Sendable {
    /// The address to bind.
    public var host: String
    /// The port to bind; 0 picks a free one (see ``RPCServer/listeningAddress()``).
    public var port: Int
    /// The largest frame payload accepted, announced in SETTINGS (at least 16 KiB).
    public var maxFrameSize: UInt32
    /// The largest request message accepted, after inflating; a larger one fails its call (RESOURCE_EXHAUSTED).
    public var maxMessageSize: UInt32
    /// Calls one connection may have open at once; more are refused with UNAVAILABLE.
    public var maxConcurrentStreams: UInt32
    /// The credit each call's client gets before the handler reads (bytes).
    public var initialStreamWindow: UInt32
    /// The credit a connection's client gets across all its calls (bytes).
    public var initialConnectionWindow: UInt32
    /// Connections served at once; more are answered with GOAWAY and closed.
    public var maxConnections: Int
    /// How long a connection may stay without calls before it is closed; nil for ever.
    public var idleTimeout: Duration?
    /// How often the server PINGs each client; a PING unanswered by the next one closes the connection. Nil
    /// for never.
    public var keepaliveInterval: Duration?
    /// PINGs a client may send in a row without data from the server before it is disconnected.
    public var maxPingStrikes: Int
    /// When set, every call must carry metadata `authorization: Bearer <token>` (else UNAUTHENTICATED).
    public var bearerToken: String?
    /// The version string sent in SETTINGS.
    public var serverVersion: String
    /// Whether `deflate` message compression is offered and used for calls that ask for it.
    public var compressionEnabled: Bool
    /// How long a graceful shutdown lets open calls finish before cancelling them.
    public var shutdownGracePeriod: Duration

    /// Creates a configuration with Warren's defaults: 127.0.0.1:7433, 4 MiB frames and messages, 100 streams,
    /// 1 MiB stream and 4 MiB connection windows, 1024 connections, 5 min idle, 60 s keepalive, compression on.
    public init(host: String = "127.0.0.1", port: Int = 7433) {
        let defaults = ConnectionStateMachine.Configuration.defaultSettings
        self.host = host
        self.port = port
        self.maxFrameSize = defaults.maxFrameSize
        self.maxMessageSize = defaults.maxMessageSize
        self.maxConcurrentStreams = defaults.maxConcurrentStreams
        self.initialStreamWindow = defaults.initialStreamWindow
        self.initialConnectionWindow = defaults.initialConnectionWindow
        self.maxConnections = 1024
        self.idleTimeout = .seconds(300)
        self.keepaliveInterval = .seconds(60)
        self.maxPingStrikes = 2
        self.bearerToken = nil
        self.serverVersion = "warren"
        self.compressionEnabled = true
        self.shutdownGracePeriod = .seconds(10)
    }
}

extension RPCServerConfiguration {
    /// The SETTINGS and PING policy every connection enforces.
    var connectionMachine: ConnectionStateMachine.Configuration {
        let settings = Settings(
            maxFrameSize: self.maxFrameSize,
            maxConcurrentStreams: self.maxConcurrentStreams,
            initialStreamWindow: self.initialStreamWindow,
            initialConnectionWindow: self.initialConnectionWindow,
            maxMessageSize: self.maxMessageSize,
            serverVersion: self.serverVersion,
            supportedEncodings: self.compressionEnabled ? ["identity", MessageCompression.encodingName] : ["identity"]
        )
        return ConnectionStateMachine.Configuration(settings: settings, maxPingStrikes: self.maxPingStrikes)
    }
}
