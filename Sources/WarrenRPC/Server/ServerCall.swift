internal import NIOCore
internal import WarrenProto

/// The event-loop side of one accepted call: its stream machine, its inbox, the task serving it, its deadline
/// timer, and the writers of its messages not yet written.
///
/// Owned by the connection handler and touched only on its event loop.
final class ServerCall {
    /// Who is told when a response message has been written (or failed).
    enum Writer {
        /// A message of a streaming handler's pipeline, `bytes` long: its room is freed when it leaves (D118).
        case pipelined(ResponsePipeline, bytes: Int)
        /// The call's last message (`sendLastResponse`): nobody waits, and the call ends with OK behind it, or
        /// with the failure's status if the message cannot be sent.
        case endsCall

        /// Tells the writer how its message went.
        func resume(returning result: Result<Void, RPCError>) {
            if case .pipelined(let pipeline, let bytes) = self { pipeline.messageDone(bytes: bytes, result) }
        }
    }

    /// The call's stream id.
    let streamID: UInt32
    /// The stream's state machine.
    var machine: StreamStateMachine
    /// The requests for the handler.
    let inbox = CallInbox()
    /// Whether the call negotiated `deflate`: responses are deflated and COMPRESSED requests accepted.
    let usesDeflate: Bool
    /// The task running the handler, once started.
    var task: Task<Void, Never>?
    /// The `timeout_ms` timer, if the call has a deadline.
    var deadlineTimer: Scheduled<Void>?
    /// Writers in message order; the head is resumed when the oldest unsent message is written.
    private var writers = CircularBuffer<Writer>()
    /// Frames of this call waiting in the connection send queue.
    var connectionQueued = 0
    /// Whether our response HEADERS went out.
    var responseHeadersSent = false
    /// Whether the client finished its side (END_STREAM or CANCEL), so it sends nothing more on this stream.
    var clientEnded = false

    /// Creates the call for an opened stream.
    init(streamID: UInt32, machine: StreamStateMachine, usesDeflate: Bool) {
        self.streamID = streamID
        self.machine = machine
        self.usesDeflate = usesDeflate
    }

    /// Adds a writer whose message was just handed to the machine.
    func enqueueWriter(_ writer: Writer) {
        self.writers.append(writer)
    }

    /// The oldest unsent message was written: its writer may go on.
    func messageLeft() {
        self.writers.popFirst()?.resume(returning: .success(()))
    }

    /// Stops everything the call still runs: the timer, the task, the reader and every writer. Returns the bytes
    /// of requests never read, which the connection window must get back.
    func stop() -> Int {
        self.deadlineTimer?.cancel()
        self.deadlineTimer = nil
        self.task?.cancel()
        let over = RPCError(.cancelled, "the call is over")
        while let writer = self.writers.popFirst() {
            writer.resume(returning: .failure(over))
        }
        return self.inbox.close(with: over)
    }
}
