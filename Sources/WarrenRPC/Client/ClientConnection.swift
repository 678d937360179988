internal import NIOCore
internal import NIOPosix

/// One multiplexed connection of an ``RPCClient``: the thread-safe face of a ``ClientConnectionHandler``, whose
/// every operation hops onto the connection's event loop once.
final class ClientConnection: Sendable {
    let eventLoop: any EventLoop
    let signals: ClientConnectionSignals
    private let handler: NIOLoopBoundBox<ClientConnectionHandler>

    private init(eventLoop: any EventLoop, configuration: RPCClientConfiguration) {
        self.eventLoop = eventLoop
        self.signals = ClientConnectionSignals(eventLoop: eventLoop)
        self.handler = NIOLoopBoundBox.makeBoxSendingValue(
            ClientConnectionHandler(configuration: configuration, signals: self.signals),
            eventLoop: eventLoop
        )
    }

    /// Starts connecting to the configured server; calls wait for ``peerSettings()``.
    static func connect(_ configuration: RPCClientConfiguration, on eventLoop: any EventLoop) -> ClientConnection {
        let connection = ClientConnection(eventLoop: eventLoop, configuration: configuration)
        let handler = connection.handler
        let maxFrameSize = UInt32(configuration.maxFrameSize)
        ClientBootstrap(group: connection.eventLoop)
            .connectTimeout(TimeAmount(configuration.connectTimeout))
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers(
                        ByteToMessageHandler(FrameDecoder(maxFrameSize: maxFrameSize)),
                        handler.value
                    )
                }
            }
            .connect(host: configuration.host, port: configuration.port)
            .whenFailure { error in handler.value.connectFailed(error) }
        return connection
    }

    /// Whether new calls may start here.
    var isAcceptingCalls: Bool { self.signals.isAcceptingCalls }

    /// The server's settings, once it sent them.
    func peerSettings() async throws(RPCError) -> ClientConnectionStateMachine.PeerSettings {
        try await self.signals.peerSettings()
    }

    /// Opens a stream for a call, waiting for a free slot if the server's limit is reached.
    func start(_ request: ClientCallRequest) async -> ClientCallStart {
        await withCheckedContinuation { continuation in
            self.onLoop { $0.startCall(request, completion: continuation) }
        }
    }

    /// Sends a request MESSAGE (a bare half-close when `payload` is nil) once the windows allow; returns the
    /// call's error if it already failed.
    func send(streamID: UInt32, inbox: ClientCallInbox, payload: ByteBuffer?, compressed: Bool) async -> RPCError? {
        await withCheckedContinuation { continuation in
            let send = ClientConnectionHandler.PendingSend(
                payload: payload,
                compressed: compressed,
                endStream: payload == nil,
                completion: continuation
            )
            self.onLoop { $0.send(streamID: streamID, inbox: inbox, send) }
        }
    }

    /// The application read a response of `size` bytes.
    func consumed(streamID: UInt32, size: Int) {
        self.onLoop { $0.consumed(streamID: streamID, size: size) }
    }

    /// Cancels a call (sending CANCEL if it is open) and fails it with `error`.
    func cancel(_ inbox: ClientCallInbox, _ error: RPCError) {
        self.onLoop { $0.cancelCall(inbox, error) }
    }

    /// Stops taking calls and closes once the open ones have ended.
    func close() async {
        self.onLoop { $0.beginClose() }
        try? await self.signals.closeFuture.get()
    }

    private func onLoop(_ body: @escaping @Sendable (ClientConnectionHandler) -> Void) {
        let handler = self.handler
        if self.eventLoop.inEventLoop {
            body(handler.value)
        } else {
            self.eventLoop.execute { body(handler.value) }
        }
    }
}
