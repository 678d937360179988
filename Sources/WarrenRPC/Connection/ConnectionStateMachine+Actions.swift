package import WarrenProto

extension ConnectionStateMachine {
    /// What to do with the client's decoded preface.
    package enum OnReceivePreface: Hashable, Sendable {
        /// Write our SETTINGS frame; the client's SETTINGS is expected next.
        case sendSettings(Settings)
        /// The connection is already closed: ignore it.
        case drop
    }

    /// What to do when the preface could not be decoded.
    package enum OnPrefaceFailure: Hashable, Sendable {
        /// Write this GOAWAY, then close the connection.
        case closeWithGoAway(GoAway)
        /// The connection is already closed: ignore it.
        case drop
    }

    /// What to do with the client's SETTINGS (without ACK).
    package enum OnReceiveSettings: Hashable, Sendable {
        /// The settings were applied to the send side: write a SETTINGS ACK. The handler should now keep its
        /// frames within `peerMaxFrameSize` and open new streams with the new initial send window.
        case sendAck(peerMaxFrameSize: UInt32)
        /// The client broke the protocol: write this GOAWAY, then close the connection.
        case closeWithGoAway(GoAway)
        /// The connection is already closed: ignore it.
        case drop
    }

    /// What to do with the client's SETTINGS ACK.
    package enum OnReceiveSettingsAck: Hashable, Sendable {
        /// Our SETTINGS are acknowledged; nothing to write.
        case none
        /// The client broke the protocol (an ACK nobody asked for): write this GOAWAY, then close.
        case closeWithGoAway(GoAway)
        /// The connection is already closed: ignore it.
        case drop
    }

    /// What to do with a HEADERS frame opening a new stream.
    package enum OnReceiveHeaders: Hashable, Sendable {
        /// Create the stream's ``StreamStateMachine`` with this configuration and start the call.
        case openStream(StreamStateMachine.Configuration)
        /// Refuse this stream only: write TRAILERS with this status on it; the connection carries on.
        case refuseStream(Status)
        /// The client broke the protocol: write this GOAWAY, then close the connection.
        case closeWithGoAway(GoAway)
        /// The connection is already closed: ignore it.
        case drop
    }

    /// What to do once a stream has ended.
    package enum OnStreamClosed: Hashable, Sendable {
        /// Nothing: the connection carries on.
        case none
        /// The connection was draining and this was its last stream: close it (the GOAWAY has gone out).
        case close
        /// The connection is already closed: ignore it.
        case drop
    }

    /// What to do with a MESSAGE frame's size, charged to the connection receive window.
    package enum OnReceiveMessage: Hashable, Sendable {
        /// The bytes fit the window: hand the frame to its stream.
        case accept
        /// The client broke the protocol (overran the window, or sent before SETTINGS): GOAWAY, then close.
        case closeWithGoAway(GoAway)
        /// The connection is already closed: ignore it.
        case drop
    }

    /// What to do after the application consumed received message bytes.
    package enum OnMessageConsumed: Hashable, Sendable {
        /// Write a WINDOW_UPDATE on stream 0 with this increment.
        case sendWindowUpdate(UInt32)
        /// Nothing to write yet.
        case none
    }

    /// What to do with a WINDOW_UPDATE on stream 0.
    package enum OnReceiveWindowUpdate: Hashable, Sendable {
        /// The connection send window grew; streams waiting for connection credit may write again.
        case granted
        /// The client broke the protocol (the window would pass 2^31-1): write this GOAWAY, then close.
        case closeWithGoAway(GoAway)
        /// The connection is already closed: ignore it.
        case drop
    }

    /// What to do with a PING (without ACK).
    package enum OnReceivePing: Hashable, Sendable {
        /// Write a PING with ACK echoing these bytes.
        case sendAck(PingData)
        /// The client pinged too often, or before SETTINGS: write this GOAWAY, then close.
        case closeWithGoAway(GoAway)
        /// The connection is already closed: ignore it.
        case drop
    }

    /// What to do with a PING ACK.
    package enum OnReceivePingAck: Hashable, Sendable {
        /// It answers our outstanding keepalive PING: the client is alive.
        case acknowledged
        /// The client broke the protocol (a frame before SETTINGS): write this GOAWAY, then close.
        case closeWithGoAway(GoAway)
        /// Not an answer to our PING (unsolicited, stale or the connection is closed): ignore it.
        case drop
    }

    /// What to do when the keepalive timer asks for a PING.
    package enum OnSendPing: Hashable, Sendable {
        /// Write a PING with these bytes and wait for its ACK.
        case send(PingData)
        /// A PING is already outstanding, or the connection is not active: write nothing.
        case none
    }

    /// What to do when the server starts a graceful shutdown.
    package enum OnGracefulShutdown: Hashable, Sendable {
        /// Write this GOAWAY; the connection drains and ``OnStreamClosed/close`` follows its last stream.
        case sendGoAway(GoAway)
        /// Write this GOAWAY, then close: no stream is open.
        case closeWithGoAway(GoAway)
        /// Close at once without GOAWAY: no preface has arrived, so the peer may not speak the protocol.
        case close
        /// Already draining or closed: nothing more to do.
        case none
    }

    /// What to do when the idle timer fires.
    package enum OnIdleTimeout: Hashable, Sendable {
        /// Write this GOAWAY (NO_ERROR), then close.
        case closeWithGoAway(GoAway)
        /// Streams are open, so the connection is not idle (the timer raced with a new stream): nothing.
        case none
    }

    /// What to do with a fatal error found outside the machine (framing, or a stream's protocol violation).
    package enum OnFatalError: Hashable, Sendable {
        /// Write this GOAWAY, then close the connection.
        case closeWithGoAway(GoAway)
        /// The connection is already closed: ignore it.
        case drop
    }

    /// An event the handler must never produce in the machine's state (a bug in the caller, not in the peer),
    /// such as a second preface or a stream closing when none is open.
    package typealias UnreachableTransition = UnreachableStateTransition<Phase>
}
