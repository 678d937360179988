import Synchronization

/// Waits for one operation's terminal outcome; any number of tasks may wait, and all see the same outcome.
public final class OperationCompletionWatch: Sendable {
    /// The operation this watch resolves with.
    public let operationID: OperationID
    private let state = Mutex<State>(.init())

    private struct State {
        var outcome: OperationTerminalOutcome?
        var slots: [UInt64: Slot] = [:]
        var nextToken: UInt64 = 0
    }

    // One per `wait` call; `.allocated` covers the gap before the continuation exists,
    // where a cancellation must be remembered rather than delivered.
    private enum Slot {
        case allocated
        case waiting(CheckedContinuation<OperationTerminalOutcome?, Never>)
        case cancelled
    }

    init(operationID: OperationID) {
        self.operationID = operationID
    }

    /// A watch that is already resolved, for an operation that was terminal when watched.
    static func resolved(_ operationID: OperationID, _ outcome: OperationTerminalOutcome) -> OperationCompletionWatch {
        let watch = OperationCompletionWatch(operationID: operationID)
        watch.resolve(outcome)
        return watch
    }

    /// The outcome once resolved, without waiting.
    public var outcome: OperationTerminalOutcome? { state.withLock { $0.outcome } }

    /// Suspends until the operation is terminal.
    ///
    /// Cancelling the waiting task ends only this wait: the watch stays registered and can be awaited again.
    /// - Throws: `CancellationError` when the waiting task is cancelled first.
    public func wait() async throws(CancellationError) -> OperationTerminalOutcome {
        let token = state.withLock { state -> UInt64 in
            state.nextToken += 1
            state.slots[state.nextToken] = .allocated
            return state.nextToken
        }
        let outcome = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<OperationTerminalOutcome?, Never>) in
                let immediate: OperationTerminalOutcome?? = state.withLock { state in
                    if let outcome = state.outcome {
                        state.slots[token] = nil
                        return .some(outcome)
                    }
                    if case .cancelled = state.slots[token] {
                        state.slots[token] = nil
                        return .some(nil)
                    }
                    state.slots[token] = .waiting(continuation)
                    return nil
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<OperationTerminalOutcome?, Never>? in
                switch state.slots[token] {
                case .waiting(let continuation):
                    state.slots[token] = nil
                    return continuation
                case .allocated:
                    state.slots[token] = .cancelled
                    return nil
                case .cancelled, nil:
                    return nil
                }
            }
            waiter?.resume(returning: nil)
        }
        guard let outcome else { throw CancellationError() }
        return outcome
    }

    /// Resolves the watch; only the first outcome counts.
    func resolve(_ outcome: OperationTerminalOutcome) {
        let waiters = state.withLock { state -> [CheckedContinuation<OperationTerminalOutcome?, Never>] in
            guard state.outcome == nil else { return [] }
            state.outcome = outcome
            var waiters: [CheckedContinuation<OperationTerminalOutcome?, Never>] = []
            for (token, slot) in state.slots {
                guard case .waiting(let continuation) = slot else { continue }
                state.slots[token] = nil
                waiters.append(continuation)
            }
            return waiters
        }
        for waiter in waiters { waiter.resume(returning: outcome) }
    }
}
