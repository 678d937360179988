package import WarrenProto

extension ClientConnectionStateMachine {
    /// What to do with the server's SETTINGS.
    package enum OnReceiveSettings: Hashable, Sendable {
        /// Write the SETTINGS ACK and admit the calls waiting for a stream.
        case acknowledge
        /// The server broke the protocol: GOAWAY with the code, close, fail every call.
        case protocolViolation(GoAwayCode, String)
        /// The connection is closed: ignore it.
        case drop
    }

    /// What to do with a connection-level frame (or a frame for a stream without a call).
    package enum OnReceiveFrame: Hashable, Sendable {
        /// Carry it out (for a WINDOW_UPDATE: let calls waiting for credit send).
        case accept
        /// The server broke the protocol: GOAWAY with the code, close, fail every call.
        case protocolViolation(GoAwayCode, String)
        /// Ignore it.
        case drop
    }

    /// What to do with the server's GOAWAY.
    package enum OnGoAway: Hashable, Sendable {
        /// Fail the calls with ids above `failStreamsAbove` with UNAVAILABLE; close now if `closeNow`.
        case goAway(failStreamsAbove: UInt32, closeNow: Bool)
        /// The connection is closed: ignore it.
        case drop
    }

    /// What a call wanting a stream gets.
    package enum OnOpenStream: Hashable, Sendable {
        /// Write HEADERS on `streamID` and run a stream machine with this configuration.
        case open(streamID: UInt32, ClientStreamStateMachine.Configuration)
        /// Keep the call waiting until SETTINGS arrive or a stream closes.
        case wait
        /// This connection takes no new stream; nothing was sent, so another connection may be tried.
        case refuse(RPCError)
    }
}
