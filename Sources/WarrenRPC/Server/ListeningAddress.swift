internal import NIOCore
internal import Synchronization

/// The address a server bound, published once to everyone waiting for it.
final class ListeningAddress: Sendable {
    private enum State {
        case pending([CheckedContinuation<Result<SocketAddress, any Error>, Never>])
        case settled(Result<SocketAddress, any Error>)
    }

    private let state = Mutex(State.pending([]))

    /// Creates an address not known yet.
    init() {}

    /// The address, once bound; throws if the server failed to bind or stopped before.
    func get() async throws -> SocketAddress {
        try await withCheckedContinuation { continuation in
            let settled: Result<SocketAddress, any Error>? = self.state.withLock { state in
                switch state {
                case .settled(let result):
                    return result
                case .pending(var waiters):
                    waiters.append(continuation)
                    state = .pending(waiters)
                    return nil
                }
            }
            if let settled { continuation.resume(returning: settled) }
        }.get()
    }

    /// Publishes the outcome of binding; later calls are ignored.
    func settle(_ result: Result<SocketAddress, any Error>) {
        let waiters = self.state.withLock { state in
            guard case .pending(let waiters) = state else {
                return [] as [CheckedContinuation<Result<SocketAddress, any Error>, Never>]
            }
            state = .settled(result)
            return waiters
        }
        for waiter in waiters { waiter.resume(returning: result) }
    }
}
