import NIOCore
package import WarrenProto

// The server side of one call (one stream id), as a pure struct: no channel, no I/O, no clock, no logging.
// The stream handler feeds it events and carries out the action each one returns (STYLE §6).
//
// States:
// - idle: created for a stream id; nothing received yet.
// - open: HEADERS received without END_STREAM; the client may still send messages.
// - halfClosed: the client finished sending (END_STREAM on HEADERS or MESSAGE); we may still send.
// - closed: the call is over, because our TRAILERS went out, a CANCEL was received or sent, or the call
//   failed (deadline, oversized message, an error reported through `fail(with:)`). Remembers whether the
//   peer had finished (END_STREAM) or cancelled, to tell a late frame that raced with our close from one the
//   peer should never have sent.
// - poisoned: a protocol violation was reported; the connection is going away and every later event is
//   dropped.
// Both open and halfClosed hold the send and receive windows, whether response HEADERS went out, and the
// messages (and possibly the trailers) waiting for send credit; trailers never overtake waiting messages.
//
// Error classes:
// - Protocol violation (connection error, `.protocolViolation(GoAwayCode, reason)`, then poisoned): a frame
//   other than HEADERS on an idle stream, a second HEADERS, a MESSAGE after END_STREAM, any frame after the
//   peer's CANCEL (the stream is closed for it), a peer overrunning its receive window or a WINDOW_UPDATE
//   overflowing the send window (FLOW_CONTROL_ERROR).
// - Per-call error (`.failCall(Status)`: TRAILERS with the status now, queued messages discarded, the work
//   cancelled; other calls carry on): a MESSAGE larger than the maximum message size (RESOURCE_EXHAUSTED),
//   the deadline (DEADLINE_EXCEEDED), and errors found above the machine via `fail(with:)`.
// - Silent drop (`.drop`): a frame racing with our own close (MESSAGE, CANCEL or WINDOW_UPDATE arriving after
//   we sent TRAILERS or CANCEL or failed the call, from a peer that had not itself ended or cancelled), and
//   application output after the call ended for a reason the application did not choose.
// - Unreachable transition (thrown `UnreachableTransition`, a caller bug): response HEADERS twice, a message
//   before response HEADERS, anything sent after our own trailers, output or a deadline before the call
//   started.

/// The state machine of one call on the server: stream states, flow-control windows and the ordering of
/// output, with the error classes listed at the top of this file.
package struct StreamStateMachine: Sendable {
    /// Limits for one call, from the connection's SETTINGS.
    package struct Configuration: Hashable, Sendable {
        /// The largest MESSAGE payload accepted, in bytes; a larger one fails the call with RESOURCE_EXHAUSTED.
        package var maxMessageSize: Int
        /// The stream window we announced (our `initial_stream_window`): what the client may send unacknowledged.
        package var initialReceiveWindow: Int
        /// The client's `initial_stream_window`: what we may send before it grants more.
        package var initialSendWindow: Int

        /// Creates a configuration.
        package init(maxMessageSize: Int, initialReceiveWindow: Int, initialSendWindow: Int) {
            self.maxMessageSize = maxMessageSize
            self.initialReceiveWindow = initialReceiveWindow
            self.initialSendWindow = initialSendWindow
        }
    }

    /// Why a call is closed.
    package enum CloseReason: Hashable, Sendable {
        /// Our TRAILERS went out.
        case trailersSent
        /// The client sent CANCEL.
        case cancelledByPeer
        /// The application cancelled and a CANCEL went out.
        case cancelledByApplication
        /// The call failed on our side with this status (deadline, oversized message, `fail(with:)`).
        case failed(StatusCode)
    }

    /// The machine's state as seen from outside, for handlers and tests.
    package enum Phase: Hashable, Sendable {
        /// Created; no HEADERS yet.
        case idle
        /// Both sides may send.
        case open
        /// The client finished sending; we may still send.
        case halfClosed
        /// The call is over.
        case closed(CloseReason)
        /// A protocol violation was reported; everything is dropped.
        case poisoned
    }

    /// The data of open and half-closed calls.
    private struct OpenState: Sendable {
        var receiveWindow: FlowControlWindow
        var sendWindow: FlowControlWindow
        var maxMessageSize: Int
        var headersSent = false
        var queue: [OutboundMessage] = []
        var pendingTrailers: Status?
    }

    /// The data of closed calls.
    private struct ClosedState: Sendable {
        var reason: CloseReason
        /// The client sent END_STREAM before the call closed.
        var peerEnded: Bool
        /// The client sent CANCEL.
        var peerCancelled: Bool
    }

    /// The private state, each case with its own data.
    private enum State: Sendable {
        case idle(Configuration)
        case open(OpenState)
        case halfClosed(OpenState)
        case closed(ClosedState)
        case poisoned
        /// Placeholder while a case's data is mutated in place, so its storage is not copied.
        case modifying
    }

    /// The current state and its data.
    private var state: State

    /// Creates the machine for a new stream, in the idle state.
    package init(configuration: Configuration) {
        self.state = .idle(configuration)
    }

    /// The current state.
    package var phase: Phase {
        switch self.state {
        case .idle: .idle
        case .open: .open
        case .halfClosed: .halfClosed
        case .closed(let closed): .closed(closed.reason)
        case .poisoned: .poisoned
        case .modifying: preconditionFailure("state observed while being modified")
        }
    }

    /// The credit left in the send window, or `nil` when the call is not open or half-closed.
    package var sendWindowAvailable: Int? {
        switch self.state {
        case .open(let open), .halfClosed(let open): open.sendWindow.available
        default: nil
        }
    }

    /// How many messages are waiting for send credit.
    package var queuedMessageCount: Int {
        switch self.state {
        case .open(let open), .halfClosed(let open): open.queue.count
        default: 0
        }
    }
}

