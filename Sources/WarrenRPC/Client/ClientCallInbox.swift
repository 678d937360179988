internal import NIOCore
import Synchronization
internal import WarrenProto

/// The responses of one call, shared by the event loop (which delivers them) and the calling task (which
/// reads them), so a reader takes a buffered message without hopping onto the event loop.
///
/// Also carries the cancellation request of the calling task, which may come before the call has a stream.
package final class ClientCallInbox: Sendable {
    /// A response MESSAGE as it came off the wire.
    struct Message: Sendable {
        /// The payload, still deflated when ``compressed``.
        var payload: ByteBuffer
        /// Whether COMPRESSED was set.
        var compressed: Bool
    }

    /// What a reader gets next.
    enum Next: Sendable {
        /// A response message.
        case message(Message)
        /// The call is over: OK, or the error it failed with.
        case end(Result<Void, RPCError>)
    }

    private struct State: Sendable {
        var messages = CircularBuffer<Message>()
        var outcome: Result<Void, RPCError>?
        var reader: CheckedContinuation<Next, Never>?
        var cancelRequested: RPCError?
        var connection: ClientConnection?

        mutating func poll() -> Next? {
            if let message = self.messages.popFirst() { return .message(message) }
            return self.outcome.map(Next.end)
        }
    }

    private let state = Mutex(State())

    /// Creates an empty inbox.
    init() {}

    // MARK: Reader side

    /// The next message or the call's end, suspending until one arrives.
    ///
    /// A reader whose task is cancelled (a child task of the caller's body, say) stops waiting with CANCELLED;
    /// the call itself is cancelled when the caller's body ends.
    func next() async -> Next {
        if let next = self.state.withLock({ $0.poll() }) { return next }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready = self.state.withLock { state -> Next? in
                    if let next = state.poll() { return next }
                    if Task.isCancelled { return .end(.failure(Self.readerCancelled)) }
                    state.reader = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            let reader = self.state.withLock { state in
                defer { state.reader = nil }
                return state.reader
            }
            reader?.resume(returning: .end(.failure(Self.readerCancelled)))
        }
    }

    private static let readerCancelled = RPCError(.cancelled, "the reading task was cancelled")

    /// Whether the call ended and every message was read, so nothing is left to cancel or release.
    var isFinished: Bool {
        self.state.withLock { $0.outcome != nil && $0.messages.isEmpty }
    }

    /// The call's outcome, once it ended.
    var outcome: Result<Void, RPCError>? {
        self.state.withLock { $0.outcome }
    }

    /// Records the connection the call was sent to, returning an earlier cancellation request, if any.
    func attach(to connection: ClientConnection) -> RPCError? {
        self.state.withLock { state in
            state.connection = connection
            return state.cancelRequested
        }
    }

    /// The calling task asks to cancel; returns the connection to tell, once the call was sent to one.
    func requestCancel(_ error: RPCError) -> ClientConnection? {
        self.state.withLock { state in
            if state.cancelRequested == nil { state.cancelRequested = error }
            return state.connection
        }
    }

    /// The cancellation the calling task asked for, if any.
    var cancelRequest: RPCError? {
        self.state.withLock { $0.cancelRequested }
    }

    // MARK: Event loop side

    /// A response message arrived.
    func deliver(_ message: Message) {
        let reader = self.state.withLock { state -> CheckedContinuation<Next, Never>? in
            guard let reader = state.reader else {
                state.messages.append(message)
                return nil
            }
            state.reader = nil
            return reader
        }
        reader?.resume(returning: .message(message))
    }

    /// The call ended with `outcome`; messages already buffered are still read first. A second end is ignored.
    func finish(_ outcome: Result<Void, RPCError>) {
        let reader = self.state.withLock { state -> CheckedContinuation<Next, Never>? in
            guard state.outcome == nil else { return nil }
            state.outcome = outcome
            let reader = state.reader
            state.reader = nil
            return reader
        }
        reader?.resume(returning: .end(outcome))
    }

    /// Drops the unread messages of a call nobody will read any more; returns their byte count, whose connection
    /// credit goes back to the server.
    func discardMessages() -> Int {
        self.state.withLock { state in
            let bytes = state.messages.reduce(0) { $0 + $1.payload.readableBytes }
            state.messages.removeAll()
            return bytes
        }
    }
}
