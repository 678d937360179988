internal import Logging
internal import NIOCore
internal import WarrenProto

/// The server side of one connection: decodes the preface and frames, feeds the ``ConnectionStateMachine`` and
/// each call's ``StreamStateMachine``, and carries out their actions.
///
/// Everything here runs on the channel's event loop. Handler tasks reach it through ``ServerStreamTransport``,
/// which hops here with `execute`; output is coalesced into one write and one flush per read batch or per
/// burst of hops.
final class ServerConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let configuration: ServerConnectionConfiguration
    var logger: Logger
    var machine: ConnectionStateMachine
    private var decoder: NIOSingleStepByteToMessageProcessor<ServerInboundDecoder>
    var writer = FrameWriter(allocator: ByteBufferAllocator())
    /// The open calls, by stream id.
    var calls: [UInt32: ServerCall] = [:]
    /// Output waiting for connection credit.
    var sendQueue = ConnectionSendQueue()
    /// Closed streams on which a client MESSAGE may still be in flight.
    var racingStreams = RecentStreamIDs(capacity: 256)
    var context: ChannelHandlerContext?
    /// Set once a close was ordered: nothing more is read or started.
    var isClosing = false
    private var isReading = false
    private var flushScheduled = false
    var idleTimer: Scheduled<Void>?
    var keepaliveTask: RepeatedTask?
    var keepaliveOutstanding = false
    var pingCounter: UInt64 = 0
    /// The client's address as text, formatted once for every call's context.
    var remoteAddress = ""

    /// Creates the handler of one accepted connection.
    init(configuration: ServerConnectionConfiguration) {
        self.configuration = configuration
        self.logger = configuration.logger
        self.machine = ConnectionStateMachine(configuration: configuration.machine)
        self.decoder = NIOSingleStepByteToMessageProcessor(
            ServerInboundDecoder(maxFrameSize: configuration.machine.settings.maxFrameSize)
        )
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        self.writer = FrameWriter(allocator: context.channel.allocator)
        if let remote = context.channel.remoteAddress {
            self.remoteAddress = "\(remote)"
            self.logger[metadataKey: "warren.peer"] = "\(self.remoteAddress)"
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        self.startTimers(context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.tearDown()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !self.isClosing else { return }
        self.isReading = true
        do {
            try self.decoder.process(buffer: self.unwrapInboundIn(data)) { inbound in
                guard !self.isClosing else { return }
                switch inbound {
                case .preface(let preface): self.receivePreface(preface)
                case .frame(let frame): self.receiveFrame(frame)
                }
            }
        } catch let error as PrefaceError {
            self.prefaceFailed(error)
        } catch let error as FrameError {
            self.perform(self.machine.frameError(error))
        } catch {
            self.perform(self.machine.connectionError(.internalError, "\(error)"))
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        self.isReading = false
        self.flush()
        context.fireChannelReadComplete()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.logger.debug("connection error", metadata: ["warren.error": "\(error)"])
        context.close(promise: nil)
    }

    /// Cancels every call and timer once the channel is gone; every open stream counts as closed and failed.
    private func tearDown() {
        self.isClosing = true
        self.idleTimer?.cancel()
        self.keepaliveTask?.cancel()
        let calls = self.calls
        self.calls = [:]
        for call in calls.values {
            _ = call.stop()
            self.configuration.statistics.streamClosed(failed: true)
        }
    }
}

// MARK: - Output

extension ServerConnectionHandler {
    /// Encodes `frame` for the next flush; a frame our own code built wrongly closes the connection.
    func emit(_ frame: Frame) {
        do {
            try self.writer.append(frame)
        } catch {
            self.logger.error("cannot encode a frame", metadata: ["warren.error": "\(error)"])
            self.perform(self.machine.connectionError(.internalError, "cannot encode a frame: \(error)"))
        }
    }

    /// Encodes the TRAILERS ending `streamID`; a status the codec rejects becomes INTERNAL.
    func emitTrailers(streamID: UInt32, _ status: Status) {
        let frame =
            (try? Frame.trailers(streamID: streamID, status))
            ?? (try! Frame.trailers(streamID: streamID, Status(code: .internal, message: "unencodable status")))
        self.emit(frame)
    }

    /// Flushes now when outside a read batch (hops from handler tasks), coalescing a burst of hops into one flush.
    func scheduleFlush() {
        guard !self.isReading, !self.flushScheduled, let context else { return }
        self.flushScheduled = true
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        context.eventLoop.execute {
            handler.value.flushScheduled = false
            handler.value.flush()
        }
    }

    /// Writes and flushes the pending frames.
    @discardableResult
    func flush() -> EventLoopFuture<Void>? {
        guard self.writer.hasPending, let context else { return nil }
        let buffers = self.writer.take()
        for buffer in buffers.dropLast() { context.write(self.wrapOutboundOut(buffer), promise: nil) }
        let promise = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(self.wrapOutboundOut(buffers[buffers.count - 1]), promise: promise)
        return promise.futureResult
    }

    /// Writes `goAway` (if any) and closes once it has left.
    func close(goAway: GoAway?) {
        guard let context, !self.isClosing else { return }
        self.isClosing = true
        if let goAway, let frame = try? Frame.goAway(goAway) {
            self.logger.debug("GOAWAY", metadata: ["warren.goaway": "\(goAway.code) \(goAway.message)"])
            self.emit(frame)
        }
        guard let written = self.flush() else {
            context.close(promise: nil)
            return
        }
        written.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }

    /// Carries out a fatal-error action.
    func perform(_ action: ConnectionStateMachine.OnFatalError) {
        if case .closeWithGoAway(let goAway) = action { self.close(goAway: goAway) }
    }

    /// A protocol violation found by a stream machine: GOAWAY and close.
    func protocolViolation(_ code: GoAwayCode, _ reason: String) {
        self.perform(self.machine.connectionError(code, reason))
    }
}