// MARK: - Received frames

extension StreamStateMachine {
    /// The client's HEADERS opening the call; `endStream` when it carries END_STREAM.
    package mutating func receiveHeaders(endStream: Bool) -> OnReceiveHeaders {
        switch self.state {
        case .idle(let configuration):
            let open = OpenState(
                receiveWindow: FlowControlWindow(initialSize: configuration.initialReceiveWindow),
                sendWindow: FlowControlWindow(initialSize: configuration.initialSendWindow),
                maxMessageSize: configuration.maxMessageSize
            )
            self.state = endStream ? .halfClosed(open) : .open(open)
            return .startCall(endOfInput: endStream)
        case .open, .halfClosed, .closed:
            return self.violation(.protocolError, "second HEADERS on an open or closed stream")
        case .poisoned:
            return .drop
        case .modifying:
            preconditionFailure("re-entered while modifying")
        }
    }

    /// A MESSAGE of `size` payload bytes with the frame's END_STREAM and COMPRESSED flags.
    ///
    /// The size is charged to the receive window first (overrunning it is a connection error), then checked
    /// against the maximum message size (exceeding it fails only this call).
    package mutating func receiveMessage(size: Int, endStream: Bool, compressed: Bool) -> OnReceiveMessage {
        switch self.state {
        case .idle:
            return self.violation(.protocolError, "MESSAGE before HEADERS")
        case .open(var open):
            self.state = .modifying
            do {
                try open.receiveWindow.consume(size)
            } catch {
                return self.violation(error.goAwayCode, error.description)
            }
            guard size <= open.maxMessageSize else {
                let status = Status(
                    code: .resourceExhausted,
                    message: "message of \(size) bytes exceeds the maximum of \(open.maxMessageSize) bytes"
                )
                self.state = .closed(
                    ClosedState(reason: .failed(.resourceExhausted), peerEnded: endStream, peerCancelled: false)
                )
                return .failCall(status)
            }
            self.store(open, ended: endStream)
            // A deflated message is never empty, so an empty compressed MESSAGE can only be the half-close marker.
            if size == 0, compressed, endStream { return .endOfInput }
            return .deliver(compressed: compressed, endOfInput: endStream)
        case .halfClosed:
            return self.violation(.protocolError, "MESSAGE after END_STREAM")
        case .closed(let closed):
            if closed.peerCancelled { return self.violation(.protocolError, "MESSAGE after CANCEL") }
            if closed.peerEnded { return self.violation(.protocolError, "MESSAGE after END_STREAM") }
            return .drop
        case .poisoned:
            return .drop
        case .modifying:
            preconditionFailure("re-entered while modifying")
        }
    }

    /// The client's CANCEL: it aborts the call.
    package mutating func receiveCancel() -> OnReceiveCancel {
        switch self.state {
        case .idle:
            return self.violation(.protocolError, "CANCEL before HEADERS")
        case .open, .halfClosed:
            let ended = self.peerEnded
            self.state = .closed(ClosedState(reason: .cancelledByPeer, peerEnded: ended, peerCancelled: true))
            return .cancelWork
        case .closed(let closed):
            return closed.peerCancelled ? self.violation(.protocolError, "CANCEL after CANCEL") : .drop
        case .poisoned:
            return .drop
        case .modifying:
            preconditionFailure("re-entered while modifying")
        }
    }

