internal import NIOCore
internal import Synchronization

/// The response messages a streaming handler has handed over that have not left yet: the handler runs
/// ahead by up to ``maxMessages`` messages or ``maxBytes`` bytes instead of waiting for each one to be
/// written, and the event loop takes every message queued since its last turn in one hop (D118).
///
/// The bound keeps backpressure: a reader that stops granting credit stops the handler once the bound is
/// reached, so a slow subscriber still costs the server a bounded amount of memory. A message that fails
/// (the call ended) fails every later ``send(_:)`` and wakes a waiting handler.
package final class ResponsePipeline: Sendable {
    /// Messages that may be handed over and not yet left before the handler waits.
    package static let maxMessages = 64
    /// Bytes that may be handed over and not yet left before the handler waits.
    package static let maxBytes = 256 * 1024

    private struct State {
        /// Handed over by the handler, not yet taken by the event loop.
        var queued: [StreamStateMachine.OutboundMessage] = []
        /// Whether an event-loop turn to take `queued` is already scheduled.
        var takeScheduled = false
        /// Messages handed over (queued or taken) that have not left.
        var unsentMessages = 0
        var unsentBytes = 0
        /// Why the call can take no more messages, once it cannot.
        var failure: RPCError?
        /// The handler waiting for room.
        var waiter: CheckedContinuation<Void, Never>?

        var isFull: Bool {
            self.unsentMessages > ResponsePipeline.maxMessages || self.unsentBytes > ResponsePipeline.maxBytes
        }
    }

    private let state = Mutex(State())

    /// Hands `message` over. `scheduleTake`: the caller must schedule an event-loop turn to
    /// ``takeQueued()``; `full`: more than the bound is unsent, so the caller must ``waitForRoom()``.
    /// Throws the call's failure once a message failed.
    func send(_ message: StreamStateMachine.OutboundMessage) throws(RPCError) -> (scheduleTake: Bool, full: Bool) {
        let result = self.state.withLock { state -> Result<(Bool, Bool), RPCError> in
            if let failure = state.failure { return .failure(failure) }
            state.queued.append(message)
            state.unsentMessages += 1
            state.unsentBytes += message.payload.readableBytes
            defer { state.takeScheduled = true }
            return .success((!state.takeScheduled, state.isFull))
        }
        return try result.get()
    }

    /// Waits while more than the bound is unsent; throws the call's failure if it has one.
    func waitForRoom() async throws(RPCError) {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let waits = self.state.withLock { state -> Bool in
                guard state.failure == nil, state.isFull else { return false }
                state.waiter = continuation
                return true
            }
            if !waits { continuation.resume() }
        }
        if let failure = self.state.withLock({ $0.failure }) { throw failure }
    }

    /// Takes every queued message (on the event loop), in order.
    func takeQueued() -> [StreamStateMachine.OutboundMessage] {
        self.state.withLock { state in
            state.takeScheduled = false
            defer { state.queued.removeAll(keepingCapacity: true) }
            return state.queued
        }
    }

    /// A message of `bytes` left, or failed with `result`'s error: frees its room and wakes the handler
    /// if it waits.
    func messageDone(bytes: Int, _ result: Result<Void, RPCError>) {
        let waiter = self.state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.unsentMessages -= 1
            state.unsentBytes -= bytes
            if case .failure(let error) = result, state.failure == nil { state.failure = error }
            guard state.failure != nil || !state.isFull else { return nil }
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }
}
