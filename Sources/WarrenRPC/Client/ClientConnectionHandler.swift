internal import NIOCore
internal import WarrenProto

/// The channel handler of one client connection: it carries out what ``ClientConnectionStateMachine`` and each
/// call's ``ClientStreamStateMachine`` decide, and bridges calls to their ``ClientCallInbox`` (STYLE §7).
///
/// Everything here runs on the channel's event loop. Frames are encoded into one outbound buffer that is
/// written and flushed once per read burst or once per event-loop tick, so concurrent calls share syscalls.
final class ClientConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = Frame
    typealias OutboundOut = ByteBuffer

    /// One open call.
    struct StreamEntry {
        var machine: ClientStreamStateMachine
        let inbox: ClientCallInbox
        var pendingSends = CircularBuffer<PendingSend>()
        var deadline: Scheduled<Void>?
    }

    /// A request MESSAGE (or, with a nil payload, a bare half-close) waiting for send credit.
    struct PendingSend {
        var payload: ByteBuffer?
        var compressed: Bool
        var endStream: Bool
        var completion: CheckedContinuation<RPCError?, Never>?
    }

    /// A call waiting for the server's SETTINGS or a free stream slot.
    struct PendingOpen {
        var request: ClientCallRequest
        var completion: CheckedContinuation<ClientCallStart, Never>
    }

    let configuration: RPCClientConfiguration
    let signals: ClientConnectionSignals
    /// `host:port`, for error messages.
    let target: String
    let ourSettings: Settings
    var machine: ClientConnectionStateMachine
    var streams: [UInt32: StreamEntry] = [:]
    var waitingOpens = CircularBuffer<PendingOpen>()
    /// Streams with requests waiting for credit, in the order they blocked.
    var blockedStreams: [UInt32] = []
    var context: ChannelHandlerContext?
    private var encoder = FrameEncoder()
    private var outbound = ByteBuffer()
    private var flushScheduled = false
    private var reading = false
    private var started = false
    private var settingsTimeout: Scheduled<Void>?
    var keepalive: ClientKeepalive?

    init(configuration: RPCClientConfiguration, signals: ClientConnectionSignals) {
        self.configuration = configuration
        self.signals = signals
        self.target = "\(configuration.host):\(configuration.port)"
        self.ourSettings = Settings(
            maxFrameSize: UInt32(configuration.maxFrameSize),
            initialStreamWindow: UInt32(configuration.initialStreamWindow),
            initialConnectionWindow: UInt32(configuration.initialConnectionWindow),
            maxMessageSize: UInt32(clamping: configuration.maxMessageSize),
            protocolVersion: UInt32(Preface.currentVersion),
            supportedEncodings: ["identity", MessageCompression.encodingName]
        )
        self.machine = ClientConnectionStateMachine(
            ours: self.ourSettings,
            maxMessageSize: configuration.maxMessageSize
        )
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if context.channel.isActive { self.start(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        self.start(context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.failConnection(RPCError(.unavailable, "the connection to \(self.target) closed"))
        self.signals.didClose()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? FrameError {
            self.protocolViolation(error.goAwayCode, error.description)
        } else {
            self.failConnection(RPCError(.unavailable, "the connection to \(self.target) failed: \(error)"))
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.reading = true
        self.receive(self.unwrapInboundIn(data))
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        self.reading = false
        self.flushNow()
        context.fireChannelReadComplete()
    }

    /// Writes the preface and our SETTINGS, and bounds the wait for the server's SETTINGS.
    private func start(context: ChannelHandlerContext) {
        guard !self.started else { return }
        self.started = true
        self.outbound = context.channel.allocator.buffer(capacity: 256)
        Preface().write(into: &self.outbound)
        self.write(try! Frame.settings(self.ourSettings))  // our settings hold no strings that can fail
        self.flushNow()
        let timeout = TimeAmount(self.configuration.connectTimeout)
        self.settingsTimeout = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            self.failConnection(
                RPCError(.unavailable, "cannot connect to \(self.target): no SETTINGS within \(timeout)")
            )
        }
        self.keepalive = self.configuration.keepalive.map { ClientKeepalive(configuration: $0) }
        self.scheduleKeepaliveTick()
    }

    /// The connection attempt failed before the channel became active.
    func connectFailed(_ error: any Error) {
        self.signals.stopAccepting(RPCError(.unavailable, "cannot connect to \(self.target): \(error)"))
        self.signals.didClose()
    }
}

// MARK: - Writing

extension ClientConnectionHandler {
    /// Appends a frame to the outbound buffer and makes sure it is flushed soon.
    func write(_ frame: Frame) {
        do {
            try self.encoder.write(frame, into: &self.outbound)
        } catch {
            preconditionFailure("the client built an invalid \(frame.type) frame: \(error)")
        }
        self.scheduleFlush()
    }

    /// Flushes at the end of the read burst, or after the tasks already queued on the event loop, so frames
    /// written for many calls in one tick share one write.
    private func scheduleFlush() {
        guard !self.reading, !self.flushScheduled, let context = self.context else { return }
        self.flushScheduled = true
        context.eventLoop.assumeIsolated().execute { self.flushNow() }
    }

    /// Writes and flushes the outbound buffer.
    func flushNow() {
        self.flushScheduled = false
        guard self.outbound.readableBytes > 0, let context = self.context else { return }
        let bytes = self.outbound
        self.outbound = context.channel.allocator.buffer(capacity: 256)
        context.writeAndFlush(self.wrapOutboundOut(bytes), promise: nil)
    }

    /// The server's SETTINGS arrived: ACK them, adopt its frame size, and let waiting calls open.
    func settingsApplied() {
        self.settingsTimeout?.cancel()
        self.settingsTimeout = nil
        self.encoder.maxFrameSize = UInt32(self.machine.peer.maxFrameSize)
        self.write(Frame.settingsAck())
        self.signals.becameReady(self.machine.peer)
        self.admitWaitingOpens()
    }
}

// MARK: - Failure

extension ClientConnectionHandler {
    /// The server broke the protocol: GOAWAY with `code`, close, and fail every call with INTERNAL.
    func protocolViolation(_ code: GoAwayCode, _ reason: String) {
        // A reason holding U+0000 cannot be encoded; the close alone must then do.
        if let goAway = try? Frame.goAway(GoAway(lastStreamID: 0, code: code, message: reason)) {
            self.write(goAway)
        }
        self.failConnection(RPCError(.internal, "protocol error from the server at \(self.target): \(reason)"))
    }

    /// Closes the connection and fails every call on it, and every call waiting for it, with `error`.
    func failConnection(_ error: RPCError) {
        self.machine.close()
        self.signals.stopAccepting(error)
        self.settingsTimeout?.cancel()
        self.stopKeepalive()
        let streams = self.streams
        self.streams = [:]
        self.blockedStreams = []
        for entry in streams.values {
            self.end(entry, with: .failure(error))
        }
        while let open = self.waitingOpens.popFirst() {
            open.completion.resume(returning: .refused(error))
        }
        self.flushNow()
        self.context?.close(promise: nil)
    }

    /// Ends a call that has left the stream table: its reader sees `outcome`, its waiting sends fail.
    func end(_ entry: StreamEntry, with outcome: Result<Void, RPCError>) {
        entry.deadline?.cancel()
        entry.inbox.finish(outcome)
        let sendError: RPCError? =
            switch outcome {
            case .success: nil
            case .failure(let error): error
            }
        for send in entry.pendingSends {
            send.completion?.resume(returning: sendError)
        }
    }
}
