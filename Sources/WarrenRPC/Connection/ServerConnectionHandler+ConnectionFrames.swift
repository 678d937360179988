internal import Logging
internal import NIOCore
internal import WarrenProto

// The preface and the frames of stream 0: SETTINGS, PING, WINDOW_UPDATE and GOAWAY.
extension ServerConnectionHandler {
    /// Routes a decoded frame to the connection or to its call.
    func receiveFrame(_ frame: Frame) {
        switch frame.type {
        case .settings: frame.isAck ? self.receiveSettingsAck() : self.receiveSettings(frame)
        case .ping: self.receivePing(frame)
        case .windowUpdate: self.receiveWindowUpdate(frame)
        case .goAway: self.receiveGoAway(frame)
        case .headers: self.receiveHeaders(frame)
        case .message: self.receiveMessage(frame)
        case .cancel: self.receiveCancel(streamID: frame.streamID)
        case .trailers:
            self.protocolViolation(.protocolError, "TRAILERS from the client on stream \(frame.streamID)")
        case .unknown: break
        }
    }

    /// The client's valid preface: our SETTINGS go out.
    func receivePreface(_ preface: Preface) {
        do {
            guard case .sendSettings(let settings) = try self.machine.receivePreface(preface) else { return }
            self.emit(try Frame.settings(settings))
        } catch {
            self.perform(self.machine.connectionError(.internalError, "cannot send SETTINGS: \(error)"))
        }
    }

    /// A wrong preface: GOAWAY BAD_PREFACE or UNSUPPORTED_VERSION, then close.
    func prefaceFailed(_ error: PrefaceError) {
        switch (try? self.machine.prefaceFailed(error)) ?? .drop {
        case .closeWithGoAway(let goAway): self.close(goAway: goAway)
        case .drop: break
        }
    }

    private func receiveSettings(_ frame: Frame) {
        let settings: Settings
        do {
            settings = try frame.decodeSettings()
        } catch {
            return self.perform(self.machine.frameError(error))
        }
        switch self.machine.receiveSettings(settings) {
        case .sendAck(let peerMaxFrameSize):
            self.writer.encoder.maxFrameSize = peerMaxFrameSize
            self.emit(Frame.settingsAck())
        case .closeWithGoAway(let goAway):
            self.close(goAway: goAway)
        case .drop:
            break
        }
    }

    private func receiveSettingsAck() {
        if case .closeWithGoAway(let goAway) = self.machine.receiveSettingsAck() { self.close(goAway: goAway) }
    }

    private func receivePing(_ frame: Frame) {
        let data: PingData
        do {
            data = try frame.decodePingData()
        } catch {
            return self.perform(self.machine.frameError(error))
        }
        guard !frame.isAck else {
            switch self.machine.receivePingAck(data) {
            case .acknowledged: self.keepaliveOutstanding = false
            case .closeWithGoAway(let goAway): self.close(goAway: goAway)
            case .drop: break
            }
            return
        }
        let dataSent = self.writer.dataSentSinceLastPing
        self.writer.dataSentSinceLastPing = false
        switch self.machine.receivePing(data, dataSentSinceLastPing: dataSent) {
        case .sendAck(let data): self.emit(Frame.ping(data, ack: true))
        case .closeWithGoAway(let goAway): self.close(goAway: goAway)
        case .drop: break
        }
    }

    private func receiveWindowUpdate(_ frame: Frame) {
        let increment: UInt32
        do {
            increment = try frame.decodeWindowIncrement()
        } catch {
            return self.perform(self.machine.frameError(error))
        }
        guard frame.streamID == Frame.connectionStreamID else {
            return self.receiveStreamWindowUpdate(streamID: frame.streamID, increment: increment)
        }
        switch self.machine.receiveWindowUpdate(increment: increment) {
        case .granted: self.drainSendQueue()
        case .closeWithGoAway(let goAway): self.close(goAway: goAway)
        case .drop: break
        }
    }

    /// The client is going away: its open calls finish; nothing to answer.
    private func receiveGoAway(_ frame: Frame) {
        do {
            let goAway = try frame.decodeGoAway()
            self.logger.debug("client GOAWAY", metadata: ["warren.goaway": "\(goAway.code) \(goAway.message)"])
        } catch {
            self.perform(self.machine.frameError(error))
        }
    }
}
