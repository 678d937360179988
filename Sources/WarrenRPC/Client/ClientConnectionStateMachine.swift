package import WarrenProto

// The client side of one connection, as a pure struct: no channel, no I/O, no clock, no logging. The client
// connection handler feeds it events and carries out the action each one returns (STYLE §6); each call on
// the connection has its own `ClientStreamStateMachine`.
//
// States:
// - awaitingSettings: our preface and SETTINGS went out; the server's SETTINGS have not arrived. Streams wait,
//   since until then we know neither the server's limits nor whether it inflates requests.
// - active: the server's SETTINGS were applied and ACKed; streams open up to its max_concurrent_streams and
//   wait beyond it.
// - goingAway: the server's GOAWAY arrived (or our own `close()` began); no new stream opens here, open ones
//   finish, and the connection closes when the last one ends.
// - closed: the channel is closing or closed; everything is dropped.
// awaitingSettings, active and goingAway hold the server's limits, both connection windows, the next stream id,
// the open stream count and the outstanding keepalive PING.
//
// Error classes:
// - Protocol violation (`.protocolViolation(GoAwayCode, reason)`, then closed): a SETTINGS max_frame_size below
//   16 KiB or a window above 2^31-1, an unsolicited SETTINGS ACK, a frame on a stream we never opened, a
//   MESSAGE overrunning the connection receive window, a WINDOW_UPDATE overflowing the send window.
// - Refusal (`.refuse(RPCError)`, UNAVAILABLE): a new stream once going away or closed, or once the u32 stream
//   ids are used up; nothing was sent, so the caller may retry on a new connection.
// - Silent drop (`.drop`): a frame for a stream we already closed (it raced with our CANCEL), and every event
//   once closed.

/// The state machine of one client connection: the server's SETTINGS, stream admission and ids, the connection
/// flow-control windows, GOAWAY and keepalive, with the error classes listed at the top of this file.
package struct ClientConnectionStateMachine: Sendable {
    /// The machine's state as seen from outside, for handlers and tests.
    package enum Phase: Hashable, Sendable {
        /// Waiting for the server's SETTINGS.
        case awaitingSettings
        /// Streams may open.
        case active
        /// No stream opens; open ones finish. `lastStreamID` is the server's GOAWAY's (nil after our `close()`).
        case goingAway(lastStreamID: UInt32?)
        /// Closed or closing.
        case closed
    }

    /// The server's limits, as its SETTINGS announced them; the protocol's defaults until then.
    package struct PeerSettings: Hashable, Sendable {
        /// The largest frame payload the server accepts.
        package var maxFrameSize = Int(Frame.minimumMaxFrameSize)
        /// The most streams the server keeps open at once; nil when not announced.
        package var maxConcurrentStreams: Int?
        /// What we may send on a new stream before the server grants more.
        package var initialStreamWindow = ClientConnectionStateMachine.defaultWindow
        /// The largest request message the server accepts; nil when not announced.
        package var maxMessageSize: Int?
        /// Whether the server inflates deflated requests.
        package var acceptsDeflate = false
    }

    /// The window every peer assumes until the other's SETTINGS say otherwise.
    package static let defaultWindow = 65_535

    /// The largest stream id.
    private static let maxStreamID = UInt64(UInt32.max)

    package private(set) var phase: Phase = .awaitingSettings
    /// The server's limits.
    package private(set) var peer = PeerSettings()
    /// Calls open on this connection.
    package private(set) var openStreams = 0
    private let streamConfiguration: ClientStreamStateMachine.Configuration
    private var sendWindow = FlowControlWindow(initialSize: ClientConnectionStateMachine.defaultWindow)
    private var receiveWindow: FlowControlWindow
    private var nextStreamID: UInt64 = 1
    private var settingsAckPending = true
    private var outstandingPing: PingData?

    /// Creates the machine of a connection whose preface and SETTINGS (`ours`) were just written.
    ///
    /// - Parameter maxMessageSize: the largest response message accepted on any call.
    package init(ours: Settings, maxMessageSize: Int) {
        self.receiveWindow = FlowControlWindow(initialSize: Int(ours.initialConnectionWindow))
        self.streamConfiguration = ClientStreamStateMachine.Configuration(
            maxMessageSize: maxMessageSize,
            initialReceiveWindow: Int(ours.initialStreamWindow),
            initialSendWindow: Self.defaultWindow
        )
    }

    /// The credit left in the connection send window.
    package var sendWindowAvailable: Int { self.sendWindow.available }

    /// Whether a new call may be started here (or wait here for a slot).
    package var isAcceptingStreams: Bool {
        switch self.phase {
        case .awaitingSettings, .active: true
        case .goingAway, .closed: false
        }
    }
}

