internal import Logging
internal import NIOCore

/// What every connection of one server shares: limits, timers, the method table, auth and statistics.
struct ServerConnectionConfiguration: Sendable {
    /// The settings announced and enforced, and the PING policy.
    var machine: ConnectionStateMachine.Configuration
    /// The registered methods.
    var router: MethodRouter
    /// The bearer-token check, when the server requires one.
    var tokenCheck: BearerTokenCheck?
    /// Whether `deflate` is offered and used.
    var compressionEnabled: Bool
    /// How long a connection may stay without open streams before GOAWAY NO_ERROR; nil for ever.
    var idleTimeout: TimeAmount?
    /// How often the server PINGs the client; nil for never.
    var keepaliveInterval: TimeAmount?
    /// The counters behind ``RPCServerStatistics``.
    var statistics: ServerStatisticsRecorder
    /// The server's logger.
    var logger: Logger
}
