/// How an ``RPCClient`` reaches its server and what it asks of every call.
public struct RPCClientConfiguration: Hashable, Sendable {
    /// The server's host name or address.
    public var host: String
    /// The server's TCP port.
    public var port: Int
    /// How long connecting (TCP plus the server's SETTINGS) may take before calls fail UNAVAILABLE.
    public var connectTimeout: Duration
    /// Metadata sent on every call; a call's own `CallOptions.metadata` is merged over it.
    public var defaultMetadata: [String: String]
    /// Compression of requests; responses are always accepted deflated.
    public var compression: Compression
    /// The largest response message accepted (after inflating); a larger one fails its call with
    /// RESOURCE_EXHAUSTED.
    public var maxMessageSize: Int
    /// The largest frame the client accepts, announced in its SETTINGS (at least 16 KiB).
    public var maxFrameSize: Int
    /// The response bytes one call may have in flight unread (the client's initial stream window).
    public var initialStreamWindow: Int
    /// The response bytes all calls together may have in flight unread (the initial connection window).
    public var initialConnectionWindow: Int
    /// PINGs that detect a dead connection while calls are open; nil sends none.
    public var keepalive: Keepalive?

    /// The defaults: `127.0.0.1:7433`, 10 s to connect, deflate over 1 KiB, 4 MiB messages and frames,
    /// a 1 MiB stream window, a 4 MiB connection window, no keepalive.
    public init(host: String = "127.0.0.1", port: Int = 7433) {
        self.host = host
        self.port = port
        self.connectTimeout = .seconds(10)
        self.defaultMetadata = [:]
        self.compression = Compression()
        self.maxMessageSize = 4 << 20
        self.maxFrameSize = 4 << 20
        self.initialStreamWindow = 1 << 20
        self.initialConnectionWindow = 4 << 20
        self.keepalive = nil
    }

    /// The bearer token sent as `authorization: Bearer <token>` on every call; nil sends none.
    public var bearerToken: String? {
        get {
            self.defaultMetadata[CallMetadata.authorization].flatMap { value in
                value.hasPrefix("Bearer ") ? String(value.dropFirst("Bearer ".count)) : nil
            }
        }
        set { self.defaultMetadata[CallMetadata.authorization] = newValue.map(CallMetadata.bearer) }
    }

    /// When requests are deflated.
    public struct Compression: Hashable, Sendable {
        /// Whether to deflate requests when the server's SETTINGS list `deflate`; `CallOptions.compression`
        /// overrides it per call.
        public var enabled: Bool
        /// Requests smaller than this many bytes go uncompressed, since deflating them costs more than it saves.
        public var minimumSize: Int

        /// Creates the policy; by default, deflate requests of 1 KiB and more.
        public init(enabled: Bool = true, minimumSize: Int = 1024) {
            self.enabled = enabled
            self.minimumSize = minimumSize
        }
    }

    /// Keepalive PINGs: sent every `interval` while calls are open; no ACK within `timeout` closes the
    /// connection and fails its calls with UNAVAILABLE.
    public struct Keepalive: Hashable, Sendable {
        /// Time between PINGs.
        public var interval: Duration
        /// How long to wait for the ACK.
        public var timeout: Duration

        /// Creates the policy.
        public init(interval: Duration = .seconds(30), timeout: Duration = .seconds(10)) {
            self.interval = interval
            self.timeout = timeout
        }
    }
}
