internal import Logging
internal import NIOCore
internal import WarrenProto

// The idle timeout, keepalive PINGs and graceful shutdown.
extension ServerConnectionHandler {
    /// Starts the idle timer and the keepalive PINGs of a new connection.
    func startTimers(context: ChannelHandlerContext) {
        self.startIdleTimer()
        guard let interval = self.configuration.keepaliveInterval else { return }
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        self.keepaliveTask = context.eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { _ in
            handler.value.keepaliveTick()
        }
    }

    /// (Re)starts the idle timer; called when the connection opens and whenever its last call ends.
    func startIdleTimer() {
        guard let timeout = self.configuration.idleTimeout, let context, !self.isClosing else { return }
        self.idleTimer?.cancel()
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        self.idleTimer = context.eventLoop.scheduleTask(in: timeout) { handler.value.idleTimeoutFired() }
    }

    private func idleTimeoutFired() {
        if case .closeWithGoAway(let goAway) = self.machine.idleTimeoutFired() { self.close(goAway: goAway) }
    }

    /// Sends a keepalive PING; a client that did not answer the previous one within the interval is gone, and
    /// the connection is closed without GOAWAY (nobody would read it).
    private func keepaliveTick() {
        guard !self.keepaliveOutstanding else {
            self.logger.debug("keepalive PING unanswered; closing")
            return self.close(goAway: nil)
        }
        self.pingCounter &+= 1
        if case .send(let data) = self.machine.sendKeepalivePing(PingData(self.pingCounter)) {
            self.keepaliveOutstanding = true
            self.emit(Frame.ping(data))
            self.scheduleFlush()
        }
    }

    /// Starts draining: GOAWAY SHUTDOWN, open calls finish, the connection closes after the last one.
    func beginGracefulShutdown() {
        switch self.machine.beginGracefulShutdown() {
        case .sendGoAway(let goAway):
            if let frame = try? Frame.goAway(goAway) { self.emit(frame) }
            self.scheduleFlush()
        case .closeWithGoAway(let goAway):
            self.close(goAway: goAway)
        case .close:
            self.close(goAway: nil)
        case .none:
            break
        }
    }
}
