internal import NIOCore
internal import WarrenProto

/// The keepalive timers of one client connection: a PING every interval while calls are open, and a deadline
/// for its ACK.
struct ClientKeepalive {
    let configuration: RPCClientConfiguration.Keepalive
    var tick: Scheduled<Void>?
    var ackDeadline: Scheduled<Void>?
    var nextData: UInt64 = 0
}

extension ClientConnectionHandler {
    /// Arms the next keepalive tick.
    func scheduleKeepaliveTick() {
        guard let interval = self.keepalive?.configuration.interval, let context = self.context else { return }
        self.keepalive?.tick = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(interval)) {
            self.keepaliveTick()
        }
    }

    private func keepaliveTick() {
        guard var keepalive = self.keepalive, let context = self.context else { return }
        keepalive.nextData &+= 1
        if let data = self.machine.keepaliveTick(PingData(keepalive.nextData)) {
            self.write(Frame.ping(data))
            let timeout = TimeAmount(keepalive.configuration.timeout)
            keepalive.ackDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
                self.failConnection(
                    RPCError(.unavailable, "the server at \(self.target) did not answer a keepalive PING")
                )
            }
        }
        self.keepalive = keepalive
        self.scheduleKeepaliveTick()
    }

    /// Our keepalive PING was answered.
    func keepaliveAcknowledged() {
        self.keepalive?.ackDeadline?.cancel()
        self.keepalive?.ackDeadline = nil
    }

    /// Stops the keepalive timers.
    func stopKeepalive() {
        self.keepalive?.tick?.cancel()
        self.keepalive?.ackDeadline?.cancel()
        self.keepalive = nil
    }
}
