internal import NIOCore
internal import WarrenProto

// The frames of one call from the client: HEADERS, MESSAGE, CANCEL and WINDOW_UPDATE, and starting the handler.
extension ServerConnectionHandler {
    /// The longest `timeout_ms` honoured (about 35 years); a larger one would overflow the timer.
    private static let maxTimeoutMilliseconds: UInt64 = 1 << 40

    func receiveHeaders(_ frame: Frame) {
        if let call = self.calls[frame.streamID] {
            if case .protocolViolation(let code, let reason) = call.machine.receiveHeaders(endStream: frame.isEndStream)
            {
                self.protocolViolation(code, reason)
            }
            return
        }
        let headers: CallHeaders
        do {
            headers = try frame.decodeCallHeaders()
        } catch {
            return self.perform(self.machine.frameError(error))
        }
        switch self.machine.receiveHeaders(streamID: frame.streamID) {
        case .openStream(let configuration):
            self.openCall(streamID: frame.streamID, configuration, headers, endStream: frame.isEndStream)
        case .refuseStream(let status):
            self.emitTrailers(streamID: frame.streamID, status)
            if !frame.isEndStream { self.racingStreams.insert(frame.streamID) }
            self.configuration.statistics.callRefused()
        case .closeWithGoAway(let goAway):
            self.close(goAway: goAway)
        case .drop:
            break
        }
    }

    func receiveMessage(_ frame: Frame) {
        let size = frame.payload.readableBytes
        switch self.machine.receiveMessage(size: size) {
        case .accept: break
        case .closeWithGoAway(let goAway): return self.close(goAway: goAway)
        case .drop: return
        }
        guard let call = self.calls[frame.streamID] else {
            self.releaseConnectionCredit(size)
            return self.frameOnClosedStream(frame, racingAllowed: self.racingStreams.contains(frame.streamID))
        }
        let action = call.machine.receiveMessage(
            size: size,
            endStream: frame.isEndStream,
            compressed: frame.isCompressed
        )
        switch action {
        case .deliver(let compressed, let endOfInput):
            call.clientEnded = endOfInput
            guard !compressed || call.usesDeflate else {
                self.releaseConnectionCredit(size)
                return self.failCall(
                    call,
                    Status(code: .invalidArgument, message: "COMPRESSED message without deflate")
                )
            }
            call.inbox.push(CallInbox.Message(payload: frame.payload, compressed: compressed), endOfInput: endOfInput)
        case .endOfInput:
            call.clientEnded = true
            call.inbox.endInput()
        case .failCall(let status):
            call.clientEnded = frame.isEndStream
            self.releaseConnectionCredit(size)
            self.abortCall(call, trailers: status)
        case .protocolViolation(let code, let reason):
            self.protocolViolation(code, reason)
        case .drop:
            self.releaseConnectionCredit(size)
        }
    }

    func receiveCancel(streamID: UInt32) {
        guard let call = self.calls[streamID] else {
            return self.frameOnClosedStream(Frame.cancel(streamID: streamID), racingAllowed: true)
        }
        switch call.machine.receiveCancel() {
        case .cancelWork:
            call.clientEnded = true
            self.abortCall(call, trailers: nil)
        case .protocolViolation(let code, let reason):
            self.protocolViolation(code, reason)
        case .drop:
            break
        }
    }

    func receiveStreamWindowUpdate(streamID: UInt32, increment: UInt32) {
        guard let call = self.calls[streamID] else {
            return self.frameOnClosedStream(Frame.windowUpdate(streamID: streamID, increment: 1), racingAllowed: true)
        }
        switch call.machine.receiveWindowUpdate(increment: increment) {
        case .flush(let flush):
            for message in flush.messages { self.transmit(message, of: call) }
            if let trailers = flush.trailers { self.sendTrailers(trailers, of: call) }
        case .protocolViolation(let code, let reason):
            self.protocolViolation(code, reason)
        case .none, .drop:
            break
        }
    }

    /// The handler consumed requests: return their credit to the connection and, while the client may still
    /// send, to the stream (D26).
    func requestsConsumed(streamID: UInt32, inbox: CallInbox) {
        self.releaseConnectionCredit(inbox.collectConsumed(), streamID: streamID)
        self.scheduleFlush()
    }

