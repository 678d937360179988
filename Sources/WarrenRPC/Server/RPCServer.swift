public import Logging
public import NIOCore
internal import NIOPosix
internal import Synchronization

/// Serves a set of ``RPCService``s over WarrenRPC on one TCP port.
///
/// ```swift
/// let server = RPCServer(configuration: .init(port: 0), services: [health], logger: logger)
/// async let serving: Void = server.run()
/// let address = try await server.listeningAddress()
/// // …
/// server.beginGracefulShutdown()
/// try await serving
/// ```
///
/// `run()` returns once a graceful shutdown has finished: cancelling the task running it starts one.
public final class RPCServer: Sendable {
    private enum Phase {
        case idle
        case running(any Channel)
        case shuttingDown
    }

    private let configuration: RPCServerConfiguration
    private let connectionConfiguration: ServerConnectionConfiguration
    private let logger: Logger
    private let group: any EventLoopGroup
    private let phase = Mutex(Phase.idle)
    private let address = ListeningAddress()
    private let registry: ConnectionRegistry
    private let recorder: ServerStatisticsRecorder

    /// Creates a server for `services` on the shared NIO event loops.
    ///
    /// - Precondition: no method is registered twice.
    public init(configuration: RPCServerConfiguration, services: [any RPCService], logger: Logger) {
        let recorder = ServerStatisticsRecorder()
        self.configuration = configuration
        self.logger = logger
        self.group = MultiThreadedEventLoopGroup.singleton
        self.recorder = recorder
        self.registry = ConnectionRegistry(limit: configuration.maxConnections, statistics: recorder)
        self.connectionConfiguration = ServerConnectionConfiguration(
            machine: configuration.connectionMachine,
            router: MethodRouter(services: services),
            tokenCheck: configuration.bearerToken.map(BearerTokenCheck.init(token:)),
            compressionEnabled: configuration.compressionEnabled,
            idleTimeout: configuration.idleTimeout.map(TimeAmount.init),
            keepaliveInterval: configuration.keepaliveInterval.map(TimeAmount.init),
            statistics: recorder,
            logger: logger
        )
    }

    /// The server's counters now.
    public var statistics: RPCServerStatistics { self.recorder.snapshot }

    /// The bound address, once ``run()`` has bound it; throws if binding failed or the server stopped first.
    public func listeningAddress() async throws -> SocketAddress {
        try await self.address.get()
    }

    /// Binds and serves until a graceful shutdown completes; cancellation starts one.
    public func run() async throws {
        let channel: any Channel
        do {
            channel = try await self.bind()
        } catch {
            self.address.settle(.failure(error))
            throw error
        }
        let started = self.phase.withLock { phase in
            guard case .idle = phase else { return false }
            phase = .running(channel)
            return true
        }
        guard started else {
            try? await channel.close()
            self.address.settle(.failure(CancellationError()))
            return
        }
        if let local = channel.localAddress { self.address.settle(.success(local)) }
        self.logger.info("serving", metadata: ["warren.address": "\(channel.localAddress.map { "\($0)" } ?? "?")"])
        await withTaskCancellationHandler {
            try? await channel.closeFuture.get()
            await self.registry.waitUntilEmpty()
        } onCancel: {
            self.beginGracefulShutdown()
        }
        self.logger.info("stopped")
    }

    /// Stops accepting connections, sends GOAWAY SHUTDOWN on each, lets open calls finish within the grace
    /// period, then cancels the rest and closes; ``run()`` returns when the last connection has closed.
    public func beginGracefulShutdown() {
        self.recorder.drainingStarted()
        let previous = self.phase.withLock { phase in
            defer { phase = .shuttingDown }
            return phase
        }
        switch previous {
        case .idle:
            self.address.settle(.failure(CancellationError()))
        case .running(let channel):
            channel.close(promise: nil)
            self.registry.beginGracefulShutdown()
            let registry = self.registry
            self.group.next().scheduleTask(in: TimeAmount(self.configuration.shutdownGracePeriod)) {
                registry.closeAll()
            }
        case .shuttingDown:
            break
        }
    }

    /// Binds the listening socket; each accepted connection gets its handler or, over the limit, a rejection.
    private func bind() async throws -> any Channel {
        let configuration = self.connectionConfiguration
        let registry = self.registry
        return try await ServerBootstrap(group: self.group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handler = ServerConnectionHandler(configuration: configuration)
                    switch registry.register(channel, handler: handler) {
                    case .accepted:
                        try channel.pipeline.syncOperations.addHandler(handler)
                    case .overLimit(let limit):
                        let reason = "too many connections (the server's limit is \(limit))"
                        try channel.pipeline.syncOperations.addHandler(ConnectionRejectionHandler(reason: reason))
                    case .shuttingDown:
                        channel.close(promise: nil)
                    }
                }
            }
            .bind(host: self.configuration.host, port: self.configuration.port)
            .get()
    }
}
