internal import NIOCore
internal import WarrenProto

/// What a caller asks of the event loop to start a call.
struct ClientCallRequest: Sendable {
    /// The HEADERS payload.
    var headers: CallHeaders
    /// The one request of a unary or server-streaming call, sent with END_STREAM right after the HEADERS.
    var message: ByteBuffer?
    /// Whether `message` is deflated.
    var compressed: Bool
    /// When the call fails with DEADLINE_EXCEEDED, if ever.
    var deadline: NIODeadline?
    /// Where the responses go.
    var inbox: ClientCallInbox
}

/// How starting a call went.
enum ClientCallStart: Sendable {
    /// HEADERS went out on this stream.
    case opened(streamID: UInt32)
    /// This connection took no new stream and nothing was sent: another connection may be tried.
    case refused(RPCError)
    /// The call failed before it opened (cancelled, deadline passed).
    case failed(RPCError)
}

extension ClientConnectionHandler {
    /// Opens a stream for the call, or keeps it waiting for SETTINGS or a free slot.
    func startCall(_ request: ClientCallRequest, completion: CheckedContinuation<ClientCallStart, Never>) {
        guard self.waitingOpens.isEmpty else {
            self.waitingOpens.append(PendingOpen(request: request, completion: completion))
            return
        }
        self.admit(PendingOpen(request: request, completion: completion))
    }

    /// Tries to open `open`'s stream; returns false when it must keep waiting.
    @discardableResult
    private func admit(_ open: PendingOpen) -> Bool {
        let request = open.request
        if let error = request.inbox.cancelRequest ?? self.deadlinePassed(request.deadline) {
            open.completion.resume(returning: .failed(error))
            return true
        }
        switch self.machine.openStream() {
        case .wait:
            self.waitingOpens.append(open)
            return false
        case .refuse(let error):
            open.completion.resume(returning: .refused(error))
        case .open(let streamID, let configuration):
            guard let headers = try? Frame.headers(streamID: streamID, request.headers) else {
                self.machine.streamClosedBeforeSending()
                open.completion.resume(returning: .failed(RPCError(.internal, "call metadata holds U+0000")))
                return true
            }
            self.write(headers)
            var entry = StreamEntry(
                machine: ClientStreamStateMachine(configuration: configuration),
                inbox: request.inbox
            )
            entry.deadline = request.deadline.flatMap { self.scheduleDeadline($0, for: request.inbox) }
            if let message = request.message {
                entry.pendingSends.append(
                    PendingSend(payload: message, compressed: request.compressed, endStream: true, completion: nil)
                )
            }
            self.streams[streamID] = entry
            open.completion.resume(returning: .opened(streamID: streamID))
            self.drainSends(streamID)
        }
        return true
    }

    /// Opens streams for waiting calls while the server allows.
    func admitWaitingOpens() {
        while let open = self.waitingOpens.popFirst() {
            guard self.admit(open) else {
                // `admit` queued it again at the back; restore FIFO order.
                self.waitingOpens.prepend(self.waitingOpens.removeLast())
                return
            }
        }
    }

    private func deadlinePassed(_ deadline: NIODeadline?) -> RPCError? {
        guard let deadline, deadline <= .now() else { return nil }
        return RPCError(.deadlineExceeded, "the deadline passed before the call could start")
    }

    private func scheduleDeadline(_ deadline: NIODeadline, for inbox: ClientCallInbox) -> Scheduled<Void>? {
        self.context?.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
            self.cancelCall(inbox, RPCError(.deadlineExceeded, "the call's deadline passed"))
        }
    }
}

// MARK: - Requests

extension ClientConnectionHandler {
    /// Queues a request MESSAGE (or with a nil payload a bare half-close) behind the call's earlier ones.
    func send(
        streamID: UInt32,
        inbox: ClientCallInbox,
        _ send: PendingSend
    ) {
        guard self.streams[streamID] != nil else {
            send.completion?.resume(returning: Self.sendError(after: inbox.outcome))
            return
        }
        self.streams[streamID]!.pendingSends.append(send)
        self.drainSends(streamID)
    }

