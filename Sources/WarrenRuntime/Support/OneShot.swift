import Synchronization

/// A value set once that any number of tasks can wait for. Cancelling a waiting task ends only that
/// wait; the value can still be awaited again. The lock is never held across a suspension.
final class OneShot<Value: Sendable>: Sendable {
    private let state = Mutex<State>(.init())

    private struct State {
        var value: Value?
        var slots: [UInt64: Slot] = [:]
        var nextToken: UInt64 = 0
    }

    // One per `wait` call; `.allocated` covers the gap before the continuation exists, where a
    // cancellation must be remembered rather than delivered.
    private enum Slot {
        case allocated
        case waiting(CheckedContinuation<Value?, Never>)
        case cancelled
    }

    /// The value once set, without waiting.
    var value: Value? { state.withLock { $0.value } }

    /// Suspends until the value is set.
    /// - Throws: `CancellationError` when the waiting task is cancelled first.
    func wait() async throws(CancellationError) -> Value {
        let token = state.withLock { state -> UInt64 in
            state.nextToken += 1
            state.slots[state.nextToken] = .allocated
            return state.nextToken
        }
        let value = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Value?, Never>) in
                let immediate: Value?? = state.withLock { state in
                    if let value = state.value {
                        state.slots[token] = nil
                        return .some(value)
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
            let waiter = state.withLock { state -> CheckedContinuation<Value?, Never>? in
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
        guard let value else { throw CancellationError() }
        return value
    }

    /// Sets the value and wakes every waiter; only the first call counts.
    @discardableResult
    func resolve(_ value: Value) -> Bool {
        let waiters = state.withLock { state -> [CheckedContinuation<Value?, Never>]? in
            guard state.value == nil else { return nil }
            state.value = value
            var waiters: [CheckedContinuation<Value?, Never>] = []
            for (token, slot) in state.slots {
                guard case .waiting(let continuation) = slot else { continue }
                state.slots[token] = nil
                waiters.append(continuation)
            }
            return waiters
        }
        guard let waiters else { return false }
        for waiter in waiters { waiter.resume(returning: value) }
        return true
    }
}
