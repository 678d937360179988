package import WarrenProto

extension ClientStreamStateMachine {
    /// What to do with a request MESSAGE or END_STREAM.
    package enum OnSendMessage: Hashable, Sendable {
        /// Write the frame now; its size has been charged.
        case send
        /// The send window is exhausted: keep the frame until a WINDOW_UPDATE.
        case wait
        /// The call already ended: discard the frame and report the call's outcome to the sender.
        case drop
    }

    /// What to do on a local cancellation.
    package enum OnCancel: Hashable, Sendable {
        /// Write CANCEL and fail the call.
        case sendCancel
        /// The call already ended; nothing to send.
        case drop
    }

    /// What to do with a frame the server sent on this stream.
    package enum OnReceiveFrame: Hashable, Sendable {
        /// Carry out the frame: deliver it to the call, or resume waiting requests.
        case accept
        /// Fail this call with the error, writing CANCEL first when `sendCancel`.
        case failCall(RPCError, sendCancel: Bool)
        /// The server broke the protocol: GOAWAY with the code, close, fail every call.
        case protocolViolation(GoAwayCode, String)
        /// The call is already over: ignore the frame.
        case drop
    }
}
