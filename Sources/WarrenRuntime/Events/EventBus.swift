import DequeModule
import Synchronization

/// Live fan-out of committed events to subscribers, in position order, with a bounded buffer each.
///
/// Commits may finish out of order across runtimes; the bus holds an early envelope until every
/// position before it has arrived, so subscribers always see positions in order with no gap. A
/// subscriber whose buffer fills is cut off and goes back to reading the log (``EventSubscription``).
public final class EventBus: Sendable {
    private let state: Mutex<State>

    private struct State {
        var delivered: UInt64
        var early: [UInt64: RuntimeEventEnvelope] = [:]
        var subscribers: [UInt64: LiveSubscriber] = [:]
        var nextSubscriberID: UInt64 = 0
    }

    /// Creates a bus whose next expected position follows `head`.
    public init(head: UInt64 = 0) {
        state = Mutex(State(delivered: head))
    }

    /// The newest position delivered to subscribers.
    public var deliveredPosition: UInt64 { state.withLock { $0.delivered } }

    /// The number of live subscribers.
    public var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// Hands committed envelopes to subscribers once every earlier position has arrived.
    public func deliver(_ envelopes: [RuntimeEventEnvelope]) {
        guard !envelopes.isEmpty else { return }
        state.withLock { state in
            for envelope in envelopes where envelope.position > state.delivered {
                state.early[envelope.position] = envelope
            }
            var ready: [RuntimeEventEnvelope] = []
            while let next = state.early.removeValue(forKey: state.delivered + 1) {
                ready.append(next)
                state.delivered = next.position
            }
            guard !ready.isEmpty else { return }
            for (id, subscriber) in state.subscribers where !subscriber.offer(ready) {
                state.subscribers[id] = nil
            }
        }
    }

    /// Registers a live subscriber; returns its id and the position after which it receives everything.
    func attach(_ subscriber: LiveSubscriber) -> (id: UInt64, after: UInt64) {
        state.withLock { state in
            state.nextSubscriberID += 1
            state.subscribers[state.nextSubscriberID] = subscriber
            return (state.nextSubscriberID, state.delivered)
        }
    }

    func detach(_ id: UInt64) {
        _ = state.withLock { $0.subscribers.removeValue(forKey: id) }
    }
}

/// One subscriber's bounded live buffer, filled by the bus and drained by its ``EventSubscription``.
final class LiveSubscriber: Sendable {
    private let state: Mutex<State>

    private struct State {
        var buffer: Deque<RuntimeEventEnvelope> = []
        var overflowed = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    let capacity: Int
    let filter: EventFilter

    init(capacity: Int, filter: EventFilter) {
        self.capacity = max(1, capacity)
        self.filter = filter
        state = Mutex(State())
    }

    /// Buffers the matching envelopes; returns false (and marks the subscriber overflowed) when full.
    func offer(_ envelopes: [RuntimeEventEnvelope]) -> Bool {
        let (accepted, waiter) = state.withLock { state -> (Bool, CheckedContinuation<Void, Never>?) in
            for envelope in envelopes where filter.matches(envelope) {
                guard state.buffer.count < capacity else {
                    state.overflowed = true
                    state.buffer.removeAll()
                    break
                }
                state.buffer.append(envelope)
            }
            defer { state.waiter = nil }
            return (!state.overflowed, state.waiter)
        }
        waiter?.resume()
        return accepted
    }

    enum Next {
        case envelope(RuntimeEventEnvelope)
        case overflowed
    }

    /// The next buffered envelope if there is one now; nil when the buffer is empty or has overflowed
    /// (``next()`` reports the overflow).
    func poll() -> RuntimeEventEnvelope? {
        state.withLock { state in state.overflowed ? nil : state.buffer.popFirst() }
    }

    /// The next buffered envelope, waiting for one if needed; nil when the task is cancelled.
    func next() async -> Next? {
        while !Task.isCancelled {
            let item = state.withLock { state -> Next? in
                if state.overflowed { return .overflowed }
                return state.buffer.popFirst().map(Next.envelope)
            }
            if let item { return item }
            await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in
                    let ready = state.withLock { state -> Bool in
                        if state.overflowed || !state.buffer.isEmpty || Task.isCancelled { return true }
                        state.waiter = continuation
                        return false
                    }
                    if ready { continuation.resume() }
                }
            } onCancel: {
                let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                    defer { state.waiter = nil }
                    return state.waiter
                }
                waiter?.resume()
            }
        }
        return nil
    }
}

/// Which events a subscriber wants: runtimes and kinds (empty sets mean all).
public struct EventFilter: Hashable, Sendable {
    /// Runtimes to follow; empty means every runtime.
    public var runtimeIDs: Set<RuntimeID>
    /// Event kinds to follow; empty means every kind.
    public var kinds: Set<RuntimeEventKind>

    /// Creates a filter; the default follows everything.
    public init(runtimeIDs: Set<RuntimeID> = [], kinds: Set<RuntimeEventKind> = []) {
        self.runtimeIDs = runtimeIDs
        self.kinds = kinds
    }

    /// Whether an envelope passes.
    public func matches(_ envelope: RuntimeEventEnvelope) -> Bool {
        (runtimeIDs.isEmpty || runtimeIDs.contains(envelope.runtimeID))
            && (kinds.isEmpty || kinds.contains(envelope.event.kind))
    }
}
