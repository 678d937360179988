internal import NIOCore
internal import WarrenProto

extension ClientConnectionHandler {
    /// Dispatches one frame from the server.
    func receive(_ frame: Frame) {
        do {
            switch frame.type {
            case .settings: try self.receiveSettings(frame)
            case .ping: try self.receivePing(frame)
            case .goAway: try self.receiveGoAway(frame.decodeGoAway())
            case .windowUpdate: try self.receiveWindowUpdate(frame)
            case .headers: try self.receiveHeaders(frame)
            case .message: self.receiveMessage(frame)
            case .trailers: try self.receiveTrailers(frame)
            case .cancel: self.receiveCancel(frame)
            case .unknown: break  // room for extensions (PROTOCOL.md "Frame types")
            }
        } catch {
            self.protocolViolation(error.goAwayCode, error.description)
        }
    }

    private func receiveSettings(_ frame: Frame) throws(FrameError) {
        if frame.isAck {
            self.carryOut(self.machine.receiveSettingsAck())
            return
        }
        switch self.machine.receiveSettings(try frame.decodeSettings()) {
        case .acknowledge: self.settingsApplied()
        case .protocolViolation(let code, let reason): self.protocolViolation(code, reason)
        case .drop: break
        }
    }

    private func receivePing(_ frame: Frame) throws(FrameError) {
        let data = try frame.decodePingData()
        if frame.isAck {
            if self.machine.receivePingAck(data) { self.keepaliveAcknowledged() }
        } else if self.machine.phase != .closed {
            self.write(Frame.ping(data, ack: true))
        }
    }

    private func receiveGoAway(_ goAway: GoAway) {
        guard
            case .goAway(let lastStreamID, let closeNow) = self.machine.receiveGoAway(lastStreamID: goAway.lastStreamID)
        else { return }
        let reason = goAway.message.isEmpty ? "\(goAway.code)" : "\(goAway.code): \(goAway.message)"
        let error = RPCError(.unavailable, "the server at \(self.target) is going away (GOAWAY \(reason))")
        self.signals.stopAccepting(error)
        while let open = self.waitingOpens.popFirst() {
            open.completion.resume(returning: .refused(error))
        }
        let unprocessed = RPCError(.unavailable, "\(error.message); the call was not processed")
        for streamID in self.streams.keys.sorted() where streamID > lastStreamID {
            self.closeStream(streamID, with: .failure(unprocessed), sendCancel: false)
        }
        if closeNow { self.closeGracefully() }
    }

    private func receiveWindowUpdate(_ frame: Frame) throws(FrameError) {
        let increment = try frame.decodeWindowIncrement()
        guard frame.streamID != Frame.connectionStreamID else {
            if self.carryOut(self.machine.receiveWindowUpdate(increment)) { self.resumeBlockedStreams() }
            return
        }
        guard self.streams[frame.streamID] != nil else {
            self.carryOut(self.machine.receiveFrameForUnknownStream(frame.streamID))
            return
        }
        if self.carryOut(self.streams[frame.streamID]!.machine.receiveWindowUpdate(increment), on: frame.streamID) {
            self.drainSends(frame.streamID)
        }
    }

    private func receiveHeaders(_ frame: Frame) throws(FrameError) {
        let headers = try frame.decodeResponseHeaders()
        guard self.streams[frame.streamID] != nil else {
            self.carryOut(self.machine.receiveFrameForUnknownStream(frame.streamID))
            return
        }
        guard self.carryOut(self.streams[frame.streamID]!.machine.receiveHeaders(), on: frame.streamID) else { return }
        switch headers.messageEncoding {
        case "", "identity", MessageCompression.encodingName:
            break
        case let encoding:
            let error = RPCError(.internal, "the server answered with unsupported message encoding \"\(encoding)\"")
            self.closeStream(frame.streamID, with: .failure(error), sendCancel: true)
        }
    }

    private func receiveMessage(_ frame: Frame) {
        let size = frame.payload.readableBytes
        guard self.carryOut(self.machine.receiveMessage(size: size)) else { return }
        guard self.streams[frame.streamID] != nil else {
            self.carryOut(self.machine.receiveFrameForUnknownStream(frame.streamID))
            self.releaseConnectionCredit(size)
            return
        }
        let accepted = self.carryOut(
            self.streams[frame.streamID]!.machine.receiveMessage(size: size),
            on: frame.streamID
        )
        guard accepted, let entry = self.streams[frame.streamID] else {
            self.releaseConnectionCredit(size)
            return
        }
        entry.inbox.deliver(ClientCallInbox.Message(payload: frame.payload, compressed: frame.isCompressed))
    }

    private func receiveTrailers(_ frame: Frame) throws(FrameError) {
        let status = try frame.decodeStatus()
        guard self.streams[frame.streamID] != nil else {
            self.carryOut(self.machine.receiveFrameForUnknownStream(frame.streamID))
            return
        }
        guard
            self.carryOut(self.streams[frame.streamID]!.machine.receiveTrailers(code: status.code), on: frame.streamID)
        else { return }
        let outcome: Result<Void, RPCError> = RPCError(status: status).map { .failure($0) } ?? .success(())
        self.closeStream(frame.streamID, with: outcome, sendCancel: false)
    }

    private func receiveCancel(_ frame: Frame) {
        guard self.streams[frame.streamID] != nil else {
            self.carryOut(self.machine.receiveFrameForUnknownStream(frame.streamID))
            return
        }
        self.carryOut(self.streams[frame.streamID]!.machine.receiveCancel(), on: frame.streamID)
    }
}

// MARK: - Carrying out actions

extension ClientConnectionHandler {
    /// Carries out a connection-level action; returns whether the frame was accepted.
    @discardableResult
    func carryOut(_ action: ClientConnectionStateMachine.OnReceiveFrame) -> Bool {
        switch action {
        case .accept: return true
        case .protocolViolation(let code, let reason): self.protocolViolation(code, reason)
        case .drop: break
        }
        return false
    }

    /// Carries out a stream-level action for `streamID`; returns whether the frame was accepted.
    @discardableResult
    func carryOut(_ action: ClientStreamStateMachine.OnReceiveFrame, on streamID: UInt32) -> Bool {
        switch action {
        case .accept: return true
        case .failCall(let error, let sendCancel):
            self.closeStream(streamID, with: .failure(error), sendCancel: sendCancel)
        case .protocolViolation(let code, let reason): self.protocolViolation(code, reason)
        case .drop: break
        }
        return false
    }
}
