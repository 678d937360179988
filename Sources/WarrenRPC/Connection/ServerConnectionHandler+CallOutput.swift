internal import NIOCore
internal import WarrenProto

// What handler tasks send, the connection send window on top of the streams', and the end of a call.
extension ServerConnectionHandler {
    /// One response message from a handler: response HEADERS first (once), then the message; `writer` resumes
    /// when the message has been written, or fails when the call is over. A last message (`.endsCall`) has the
    /// OK trailers queued right behind it, or ends the call with its failure's status.
    func sendResponse(_ message: StreamStateMachine.OutboundMessage, streamID: UInt32, writer: ServerCall.Writer) {
        defer { self.scheduleFlush() }
        switch self.queueResponse(message, streamID: streamID, writer: writer) {
        case .success:
            if case .endsCall = writer { self.finishCall(streamID: streamID, status: Status(code: .ok)) }
        case .failure(let error):
            switch writer {
            case .pipelined: writer.resume(returning: .failure(error))
            case .endsCall: self.finishCall(streamID: streamID, status: error.status)
            }
        }
    }

    /// Hands a response message to the call's machine and writes it if it may go; a success enqueues `writer`.
    private func queueResponse(
        _ message: StreamStateMachine.OutboundMessage,
        streamID: UInt32,
        writer: ServerCall.Writer
    ) -> Result<Void, RPCError> {
        guard let call = self.calls[streamID] else { return .failure(RPCError(.cancelled, "the call is over")) }
        let size = message.payload.readableBytes
        guard size <= Int(self.writer.encoder.maxFrameSize) else {
            let reason =
                "response of \(size) bytes exceeds the client's maximum frame size \(self.writer.encoder.maxFrameSize)"
            return .failure(RPCError(.resourceExhausted, reason))
        }
        do {
            if !call.responseHeadersSent {
                guard try call.machine.sendHeaders() == .send else {
                    return .failure(RPCError(.cancelled, "the call is over"))
                }
                call.responseHeadersSent = true
                let encoding = call.usesDeflate ? MessageCompression.encodingName : "identity"
                self.emit(try Frame.headers(streamID: streamID, ResponseHeaders(messageEncoding: encoding)))
            }
            switch try call.machine.sendMessage(message) {
            case .send(let message):
                call.enqueueWriter(writer)
                self.transmit(message, of: call)
            case .wait:
                call.enqueueWriter(writer)
            case .drop:
                return .failure(RPCError(.cancelled, "the call is over"))
            }
            return .success(())
        } catch {
            return .failure(RPCError(.internal, "\(error)"))
        }
    }

    /// The handler finished with `status`: trailers after its queued messages.
    func finishCall(streamID: UInt32, status: Status) {
        guard let call = self.calls[streamID] else { return }
        defer { self.scheduleFlush() }
        do {
            if case .send(let status) = try call.machine.sendTrailers(status) { self.sendTrailers(status, of: call) }
        } catch {
            self.failCall(call, Status(code: .internal, message: "\(error)"))
        }
    }

    /// The call's `timeout_ms` ran out: DEADLINE_EXCEEDED now, and the handler is cancelled.
    func deadlineExpired(streamID: UInt32) {
        guard let call = self.calls[streamID] else { return }
        call.deadlineTimer = nil
        if case .failCall(let status) = (try? call.machine.deadlineExpired()) ?? .drop {
            self.abortCall(call, trailers: status)
            self.scheduleFlush()
        }
    }

    /// Fails the call with `status` through its machine (an error found above it).
    func failCall(_ call: ServerCall, _ status: Status) {
        if case .failCall(let status) = call.machine.fail(with: status) { self.abortCall(call, trailers: status) }
    }

    /// Ends a call its machine already failed or saw cancelled: its queued output is dropped, then the
    /// trailers (if any) go at once.
    func abortCall(_ call: ServerCall, trailers: Status?) {
        if call.connectionQueued > 0 {
            self.sendQueue.removeAll(streamID: call.streamID)
            call.connectionQueued = 0
        }
        if let trailers { self.emitTrailers(streamID: call.streamID, trailers) }
        self.endCall(call, failed: true)
    }

    /// Writes a released message if the connection window allows, else queues it behind the others.
    func transmit(_ message: StreamStateMachine.OutboundMessage, of call: ServerCall) {
        let size = message.payload.readableBytes
        guard self.sendQueue.isEmpty, self.machine.canSend(size: size) else {
            self.sendQueue.append(streamID: call.streamID, .message(message))
            call.connectionQueued += 1
            return
        }
        self.write(message, of: call)
    }

    /// Writes trailers the stream machine released, behind this call's messages still waiting for the connection.
    func sendTrailers(_ status: Status, of call: ServerCall) {
        guard call.connectionQueued == 0 else {
            self.sendQueue.append(streamID: call.streamID, .trailers(status))
            call.connectionQueued += 1
            return
        }
        self.emitTrailers(streamID: call.streamID, status)
        self.endCall(call, failed: status.code != .ok)
    }

    /// New connection credit: writes the queued frames it covers, in order.
    func drainSendQueue() {
        defer { self.scheduleFlush() }
        while let (streamID, item) = self.sendQueue.first {
            guard let call = self.calls[streamID] else {
                self.sendQueue.removeFirst()
                continue
            }
            switch item {
            case .message(let message):
                guard self.machine.canSend(size: message.payload.readableBytes) else { return }
                self.sendQueue.removeFirst()
                call.connectionQueued -= 1
                self.write(message, of: call)
            case .trailers(let status):
                self.sendQueue.removeFirst()
                call.connectionQueued -= 1
                self.sendTrailers(status, of: call)
            }
        }
    }

    /// Charges a message to the connection window, writes it and lets its writer go on.
    private func write(_ message: StreamStateMachine.OutboundMessage, of call: ServerCall) {
        try? self.machine.messageSent(size: message.payload.readableBytes)  // cannot throw: canSend checked
        self.emit(Frame.message(streamID: call.streamID, payload: message.payload, compressed: message.compressed))
        call.messageLeft()
    }

    /// Forgets a call whose stream is over: stops its work, returns its unread credit, and may end a drain.
    func endCall(_ call: ServerCall, failed: Bool) {
        self.calls[call.streamID] = nil
        self.releaseConnectionCredit(call.stop())
        if !call.clientEnded { self.racingStreams.insert(call.streamID) }
        self.configuration.statistics.streamClosed(failed: failed)
        if case .close = (try? self.machine.streamClosed()) ?? .none {
            return self.close(goAway: nil)
        }
        if self.calls.isEmpty { self.startIdleTimer() }
    }
}
