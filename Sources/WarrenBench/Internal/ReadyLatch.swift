import Synchronization

/// Opens once `count` parties have arrived, or fails with the first failure reported before that; one waiter.
final class ReadyLatch: Sendable {
    private struct State {
        var waitingFor: Int
        var failure: BenchSetupError?
        var waiter: CheckedContinuation<Void, any Error>?
    }

    private let state: Mutex<State>

    /// A latch for `count` parties (zero: already open).
    init(count: Int) {
        self.state = Mutex(State(waitingFor: count))
    }

    /// One party is ready.
    func arrive() {
        let waiter = self.state.withLock { state -> CheckedContinuation<Void, any Error>? in
            guard state.waitingFor > 0, state.failure == nil else { return nil }
            state.waitingFor -= 1
            guard state.waitingFor == 0 else { return nil }
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// A party cannot become ready; ignored once the latch is open.
    func fail(_ failure: BenchSetupError) {
        let waiter = self.state.withLock { state -> CheckedContinuation<Void, any Error>? in
            guard state.waitingFor > 0, state.failure == nil else { return nil }
            state.failure = failure
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(throwing: failure)
    }

    /// Returns once every party arrived; throws the first failure.
    func wait() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let outcome = self.state.withLock { state -> Result<Void, BenchSetupError>? in
                if let failure = state.failure { return .failure(failure) }
                if state.waitingFor == 0 { return .success(()) }
                state.waiter = continuation
                return nil
            }
            if let outcome { continuation.resume(with: outcome) }
        }
    }
}
