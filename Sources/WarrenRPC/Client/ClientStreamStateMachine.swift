package import WarrenProto

// The client side of one call (one stream id), as a pure struct: no channel, no I/O, no clock, no logging.
// The client connection handler feeds it events and carries out the action each one returns (STYLE §6).
//
// A machine is created when the stream opens, that is when our HEADERS go out, so it has no idle state.
//
// States:
// - open: we may still send requests; `responseStarted` says whether the server's HEADERS arrived.
// - halfClosed: our END_STREAM went out; the response may still be arriving.
// - closed: the call is over, because TRAILERS arrived, the server sent CANCEL, or we cancelled it (the
//   caller, the deadline, an oversized response); remembers why.
// Both open and halfClosed hold the send window (credit the server granted) and the receive window (credit we
// granted, returned as the application consumes responses, D26's policy mirrored).
//
// Error classes:
// - Protocol violation (`.protocolViolation(GoAwayCode, reason)`: the connection is closed and every call on
//   it fails): a MESSAGE before the response HEADERS, a second response HEADERS, a MESSAGE overrunning the
//   receive window, a WINDOW_UPDATE overflowing the send window (FLOW_CONTROL_ERROR).
// - Per-call failure (`.failCall(RPCError)`, this call only): a response MESSAGE over the maximum message
//   size (RESOURCE_EXHAUSTED, and we send CANCEL), the server's CANCEL (CANCELLED).
// - Silent drop (`.drop`): any server frame once the call is closed (it raced with our CANCEL), and sends
//   after the call ended for a reason the sender did not choose.
// - Unreachable transition (thrown `UnreachableTransition`, a caller bug): a request or END_STREAM after our
//   own END_STREAM.

/// The state machine of one call on the client: request and response progress and both flow-control windows,
/// with the error classes listed at the top of this file.
package struct ClientStreamStateMachine: Sendable {
    /// The caller attempted an event this state does not allow.
    package typealias UnreachableTransition = UnreachableStateTransition<Phase>

    /// Limits for one call, from our configuration and the server's SETTINGS.
    package struct Configuration: Hashable, Sendable {
        /// The largest response MESSAGE payload accepted, in bytes.
        package var maxMessageSize: Int
        /// Our `initial_stream_window`: what the server may send unacknowledged.
        package var initialReceiveWindow: Int
        /// The server's `initial_stream_window`: what we may send before it grants more.
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
        /// The server's TRAILERS arrived with this code.
        case trailers(StatusCode)
        /// The server sent CANCEL.
        case cancelledByServer
        /// We sent CANCEL, failing the call with this code.
        case cancelled(StatusCode)
    }

    /// The machine's state as seen from outside, for handlers and tests.
    package enum Phase: Hashable, Sendable {
        /// We may send; `responseStarted` once the server's HEADERS arrived.
        case open(responseStarted: Bool)
        /// Our END_STREAM went out; `responseStarted` once the server's HEADERS arrived.
        case halfClosed(responseStarted: Bool)
        /// The call is over.
        case closed(CloseReason)
    }

    private let maxMessageSize: Int
    private var sendWindow: FlowControlWindow
    private var receiveWindow: FlowControlWindow
    private var requestEnded = false
    private var responseStarted = false
    private var closeReason: CloseReason?

    /// Creates the machine of a stream whose HEADERS just went out, with END_STREAM when `endStream`.
    package init(configuration: Configuration, endStream: Bool = false) {
        self.maxMessageSize = configuration.maxMessageSize
        self.sendWindow = FlowControlWindow(initialSize: configuration.initialSendWindow)
        self.receiveWindow = FlowControlWindow(initialSize: configuration.initialReceiveWindow)
        self.requestEnded = endStream
    }

    /// The current state.
    package var phase: Phase {
        if let closeReason = self.closeReason { return .closed(closeReason) }
        return self.requestEnded
            ? .halfClosed(responseStarted: self.responseStarted) : .open(responseStarted: self.responseStarted)
    }

    /// Whether the call is over.
    package var isClosed: Bool { self.closeReason != nil }

    /// The credit left in the send window.
    package var sendWindowAvailable: Int { self.sendWindow.available }
}