    /// The client's WINDOW_UPDATE for this stream, granting `increment` bytes (1…2^31-1, checked by the framing).
    package mutating func receiveWindowUpdate(increment: UInt32) -> OnReceiveWindowUpdate {
        switch self.state {
        case .idle:
            return self.violation(.protocolError, "WINDOW_UPDATE before HEADERS")
        case .open(var open), .halfClosed(var open):
            let ended = self.peerEnded
            self.state = .modifying
            do {
                try open.sendWindow.grant(increment)
            } catch {
                return self.violation(error.goAwayCode, error.description)
            }
            return self.drain(open, ended: ended)
        case .closed(let closed):
            return closed.peerCancelled ? self.violation(.protocolError, "WINDOW_UPDATE after CANCEL") : .drop
        case .poisoned:
            return .drop
        case .modifying:
            preconditionFailure("re-entered while modifying")
        }
    }

    /// The application consumed a received message of `size` bytes; may call for a WINDOW_UPDATE
    /// (policy: ``FlowControlWindow/release(_:)``). Only an open call, whose client may still send, gets one.
    package mutating func messageConsumed(size: Int) -> OnMessageConsumed {
        guard case .open(var open) = self.state else { return .none }
        self.state = .modifying
        let increment = open.receiveWindow.release(size)
        self.state = .open(open)
        return increment.map { .sendWindowUpdate($0) } ?? .none
    }
}

// MARK: - Output and local events

extension StreamStateMachine {
    /// The application's response HEADERS.
    package mutating func sendHeaders() throws(UnreachableTransition) -> OnSendHeaders {
        switch self.state {
        case .open(var open), .halfClosed(var open):
            guard !open.headersSent, open.pendingTrailers == nil else {
                throw UnreachableTransition(event: "response HEADERS after HEADERS or trailers", phase: self.phase)
            }
            open.headersSent = true
            self.store(open, ended: self.peerEnded)
            return .send
        case .closed(let closed):
            try self.requireNotEndedByUs(closed, event: "response HEADERS")
            return .drop
        case .poisoned:
            return .drop
        case .idle:
            throw UnreachableTransition(event: "response HEADERS", phase: .idle)
        case .modifying:
            preconditionFailure("re-entered while modifying")
        }
    }

    /// One response message: sent now if nothing is queued and the send window has credit, queued otherwise.
    package mutating func sendMessage(_ message: OutboundMessage) throws(UnreachableTransition) -> OnSendMessage {
        switch self.state {
        case .open(var open), .halfClosed(var open):
            guard open.headersSent, open.pendingTrailers == nil else {
                throw UnreachableTransition(
                    event: "MESSAGE before response HEADERS or after trailers",
                    phase: self.phase
                )
            }
            let size = message.payload.readableBytes
            let ended = self.peerEnded
            self.state = .modifying
            if open.queue.isEmpty, open.sendWindow.canSend(size) {
                try? open.sendWindow.consume(size)  // cannot throw: canSend checked
                self.store(open, ended: ended)
                return .send(message)
            }
            open.queue.append(message)
            self.store(open, ended: ended)
            return .wait
        case .closed(let closed):
            try self.requireNotEndedByUs(closed, event: "MESSAGE")
            return .drop
        case .poisoned:
            return .drop
        case .idle:
            throw UnreachableTransition(event: "MESSAGE", phase: .idle)
        case .modifying:
            preconditionFailure("re-entered while modifying")
        }
    }

    /// The trailers ending the call: sent now, or after the messages still waiting for credit.
    package mutating func sendTrailers(_ status: Status) throws(UnreachableTransition) -> OnSendTrailers {
        switch self.state {
        case .open(var open), .halfClosed(var open):
            guard open.pendingTrailers == nil else {
                throw UnreachableTransition(event: "second trailers", phase: self.phase)
            }
            let ended = self.peerEnded
            if open.queue.isEmpty {
                self.state = .closed(ClosedState(reason: .trailersSent, peerEnded: ended, peerCancelled: false))
                return .send(status)
            }
            open.pendingTrailers = status
            self.store(open, ended: ended)
            return .wait
        case .closed(let closed):
            try self.requireNotEndedByUs(closed, event: "trailers")
            return .drop
        case .poisoned:
            return .drop
        case .idle:
            throw UnreachableTransition(event: "trailers", phase: .idle)
        case .modifying:
            preconditionFailure("re-entered while modifying")
        }
    }