    /// Writes the call's waiting requests while both windows allow.
    func drainSends(_ streamID: UInt32) {
        while let send = self.streams[streamID]?.pendingSends.first {
            let size = send.payload?.readableBytes ?? 0
            guard self.machine.canSend(size) else {
                self.markBlocked(streamID)
                return
            }
            let action: ClientStreamStateMachine.OnSendMessage
            do {
                action =
                    try send.payload == nil
                    ? self.streams[streamID]!.machine.endRequests()
                    : self.streams[streamID]!.machine.sendMessage(size: size, endStream: send.endStream)
            } catch {
                // A second finish is harmless (clientStreaming finishes for the caller); a message is a misuse.
                self.streams[streamID]!.pendingSends.removeFirst()
                let misuse = RPCError(.internal, "request written after the request stream was finished")
                send.completion?.resume(returning: send.payload == nil ? nil : misuse)
                continue
            }
            switch action {
            case .wait:
                self.markBlocked(streamID)
                return
            case .drop, .send:
                self.streams[streamID]!.pendingSends.removeFirst()
                if case .send = action { self.writeRequest(send, streamID: streamID) }
                send.completion?.resume(returning: nil)
            }
        }
    }

    private func writeRequest(_ send: PendingSend, streamID: UInt32) {
        guard let payload = send.payload else {
            // A zlib stream is never empty, so an empty COMPRESSED message cannot be a message: it is a bare
            // half-close (docs/DECISIONS.md D37).
            self.write(Frame.message(streamID: streamID, payload: ByteBuffer(), compressed: true, endStream: true))
            return
        }
        self.machine.messageSent(size: payload.readableBytes)
        self.write(
            Frame.message(streamID: streamID, payload: payload, compressed: send.compressed, endStream: send.endStream)
        )
    }

    private func markBlocked(_ streamID: UInt32) {
        if !self.blockedStreams.contains(streamID) { self.blockedStreams.append(streamID) }
    }

    /// Connection credit arrived: blocked calls try again, in the order they blocked.
    func resumeBlockedStreams() {
        let blocked = self.blockedStreams
        self.blockedStreams = []
        for streamID in blocked { self.drainSends(streamID) }
    }

    private static func sendError(after outcome: Result<Void, RPCError>?) -> RPCError? {
        if case .failure(let error) = outcome { return error }
        return nil
    }
}

// MARK: - Responses, cancellation, closing

extension ClientConnectionHandler {
    /// The application read a response of `size` bytes: return its credit, stream and connection.
    func consumed(streamID: UInt32, size: Int) {
        if let increment = self.streams[streamID]?.machine.messageConsumed(size: size) {
            self.write(Frame.windowUpdate(streamID: streamID, increment: increment))
        }
        self.releaseConnectionCredit(size)
    }

    /// Received bytes left the connection: grant them back once the policy says so.
    func releaseConnectionCredit(_ size: Int) {
        guard size > 0, let increment = self.machine.messageConsumed(size: size) else { return }
        self.write(Frame.windowUpdate(streamID: Frame.connectionStreamID, increment: increment))
    }

    /// The calling task cancelled, the deadline passed, or the caller stopped reading: CANCEL the call if it
    /// is still open, fail it with `error`, and give back the credit of responses nobody will read.
    func cancelCall(_ inbox: ClientCallInbox, _ error: RPCError) {
        if let index = self.waitingOpens.firstIndex(where: { $0.request.inbox === inbox }) {
            self.waitingOpens.remove(at: index).completion.resume(returning: .failed(error))
            return
        }
        if let streamID = self.streams.first(where: { $0.value.inbox === inbox })?.key {
            let sendCancel = self.streams[streamID]!.machine.cancel(error.code) == .sendCancel
            self.closeStream(streamID, with: .failure(error), sendCancel: sendCancel)
        } else {
            inbox.finish(.failure(error))
            self.releaseConnectionCredit(inbox.discardMessages())
        }
    }

    /// Removes a call from the table, ends it with `outcome` and, when `sendCancel`, tells the server.
    func closeStream(_ streamID: UInt32, with outcome: Result<Void, RPCError>, sendCancel: Bool) {
        guard let entry = self.streams.removeValue(forKey: streamID) else { return }
        if sendCancel { self.write(Frame.cancel(streamID: streamID)) }
        self.end(entry, with: outcome)
        if case .failure = outcome { self.releaseConnectionCredit(entry.inbox.discardMessages()) }
        if self.machine.streamClosed() {
            self.closeGracefully()
        } else {
            self.admitWaitingOpens()
        }
    }

    /// Our `close()`: no new calls; the connection closes once the open ones end.
    func beginClose() {
        self.signals.stopAccepting(RPCError(.unavailable, "the client is closing"))
        while let open = self.waitingOpens.popFirst() {
            open.completion.resume(returning: .failed(RPCError(.unavailable, "the client is closing")))
        }
        if self.machine.beginClose() { self.closeGracefully() }
    }

    /// Closes the channel once nothing is left to say.
    func closeGracefully() {
        self.machine.close()
        self.stopKeepalive()
        self.flushNow()
        self.context?.close(promise: nil)
    }
}