// MARK: - Our frames

extension ClientStreamStateMachine {
    /// A request MESSAGE of `size` payload bytes, with END_STREAM when `endStream`; the connection window has
    /// been checked by the caller.
    package mutating func sendMessage(size: Int, endStream: Bool) throws(UnreachableTransition) -> OnSendMessage {
        if self.isClosed { return .drop }
        guard !self.requestEnded else { throw UnreachableTransition(event: "send MESSAGE", phase: self.phase) }
        guard self.sendWindow.canSend(size) else { return .wait }
        try! self.sendWindow.consume(size)  // cannot throw: canSend was checked just above
        self.requestEnded = endStream
        return .send
    }

    /// Our END_STREAM without a message (a bare half-close).
    package mutating func endRequests() throws(UnreachableTransition) -> OnSendMessage {
        if self.isClosed { return .drop }
        guard !self.requestEnded else { throw UnreachableTransition(event: "END_STREAM", phase: self.phase) }
        self.requestEnded = true
        return .send
    }

    /// The caller cancelled the call, its deadline passed or a response could not be accepted: CANCEL goes
    /// out unless the call already ended.
    package mutating func cancel(_ code: StatusCode) -> OnCancel {
        if self.isClosed { return .drop }
        self.closeReason = .cancelled(code)
        return .sendCancel
    }

    /// The application consumed a response of `size` bytes; returns the stream WINDOW_UPDATE increment to
    /// send, if the policy calls for one now.
    package mutating func messageConsumed(size: Int) -> UInt32? {
        if self.isClosed { return nil }
        return self.receiveWindow.release(size)
    }
}

// MARK: - The server's frames

extension ClientStreamStateMachine {
    /// The server's response HEADERS.
    package mutating func receiveHeaders() -> OnReceiveFrame {
        if self.isClosed { return .drop }
        guard !self.responseStarted else { return .protocolViolation(.protocolError, "second response HEADERS") }
        self.responseStarted = true
        return .accept
    }

    /// A response MESSAGE of `size` payload bytes.
    ///
    /// The size is charged to the receive window first (overrunning it is a connection error), then checked
    /// against the maximum message size (exceeding it fails only this call).
    package mutating func receiveMessage(size: Int) -> OnReceiveFrame {
        if self.isClosed { return .drop }
        guard self.responseStarted else { return .protocolViolation(.protocolError, "MESSAGE before HEADERS") }
        do {
            try self.receiveWindow.consume(size)
        } catch {
            return .protocolViolation(error.goAwayCode, error.description)
        }
        guard size <= self.maxMessageSize else {
            self.closeReason = .cancelled(.resourceExhausted)
            let message = "response of \(size) bytes exceeds the maximum message size of \(self.maxMessageSize) bytes"
            return .failCall(RPCError(.resourceExhausted, message), sendCancel: true)
        }
        return .accept
    }

    /// The server's TRAILERS: the call is over with `code`.
    package mutating func receiveTrailers(code: StatusCode) -> OnReceiveFrame {
        if self.isClosed { return .drop }
        self.closeReason = .trailers(code)
        return .accept
    }

    /// The server's CANCEL: the call is over.
    package mutating func receiveCancel() -> OnReceiveFrame {
        if self.isClosed { return .drop }
        self.closeReason = .cancelledByServer
        return .failCall(RPCError(.cancelled, "the server cancelled the call"), sendCancel: false)
    }

    /// The server's WINDOW_UPDATE for this stream; `.accept` means waiting requests may now go.
    package mutating func receiveWindowUpdate(_ increment: UInt32) -> OnReceiveFrame {
        if self.isClosed { return .drop }
        do {
            try self.sendWindow.grant(increment)
        } catch {
            return .protocolViolation(error.goAwayCode, error.description)
        }
        return .accept
    }
}
