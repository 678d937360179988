internal import NIOCore
internal import Synchronization

/// The server's live connections: admission against the connection limit, graceful shutdown of each, and
/// waiting until the last one has closed.
final class ConnectionRegistry: Sendable {
    /// What ``register(_:handler:)`` decided.
    enum Admission {
        case accepted
        case overLimit(Int)
        case shuttingDown
    }

    private struct Entry {
        var channel: any Channel
        var handler: NIOLoopBound<ServerConnectionHandler>
    }

    private struct State {
        var connections: [ObjectIdentifier: Entry] = [:]
        var shuttingDown = false
        var emptyWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())
    private let limit: Int
    private let statistics: ServerStatisticsRecorder

    /// Creates a registry admitting at most `limit` connections.
    init(limit: Int, statistics: ServerStatisticsRecorder) {
        self.limit = limit
        self.statistics = statistics
    }

    /// Admits a new connection (forgotten again when its channel closes), unless over the limit or shutting down.
    func register(_ channel: any Channel, handler: ServerConnectionHandler) -> Admission {
        let id = ObjectIdentifier(channel)
        let admission: Admission = self.state.withLock { state in
            if state.shuttingDown { return .shuttingDown }
            guard state.connections.count < self.limit else { return .overLimit(self.limit) }
            state.connections[id] = Entry(
                channel: channel,
                handler: NIOLoopBound(handler, eventLoop: channel.eventLoop)
            )
            return .accepted
        }
        guard case .accepted = admission else { return admission }
        self.statistics.connectionOpened()
        channel.closeFuture.whenComplete { _ in self.remove(id) }
        return admission
    }

    /// Stops admitting connections and starts draining every live one.
    func beginGracefulShutdown() {
        let entries = self.state.withLock { state in
            state.shuttingDown = true
            return Array(state.connections.values)
        }
        for entry in entries {
            entry.channel.eventLoop.execute { entry.handler.value.beginGracefulShutdown() }
        }
    }

    /// Closes every live connection at once (the grace period is over); their calls are cancelled.
    func closeAll() {
        let channels = self.state.withLock { state in state.connections.values.map(\.channel) }
        for channel in channels { channel.close(promise: nil) }
    }

    /// Returns once no connection is left.
    func waitUntilEmpty() async {
        await withCheckedContinuation { continuation in
            let empty = self.state.withLock { state in
                guard state.connections.isEmpty else {
                    state.emptyWaiters.append(continuation)
                    return false
                }
                return true
            }
            if empty { continuation.resume() }
        }
    }

    private func remove(_ id: ObjectIdentifier) {
        let waiters: [CheckedContinuation<Void, Never>] = self.state.withLock { state in
            guard state.connections.removeValue(forKey: id) != nil, state.connections.isEmpty else { return [] }
            defer { state.emptyWaiters = [] }
            return state.emptyWaiters
        }
        self.statistics.connectionClosed()
        for waiter in waiters { waiter.resume() }
    }
}