// MARK: - Connection frames

extension ClientConnectionStateMachine {
    /// The server's SETTINGS: applied, then ACKed; the first one makes the connection active.
    package mutating func receiveSettings(_ settings: Settings) -> OnReceiveSettings {
        guard self.phase != .closed else { return .drop }
        if settings.maxFrameSize != 0, settings.maxFrameSize < Frame.minimumMaxFrameSize {
            return self.violation(.protocolError, "SETTINGS max_frame_size \(settings.maxFrameSize) is below 16 KiB")
        }
        guard Int(settings.initialStreamWindow) <= FlowControlWindow.maxSize,
            Int(settings.initialConnectionWindow) <= FlowControlWindow.maxSize
        else {
            return self.violation(.flowControlError, "SETTINGS window above 2^31-1")
        }
        if settings.initialConnectionWindow != 0 {
            do {
                try self.sendWindow.updateTarget(to: Int(settings.initialConnectionWindow))
            } catch {
                return self.violation(error.goAwayCode, error.description)
            }
        }
        self.apply(settings)
        if self.phase == .awaitingSettings { self.phase = .active }
        return .acknowledge
    }

    /// The server's ACK of our SETTINGS.
    package mutating func receiveSettingsAck() -> OnReceiveFrame {
        guard self.phase != .closed else { return .drop }
        guard self.settingsAckPending else { return self.violation(.protocolError, "unsolicited SETTINGS ACK") }
        self.settingsAckPending = false
        return .accept
    }

    /// The server's GOAWAY: calls above its `last_stream_id` were never processed and fail; the others finish.
    package mutating func receiveGoAway(lastStreamID: UInt32) -> OnGoAway {
        guard self.phase != .closed else { return .drop }
        self.phase = .goingAway(lastStreamID: lastStreamID)
        return .goAway(failStreamsAbove: lastStreamID, closeNow: self.openStreams == 0)
    }

    /// Our own graceful close: no new streams; returns whether the connection may close now.
    package mutating func beginClose() -> Bool {
        switch self.phase {
        case .closed: return false
        case .goingAway: break
        case .awaitingSettings, .active: self.phase = .goingAway(lastStreamID: nil)
        }
        return self.openStreams == 0
    }

    /// The channel is closing: every later event is dropped.
    package mutating func close() {
        self.phase = .closed
    }

    /// A frame for a stream that has no call on this connection.
    package mutating func receiveFrameForUnknownStream(_ streamID: UInt32) -> OnReceiveFrame {
        guard self.phase != .closed else { return .drop }
        guard UInt64(streamID) < self.nextStreamID else {
            return self.violation(.protocolError, "frame on stream \(streamID), which the client never opened")
        }
        return .drop
    }

    private mutating func apply(_ settings: Settings) {
        if settings.maxFrameSize != 0 { self.peer.maxFrameSize = Int(settings.maxFrameSize) }
        if settings.maxConcurrentStreams != 0 { self.peer.maxConcurrentStreams = Int(settings.maxConcurrentStreams) }
        if settings.initialStreamWindow != 0 { self.peer.initialStreamWindow = Int(settings.initialStreamWindow) }
        if settings.maxMessageSize != 0 { self.peer.maxMessageSize = Int(settings.maxMessageSize) }
        self.peer.acceptsDeflate = settings.supportedEncodings.contains(MessageCompression.encodingName)
    }

    private mutating func violation(_ code: GoAwayCode, _ reason: String) -> OnReceiveSettings {
        self.phase = .closed
        return .protocolViolation(code, reason)
    }

