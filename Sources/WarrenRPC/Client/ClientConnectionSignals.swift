internal import NIOCore
import Synchronization
internal import WarrenProto

/// What a client connection's handler tells the callers outside its event loop: the server's settings once they
/// arrive, whether the connection still takes new calls, and when it has closed.
final class ClientConnectionSignals: Sendable {
    private struct State: Sendable {
        var peer: ClientConnectionStateMachine.PeerSettings?
        var acceptingCalls = true
    }

    private let state = Mutex(State())
    private let ready: EventLoopPromise<ClientConnectionStateMachine.PeerSettings>
    private let closed: EventLoopPromise<Void>

    init(eventLoop: any EventLoop) {
        self.ready = eventLoop.makePromise()
        self.closed = eventLoop.makePromise()
    }

    /// Whether new calls may still be started on the connection.
    var isAcceptingCalls: Bool { self.state.withLock { $0.acceptingCalls } }

    /// Completes once the connection is closed.
    var closeFuture: EventLoopFuture<Void> { self.closed.futureResult }

    /// The server's settings, suspending until its SETTINGS arrive; UNAVAILABLE if the connection fails first.
    func peerSettings() async throws(RPCError) -> ClientConnectionStateMachine.PeerSettings {
        if let peer = self.state.withLock({ $0.peer }) { return peer }
        do {
            return try await self.ready.futureResult.get()
        } catch let error as RPCError {
            throw error
        } catch {
            throw RPCError(.unavailable, "\(error)")
        }
    }

    /// The server's SETTINGS arrived: calls may start.
    func becameReady(_ peer: ClientConnectionStateMachine.PeerSettings) {
        self.state.withLock { $0.peer = peer }
        self.ready.succeed(peer)
    }

    /// The connection takes no new call (GOAWAY, failure, close); `error` fails callers still waiting for it.
    func stopAccepting(_ error: RPCError) {
        self.state.withLock { $0.acceptingCalls = false }
        self.ready.fail(error)
    }

    /// The connection is closed.
    func didClose() {
        self.closed.succeed()
    }
}