    /// The call's deadline (`timeout_ms`) passed: DEADLINE_EXCEEDED trailers now and the work cancelled.
    package mutating func deadlineExpired() throws(UnreachableTransition) -> OnCallFailure {
        if case .idle = self.state { throw UnreachableTransition(event: "deadline", phase: .idle) }
        return self.fail(with: Status(code: .deadlineExceeded, message: "deadline exceeded"))
    }

    /// Fails the call with `status` (a per-call error found above the machine, such as an undecodable message):
    /// trailers now, overtaking and discarding queued messages, and the work cancelled.
    package mutating func fail(with status: Status) -> OnCallFailure {
        switch self.state {
        case .open, .halfClosed:
            let ended = self.peerEnded
            self.state = .closed(ClosedState(reason: .failed(status.code), peerEnded: ended, peerCancelled: false))
            return .failCall(status)
        case .idle:
            // A call refused before it started (e.g. too many streams) still ends with trailers.
            self.state = .closed(ClosedState(reason: .failed(status.code), peerEnded: false, peerCancelled: false))
            return .failCall(status)
        case .closed, .poisoned:
            return .drop
        case .modifying:
            preconditionFailure("re-entered while modifying")
        }
    }

    /// The application cancels the call: a CANCEL goes to the client and queued output is discarded.
    package mutating func cancel() throws(UnreachableTransition) -> OnApplicationCancel {
        switch self.state {
        case .open, .halfClosed:
            let ended = self.peerEnded
            self.state = .closed(ClosedState(reason: .cancelledByApplication, peerEnded: ended, peerCancelled: false))
            return .sendCancel
        case .closed, .poisoned:
            return .drop
        case .idle:
            throw UnreachableTransition(event: "cancel", phase: .idle)
        case .modifying:
            preconditionFailure("re-entered while modifying")
        }
    }
}

// MARK: - Helpers

extension StreamStateMachine {
    /// Poisons the machine and returns a protocol violation of any action type.
    private mutating func violation<Action: ProtocolViolationAction>(_ code: GoAwayCode, _ reason: String) -> Action {
        self.state = .poisoned
        return Action.protocolViolation(code, reason)
    }

    /// Whether the current state is half-closed: the client has finished sending.
    private var peerEnded: Bool {
        if case .halfClosed = self.state { true } else { false }
    }

    /// Writes `open` back as half-closed when `ended`, open otherwise.
    private mutating func store(_ open: OpenState, ended: Bool) {
        self.state = ended ? .halfClosed(open) : .open(open)
    }

    /// Sends what the send window now allows from the queue, then the trailers if they are next.
    private mutating func drain(_ open: OpenState, ended: Bool) -> OnReceiveWindowUpdate {
        var open = open
        var released = 0
        for message in open.queue {
            let size = message.payload.readableBytes
            guard open.sendWindow.canSend(size) else { break }
            try? open.sendWindow.consume(size)  // cannot throw: canSend checked
            released += 1
        }
        let messages = Array(open.queue.prefix(released))
        open.queue.removeFirst(released)
        if open.queue.isEmpty, let trailers = open.pendingTrailers {
            self.state = .closed(ClosedState(reason: .trailersSent, peerEnded: ended, peerCancelled: false))
            return .flush(Flush(messages: messages, trailers: trailers))
        }
        self.store(open, ended: ended)
        return messages.isEmpty ? .none : .flush(Flush(messages: messages, trailers: nil))
    }

    /// Throws when the application itself ended the call with trailers; output after that is a caller bug.
    private func requireNotEndedByUs(_ closed: ClosedState, event: String) throws(UnreachableTransition) {
        if closed.reason == .trailersSent {
            throw UnreachableTransition(event: "\(event) after trailers", phase: self.phase)
        }
    }
}

/// An action enum with a protocol-violation case, so one helper can poison the machine for every event.
private protocol ProtocolViolationAction {
    /// The peer broke the protocol: GOAWAY with the code and reason, then close the connection.
    static func protocolViolation(_ code: GoAwayCode, _ reason: String) -> Self
}

extension StreamStateMachine.OnReceiveHeaders: ProtocolViolationAction {}
extension StreamStateMachine.OnReceiveMessage: ProtocolViolationAction {}
extension StreamStateMachine.OnReceiveCancel: ProtocolViolationAction {}
extension StreamStateMachine.OnReceiveWindowUpdate: ProtocolViolationAction {}