    /// Returns `size` received bytes to the connection window (and the stream's, if it is still open).
    func releaseConnectionCredit(_ size: Int, streamID: UInt32? = nil) {
        guard size > 0 else { return }
        if case .sendWindowUpdate(let increment) = self.machine.messageConsumed(size: size) {
            self.emit(Frame.windowUpdate(streamID: Frame.connectionStreamID, increment: increment))
        }
        if let streamID, let call = self.calls[streamID],
            case .sendWindowUpdate(let increment) = call.machine.messageConsumed(size: size)
        {
            self.emit(Frame.windowUpdate(streamID: streamID, increment: increment))
        }
    }

    /// A frame for a stream with no call: on a stream never opened it is a protocol error; on a closed one it
    /// is dropped when it may have raced with our close, and a protocol error otherwise.
    private func frameOnClosedStream(_ frame: Frame, racingAllowed: Bool) {
        if frame.streamID > self.machine.highestStreamID {
            self.protocolViolation(.protocolError, "\(frame.type) on stream \(frame.streamID), which was never opened")
        } else if !racingAllowed {
            self.protocolViolation(.protocolError, "\(frame.type) on closed stream \(frame.streamID)")
        }
    }

    /// Creates the call of an accepted stream and starts its handler, or fails it at once.
    private func openCall(
        streamID: UInt32,
        _ configuration: StreamStateMachine.Configuration,
        _ headers: CallHeaders,
        endStream: Bool
    ) {
        var machine = StreamStateMachine(configuration: configuration)
        _ = machine.receiveHeaders(endStream: endStream)  // .startCall: the machine is new
        let deflate = headers.messageEncoding == MessageCompression.encodingName
        let call = ServerCall(streamID: streamID, machine: machine, usesDeflate: deflate)
        call.clientEnded = endStream
        self.calls[streamID] = call
        self.idleTimer?.cancel()
        self.configuration.statistics.streamOpened()
        if endStream { call.inbox.endInput() }
        switch self.admit(headers) {
        case .success(let handler): self.start(call, handler, headers, maxMessageSize: configuration.maxMessageSize)
        case .failure(let error): self.failCall(call, error.status)
        }
    }

    /// Authenticates the call, then finds its method and checks its encoding.
    private func admit(_ headers: CallHeaders) -> Result<RPCMethodHandler, RPCError> {
        if let error = self.configuration.tokenCheck?.verify(headers.metadata) { return .failure(error) }
        switch headers.messageEncoding {
        case "", "identity": break
        case MessageCompression.encodingName where self.configuration.compressionEnabled: break
        default: return .failure(RPCError(.unimplemented, "message encoding \(headers.messageEncoding) not supported"))
        }
        return self.configuration.router.handler(forPath: headers.method)
    }

    /// Runs the handler in a task of its own, with the call's deadline timer.
    private func start(_ call: ServerCall, _ handler: RPCMethodHandler, _ headers: CallHeaders, maxMessageSize: Int) {
        guard let context else { return }
        let connection = NIOLoopBound(self, eventLoop: context.eventLoop)
        let timeout = min(headers.timeoutMs, Self.maxTimeoutMilliseconds)
        let deadline = timeout > 0 ? ContinuousClock.now + .milliseconds(timeout) : nil
        let callContext = ServerCallContext(
            method: handler.descriptor,
            metadata: headers.metadata,
            deadline: deadline,
            remoteAddress: self.remoteAddress
        )
        let transport = ServerStreamTransport(
            context: callContext,
            call: call,
            connection: connection,
            maxMessageSize: maxMessageSize
        )
        if timeout > 0 {
            let streamID = call.streamID
            call.deadlineTimer = context.eventLoop.scheduleTask(in: .milliseconds(Int64(timeout))) {
                connection.value.deadlineExpired(streamID: streamID)
            }
        }
        // A bare Task, not a child of the connection: the event loop must cancel it on CANCEL, deadline or
        // connection loss, which needs its handle.
        let serve = handler.serve
        call.task = Task {
            let result: Result<Void, any Error>
            do {
                try await serve(transport)
                result = .success(())
            } catch {
                result = .failure(error)
            }
            transport.finish(CallOutcome.status(of: result, deadline: deadline))
        }
    }
}