    private mutating func violation(_ code: GoAwayCode, _ reason: String) -> OnReceiveFrame {
        self.phase = .closed
        return .protocolViolation(code, reason)
    }
}

// MARK: - Streams

extension ClientConnectionStateMachine {
    /// A call wants a stream: it gets the next odd id, waits for SETTINGS or a free slot, or is refused.
    package mutating func openStream() -> OnOpenStream {
        switch self.phase {
        case .awaitingSettings:
            return .wait
        case .goingAway, .closed:
            return .refuse(RPCError(.unavailable, "the connection is going away"))
        case .active:
            if let limit = self.peer.maxConcurrentStreams, self.openStreams >= limit { return .wait }
            guard self.nextStreamID <= Self.maxStreamID else {
                self.phase = .goingAway(lastStreamID: nil)
                return .refuse(RPCError(.unavailable, "the connection has used up its stream ids"))
            }
            let streamID = UInt32(self.nextStreamID)
            self.nextStreamID += 2
            self.openStreams += 1
            var configuration = self.streamConfiguration
            configuration.initialSendWindow = self.peer.initialStreamWindow
            return .open(streamID: streamID, configuration)
        }
    }

    /// A stream id was taken but its HEADERS could not be encoded: the slot is free again (the id stays used).
    package mutating func streamClosedBeforeSending() {
        precondition(self.openStreams > 0, "a stream closed while none was open")
        self.openStreams -= 1
    }

    /// A call ended; returns whether the connection should now close (going away with no call left).
    package mutating func streamClosed() -> Bool {
        precondition(self.openStreams > 0, "a stream closed while none was open")
        self.openStreams -= 1
        guard case .goingAway = self.phase else { return false }
        return self.openStreams == 0
    }
}

// MARK: - Flow control

extension ClientConnectionStateMachine {
    /// Whether a request MESSAGE of `size` bytes fits the connection send window now (D26: a non-empty message
    /// needs positive credit and may overdraw it).
    package func canSend(_ size: Int) -> Bool {
        self.sendWindow.canSend(size)
    }

    /// Charges a request MESSAGE of `size` bytes that ``canSend(_:)`` allowed.
    package mutating func messageSent(size: Int) {
        do {
            try self.sendWindow.consume(size)
        } catch {
            preconditionFailure("sent \(size) bytes without connection credit: \(error)")
        }
    }

    /// The server's WINDOW_UPDATE on stream 0; `.accept` means calls waiting for credit may now send.
    package mutating func receiveWindowUpdate(_ increment: UInt32) -> OnReceiveFrame {
        guard self.phase != .closed else { return .drop }
        do {
            try self.sendWindow.grant(increment)
        } catch {
            self.close()
            return .protocolViolation(error.goAwayCode, error.description)
        }
        return .accept
    }

    /// A response MESSAGE of `size` bytes arrived on any stream, open or not: it is charged to the connection.
    package mutating func receiveMessage(size: Int) -> OnReceiveFrame {
        guard self.phase != .closed else { return .drop }
        do {
            try self.receiveWindow.consume(size)
        } catch {
            self.close()
            return .protocolViolation(error.goAwayCode, error.description)
        }
        return .accept
    }

    /// `size` received bytes left the connection (the application read them, or they were discarded with their
    /// call); returns the connection WINDOW_UPDATE increment to send, if the policy calls for one now.
    package mutating func messageConsumed(size: Int) -> UInt32? {
        guard self.phase != .closed else { return nil }
        return self.receiveWindow.release(size)
    }
}

// MARK: - Keepalive

extension ClientConnectionStateMachine {
    /// The keepalive timer fired: PING only while calls are open (an idle PING is a strike on the server, D27)
    /// and none is outstanding.
    package mutating func keepaliveTick(_ data: PingData) -> PingData? {
        guard self.phase != .closed, self.openStreams > 0, self.outstandingPing == nil else { return nil }
        self.outstandingPing = data
        return data
    }

    /// A PING ACK arrived; returns whether it answered our outstanding keepalive PING.
    package mutating func receivePingAck(_ data: PingData) -> Bool {
        guard self.outstandingPing == data else { return false }
        self.outstandingPing = nil
        return true
    }
}
