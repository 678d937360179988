internal import NIOCore
internal import Synchronization
internal import WarrenProto

/// The request messages of one call, handed from the event loop to the handler's task.
///
/// A lock rather than an event-loop hop per read: a request that is already here is taken without leaving the
/// handler's task. The event loop pushes; the task pops, and reports what it consumed in batches so the
/// connection can grant WINDOW_UPDATE credit (D26: credit comes back only for consumed bytes).
final class CallInbox: Sendable {
    /// One received MESSAGE payload, still compressed if it arrived so.
    struct Message: Sendable {
        var payload: ByteBuffer
        var compressed: Bool
    }

    /// What a waiting reader is resumed with.
    typealias Delivery = Result<Message?, RPCError>

    private struct State {
        var messages = CircularBuffer<Message>()
        var inputEnded = false
        var failure: RPCError?
        var reader: CheckedContinuation<Delivery, Never>?
        /// Bytes popped whose consumption the event loop has not collected yet.
        var unreportedBytes = 0
        var reportScheduled = false
    }

    private let state = Mutex(State())

    /// Creates an empty inbox.
    init() {}

    /// The next message, nil once the client half-closed, or the error that ended the call.
    ///
    /// A reader whose task is cancelled (a handler's child task, say) stops waiting with CANCELLED; the call and
    /// any message still to come are unaffected.
    func next() async -> Delivery {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready: Delivery? = self.state.withLock { state in
                    if let message = state.messages.popFirst() { return .success(message) }
                    if let failure = state.failure { return .failure(failure) }
                    if state.inputEnded { return .success(nil) }
                    if Task.isCancelled { return .failure(Self.readerCancelled) }
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
            reader?.resume(returning: .failure(Self.readerCancelled))
        }
    }

    private static let readerCancelled = RPCError(.cancelled, "the reading task was cancelled")

    /// Records `size` consumed bytes; true when the caller must schedule a report to the event loop.
    func recordConsumed(_ size: Int) -> Bool {
        self.state.withLock { state in
            state.unreportedBytes += size
            defer { state.reportScheduled = true }
            return !state.reportScheduled
        }
    }

    /// Collects the consumed bytes recorded since the last collection (event loop).
    func collectConsumed() -> Int {
        self.state.withLock { state in
            defer {
                state.unreportedBytes = 0
                state.reportScheduled = false
            }
            return state.unreportedBytes
        }
    }

    /// Delivers a message, and with `endOfInput` the client's half-close (event loop).
    func push(_ message: Message, endOfInput: Bool) {
        let reader = self.state.withLock { state in
            state.inputEnded = state.inputEnded || endOfInput
            guard let reader = state.reader else {
                state.messages.append(message)
                return nil as CheckedContinuation<Delivery, Never>?
            }
            state.reader = nil
            return reader
        }
        reader?.resume(returning: .success(message))
    }

    /// Records the client's half-close without a message (event loop).
    func endInput() {
        let reader = self.state.withLock { state in
            state.inputEnded = true
            defer { state.reader = nil }
            return state.reader
        }
        reader?.resume(returning: .success(nil))
    }

    /// Ends the call for the reader with `error`; returns the bytes of the messages never read (event loop).
    func close(with error: RPCError) -> Int {
        let (reader, unread) = self.state.withLock { state in
            state.failure = state.failure ?? error
            let unread = state.messages.reduce(0) { $0 + $1.payload.readableBytes }
            state.messages.removeAll()
            defer { state.reader = nil }
            return (state.reader, unread)
        }
        reader?.resume(returning: .failure(error))
        return unread
    }
}
