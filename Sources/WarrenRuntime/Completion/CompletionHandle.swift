import Synchronization

/// Waits for one input's completion; any number of tasks may wait, and all see the same outcome.
public final class CompletionHandle: Sendable {
    /// The input this handle completes with.
    public let inputID: InputID
    private let state = Mutex<State>(.init())

    private struct State {
        var outcome: CompletionOutcome?
        var waiters: [UInt64: CheckedContinuation<CompletionOutcome, any Error>] = [:]
        var cancelledBeforeWaiting: Set<UInt64> = []
        var nextToken: UInt64 = 0
    }

    init(inputID: InputID) {
        self.inputID = inputID
    }

    /// A handle that is already resolved (for an input that was terminal when asked for).
    public static func resolved(_ inputID: InputID, _ outcome: CompletionOutcome) -> CompletionHandle {
        let handle = CompletionHandle(inputID: inputID)
        handle.resolve(outcome)
        return handle
    }

    /// The outcome once resolved, without waiting.
    public var outcome: CompletionOutcome? { state.withLock { $0.outcome } }

    /// Suspends until the input completes.
    ///
    /// - Throws: `CancellationError` when the waiting task is cancelled; the input itself keeps going.
    public func wait() async throws -> CompletionOutcome {
        let token = state.withLock { state -> UInt64 in
            state.nextToken += 1
            return state.nextToken
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let immediate: Result<CompletionOutcome, any Error>? = state.withLock { state in
                    if let outcome = state.outcome { return .success(outcome) }
                    if state.cancelledBeforeWaiting.remove(token) != nil { return .failure(CancellationError()) }
                    state.waiters[token] = continuation
                    return nil
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<CompletionOutcome, any Error>? in
                if let waiter = state.waiters.removeValue(forKey: token) { return waiter }
                if state.outcome == nil { state.cancelledBeforeWaiting.insert(token) }
                return nil
            }
            waiter?.resume(throwing: CancellationError())
        }
    }

    func resolve(_ outcome: CompletionOutcome) {
        let waiters = state.withLock { state -> [CheckedContinuation<CompletionOutcome, any Error>] in
            guard state.outcome == nil else { return [] }
            state.outcome = outcome
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume(returning: outcome) }
    }
}
