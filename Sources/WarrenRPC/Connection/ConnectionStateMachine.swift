package import WarrenProto

// The server side of one connection, as a pure struct: no channel, no I/O, no clock, no logging. The
// connection handler feeds it events and carries out the action each one returns (STYLE §6); the calls on
// the connection each have their own `StreamStateMachine`.
//
// States:
// - awaitingPreface: the connection is accepted; the client's 8-byte preface has not been decoded yet.
// - prefaceReceived: the preface was valid and our SETTINGS went out; the client's first frame must be its
//   SETTINGS.
// - active: the client's SETTINGS were applied to the send side and ACKed; streams may open.
// - draining: our GOAWAY went out (graceful shutdown); streams up to its last_stream_id finish, every new
//   stream is refused, and the connection closes when the last open stream ends.
// - closed: a GOAWAY and close were ordered (fatal error, idle timeout, end of a drain) or a drain finished;
//   absorbs every later event (`.drop`), so nothing is ever written after the GOAWAY.
// prefaceReceived, active and draining hold the connection data: the settings we announced and whether they
// were ACKed, the client's frame size and initial stream window, the connection send and receive windows,
// the open stream count, the highest stream id seen and the highest accepted, and the PING policing state.
//
// Error classes:
// - Connection error (`.closeWithGoAway(GoAway)`, then closed): a bad preface (BAD_PREFACE or
//   UNSUPPORTED_VERSION); any frame other than SETTINGS first after the preface, an unsolicited SETTINGS
//   ACK, a SETTINGS max_frame_size below 16 KiB, a new stream id that is even, zero, or not above every
//   id seen (PROTOCOL_ERROR); a SETTINGS window above 2^31-1 or one that would take the send window past
//   it, a WINDOW_UPDATE overflowing the send window, a MESSAGE overrunning the connection receive window
//   (FLOW_CONTROL_ERROR); too many PINGs without data (PROTOCOL_ERROR, "enhance your calm"); and errors
//   found outside the machine through `connectionError(_:_:)` or `frameError(_:)`.
// - Stream refusal (`.refuseStream(Status)`, the connection carries on): a new stream over the maximum
//   concurrent streams, or any new stream while draining; TRAILERS UNAVAILABLE on that stream only.
// - Silent drop (`.drop`): any event once closed, and a PING ACK that answers no outstanding PING of ours.
// - Unreachable transition (thrown `UnreachableTransition`, a caller bug): a preface event after the
//   preface, a stream closing when none is open, sending more than the connection send window allows.

/// The state machine of one server connection: preface, SETTINGS, stream admission, the connection
/// flow-control windows, PING policing, and shutdown, with the error classes listed at the top of this file.
package struct ConnectionStateMachine: Sendable {
    /// The machine's state as seen from outside, for handlers and tests.
    package enum Phase: Hashable, Sendable {
        /// No preface yet.
        case awaitingPreface
        /// Preface received and our SETTINGS sent; waiting for the client's SETTINGS.
        case prefaceReceived
        /// Streams may open.
        case active
        /// Our GOAWAY with this last stream id went out; open streams are finishing.
        case draining(lastStreamID: UInt32)
        /// The connection is closed (or closing); every event is dropped.
        case closed
    }

    /// Where a connection that has its SETTINGS stands.
    private enum LiveStage: Sendable {
        case active
        case draining(lastStreamID: UInt32)
    }

    /// The data of a connection past its preface.
    private struct ConnectionState: Sendable {
        var configuration: Configuration
        /// The settings we announced after the preface.
        var localSettings: Settings
        /// Whether the client ACKed them.
        var localSettingsAcked = false
        /// The largest frame the client accepts.
        var peerMaxFrameSize = Frame.minimumMaxFrameSize
        /// The client's initial stream window: our send window for each new stream.
        var peerInitialStreamWindow = ConnectionStateMachine.defaultPeerWindow
        /// Credit the client granted us on the connection.
        var sendWindow = FlowControlWindow(initialSize: ConnectionStateMachine.defaultPeerWindow)
        /// Credit we granted the client on the connection.
        var receiveWindow: FlowControlWindow
        var openStreams = 0
        /// The highest stream id of any HEADERS opening a stream, refused or not.
        var highestStreamID: UInt32 = 0
        /// The highest stream id we accepted and processed; GOAWAY's last_stream_id.
        var lastAcceptedStreamID: UInt32 = 0
        /// PINGs received in a row without data sent in between.
        var pingStrikes = 0
        /// Our keepalive PING awaiting its ACK.
        var outstandingPing: PingData?

        init(configuration: Configuration, localSettings: Settings) {
            self.configuration = configuration
            self.localSettings = localSettings
            self.receiveWindow = FlowControlWindow(initialSize: Int(localSettings.initialConnectionWindow))
        }
    }

    /// The data of a closed connection.
    private struct ClosedState: Sendable {
        var highestStreamID: UInt32
    }

    /// The private state, each case with its own data.
    private enum State: Sendable {
        case awaitingPreface(Configuration)
        case prefaceReceived(ConnectionState)
        case active(ConnectionState)
        case draining(ConnectionState, lastStreamID: UInt32)
        case closed(ClosedState)
        /// Placeholder while a case's data is mutated in place, so its storage is not copied.
        case modifying
    }

    /// What ``enterLive()`` found.
    private enum Gate {
        /// Active or draining: the data, taken out (the state is `.modifying` until written back).
        case live(ConnectionState, LiveStage)
        /// No client SETTINGS yet.
        case notReady
        /// Closed.
        case closed
    }

    /// The window sizes assumed for the client until its SETTINGS announce others (HTTP/2's default).
    package static let defaultPeerWindow = 65_535

    /// The current state and its data.
    private var state: State

    /// Creates the machine for a newly accepted connection, awaiting the preface.
    package init(configuration: Configuration = Configuration()) {
        self.state = .awaitingPreface(configuration)
    }
}

// MARK: - Observation

extension ConnectionStateMachine {
    /// The current state.
    package var phase: Phase {
        switch self.state {
        case .awaitingPreface: .awaitingPreface
        case .prefaceReceived: .prefaceReceived
        case .active: .active
        case .draining(_, let lastStreamID): .draining(lastStreamID: lastStreamID)
        case .closed: .closed
        case .modifying: preconditionFailure("state observed while being modified")
        }
    }

    /// How many streams are open (accepted and not yet closed); 0 once the connection is closed.
    package var openStreamCount: Int {
        self.connection?.openStreams ?? 0
    }

    /// The highest stream id a client HEADERS has opened on this connection, refused or not.
    package var highestStreamID: UInt32 {
        switch self.state {
        case .closed(let closed): closed.highestStreamID
        default: self.connection?.highestStreamID ?? 0
        }
    }

    /// The largest frame payload the client accepts: 16 KiB until its SETTINGS say otherwise.
    package var peerMaxFrameSize: UInt32 {
        self.connection?.peerMaxFrameSize ?? Frame.minimumMaxFrameSize
    }

    /// The credit left in the connection send window, or nil before the preface and once closed.
    package var sendWindowAvailable: Int? {
        self.connection?.sendWindow.available
    }

    /// The credit left in the connection receive window, or nil before the preface and once closed.
    package var receiveWindowAvailable: Int? {
        self.connection?.receiveWindow.available
    }

    /// The connection data, in the states that have it.
    private var connection: ConnectionState? {
        switch self.state {
        case .prefaceReceived(let connection), .active(let connection), .draining(let connection, _): connection
        case .awaitingPreface, .closed: nil
        case .modifying: preconditionFailure("state observed while being modified")
        }
    }
}

// MARK: - Helpers

extension ConnectionStateMachine {
    /// Takes the data out of an active or draining state, leaving `.modifying` until ``store(_:_:)``.
    private mutating func enterLive() -> Gate {
        switch self.state {
        case .active(let connection):
            self.state = .modifying
            return .live(connection, .active)
        case .draining(let connection, let lastStreamID):
            self.state = .modifying
            return .live(connection, .draining(lastStreamID: lastStreamID))
        case .awaitingPreface, .prefaceReceived:
            return .notReady
        case .closed:
            return .closed
        case .modifying:
            preconditionFailure("re-entered while modifying")
        }
    }

    /// Writes live connection data back in its stage.
    private mutating func store(_ connection: ConnectionState, _ stage: LiveStage) {
        switch stage {
        case .active: self.state = .active(connection)
        case .draining(let lastStreamID): self.state = .draining(connection, lastStreamID: lastStreamID)
        }
    }

    /// Closes the connection and returns the GOAWAY to write, naming the highest accepted stream id.
    private mutating func close(_ code: GoAwayCode, _ reason: String, _ connection: ConnectionState?) -> GoAway {
        self.state = .closed(ClosedState(highestStreamID: connection?.highestStreamID ?? 0))
        return GoAway(lastStreamID: connection?.lastAcceptedStreamID ?? 0, code: code, message: reason)
    }

    /// Closes the connection for a frame that arrived before the client's SETTINGS.
    private mutating func closeBeforeSettings(_ frame: String) -> GoAway {
        self.close(.protocolError, "\(frame) before the client's SETTINGS, which must come first", self.connection)
    }
}

// MARK: - Preface and SETTINGS

extension ConnectionStateMachine {
    /// The client's valid preface: answer with our SETTINGS.
    package mutating func receivePreface(_ preface: Preface) throws(UnreachableTransition) -> OnReceivePreface {
        switch self.state {
        case .awaitingPreface(let configuration):
            var settings = configuration.settings
            settings.protocolVersion = UInt32(preface.version)
            self.state = .prefaceReceived(ConnectionState(configuration: configuration, localSettings: settings))
            return .sendSettings(settings)
        case .closed:
            return .drop
        case .prefaceReceived, .active, .draining:
            throw UnreachableTransition(event: "preface", phase: self.phase)
        case .modifying:
            preconditionFailure("re-entered while modifying")
        }
    }

    /// The preface was wrong: GOAWAY with the error's code (BAD_PREFACE or UNSUPPORTED_VERSION) and close.
    package mutating func prefaceFailed(_ error: PrefaceError) throws(UnreachableTransition) -> OnPrefaceFailure {
        switch self.state {
        case .awaitingPreface:
            return .closeWithGoAway(self.close(error.goAwayCode, error.description, nil))
        case .closed:
            return .drop
        case .prefaceReceived, .active, .draining:
            throw UnreachableTransition(event: "preface failure", phase: self.phase)
        case .modifying:
            preconditionFailure("re-entered while modifying")
        }
    }

    /// The client's SETTINGS (without ACK): validated, applied to the send side, and ACKed.
    ///
    /// A zero field is one the client did not announce (proto3 cannot tell them apart) and keeps its value.
    /// `max_frame_size` below 16 KiB is a PROTOCOL_ERROR; a window above 2^31-1, or an initial connection
    /// window whose change would take the send window past it, is a FLOW_CONTROL_ERROR. The new initial
    /// stream window applies to streams opened from now on.
    package mutating func receiveSettings(_ settings: Settings) -> OnReceiveSettings {
        var connection: ConnectionState
        var stage: LiveStage
        switch self.state {
        case .prefaceReceived(let current):
            connection = current
            stage = .active
        case .active(let current):
            connection = current
            stage = .active
        case .draining(let current, let lastStreamID):
            connection = current
            stage = .draining(lastStreamID: lastStreamID)
        case .awaitingPreface:
            return .closeWithGoAway(self.closeBeforeSettings("SETTINGS"))
        case .closed:
            return .drop
        case .modifying:
            preconditionFailure("re-entered while modifying")
        }
        self.state = .modifying
        if settings.maxFrameSize != 0, settings.maxFrameSize < Frame.minimumMaxFrameSize {
            let reason = "SETTINGS max_frame_size \(settings.maxFrameSize) is below \(Frame.minimumMaxFrameSize)"
            return .closeWithGoAway(self.close(.protocolError, reason, connection))
        }
        for (name, value) in [
            ("initial_stream_window", settings.initialStreamWindow),
            ("initial_connection_window", settings.initialConnectionWindow),
        ] where Int(value) > FlowControlWindow.maxSize {
            let reason = "SETTINGS \(name) \(value) is above \(FlowControlWindow.maxSize)"
            return .closeWithGoAway(self.close(.flowControlError, reason, connection))
        }
        if settings.initialConnectionWindow != 0 {
            do {
                try connection.sendWindow.updateTarget(to: Int(settings.initialConnectionWindow))
            } catch {
                return .closeWithGoAway(self.close(error.goAwayCode, error.description, connection))
            }
        }
        if settings.maxFrameSize != 0 { connection.peerMaxFrameSize = settings.maxFrameSize }
        if settings.initialStreamWindow != 0 { connection.peerInitialStreamWindow = Int(settings.initialStreamWindow) }
        self.store(connection, stage)
        return .sendAck(peerMaxFrameSize: connection.peerMaxFrameSize)
    }

    /// The client's ACK of our SETTINGS; a second one, with no SETTINGS outstanding, is a PROTOCOL_ERROR.
    package mutating func receiveSettingsAck() -> OnReceiveSettingsAck {
        switch self.enterLive() {
        case .notReady:
            return .closeWithGoAway(self.closeBeforeSettings("SETTINGS ACK"))
        case .closed:
            return .drop
        case .live(var connection, let stage):
            guard !connection.localSettingsAcked else {
                return .closeWithGoAway(
                    self.close(.protocolError, "SETTINGS ACK with no SETTINGS outstanding", connection)
                )
            }
            connection.localSettingsAcked = true
            self.store(connection, stage)
            return .none
        }
    }
}

// MARK: - Streams

extension ConnectionStateMachine {
    /// A HEADERS frame on a stream id with no open stream: the client opens a new call.
    ///
    /// The id must be odd and above every id seen before (an even, reused or decreasing id is a
    /// PROTOCOL_ERROR). A stream over the maximum concurrent streams, or any new stream while draining, is
    /// refused with TRAILERS UNAVAILABLE and the connection carries on.
    package mutating func receiveHeaders(streamID: UInt32) -> OnReceiveHeaders {
        switch self.enterLive() {
        case .notReady:
            return .closeWithGoAway(self.closeBeforeSettings("HEADERS"))
        case .closed:
            return .drop
        case .live(var connection, let stage):
            guard streamID % 2 == 1 else {
                let reason = "HEADERS on stream \(streamID); clients open streams with odd ids"
                return .closeWithGoAway(self.close(.protocolError, reason, connection))
            }
            guard streamID > connection.highestStreamID else {
                let reason =
                    "HEADERS on stream \(streamID), not above the highest stream id seen "
                    + "(\(connection.highestStreamID)): stream ids must strictly increase and are never reused"
                return .closeWithGoAway(self.close(.protocolError, reason, connection))
            }
            connection.highestStreamID = streamID
            if case .draining(let lastStreamID) = stage, streamID > lastStreamID {
                self.store(connection, stage)
                return .refuseStream(Status(code: .unavailable, message: "the server is shutting down"))
            }
            guard connection.openStreams < Int(connection.localSettings.maxConcurrentStreams) else {
                self.store(connection, stage)
                return .refuseStream(Status(code: .unavailable, message: "too many concurrent streams"))
            }
            connection.openStreams += 1
            connection.lastAcceptedStreamID = streamID
            let configuration = StreamStateMachine.Configuration(
                maxMessageSize: Int(connection.localSettings.maxMessageSize),
                initialReceiveWindow: Int(connection.localSettings.initialStreamWindow),
                initialSendWindow: connection.peerInitialStreamWindow
            )
            self.store(connection, stage)
            return .openStream(configuration)
        }
    }

    /// An accepted stream ended (its machine closed or was poisoned): bookkeeping, and the end of a drain.
    package mutating func streamClosed() throws(UnreachableTransition) -> OnStreamClosed {
        switch self.enterLive() {
        case .notReady:
            throw UnreachableTransition(event: "stream closed", phase: self.phase)
        case .closed:
            return .drop
        case .live(var connection, let stage):
            guard connection.openStreams > 0 else {
                self.store(connection, stage)
                throw UnreachableTransition(event: "stream closed with no stream open", phase: self.phase)
            }
            connection.openStreams -= 1
            if case .draining = stage, connection.openStreams == 0 {
                self.state = .closed(ClosedState(highestStreamID: connection.highestStreamID))
                return .close
            }
            self.store(connection, stage)
            return .none
        }
    }
}

// MARK: - Connection flow control

extension ConnectionStateMachine {
    /// A MESSAGE frame of `size` payload bytes, charged to the connection receive window (D26: a non-empty
    /// frame with no credit left is a FLOW_CONTROL_ERROR). Call it before handing the frame to its stream.
    package mutating func receiveMessage(size: Int) -> OnReceiveMessage {
        switch self.enterLive() {
        case .notReady:
            return .closeWithGoAway(self.closeBeforeSettings("MESSAGE"))
        case .closed:
            return .drop
        case .live(var connection, let stage):
            do {
                try connection.receiveWindow.consume(size)
            } catch {
                return .closeWithGoAway(self.close(error.goAwayCode, error.description, connection))
            }
            self.store(connection, stage)
            return .accept
        }
    }

    /// The application consumed `size` received message bytes; may call for a WINDOW_UPDATE on stream 0
    /// (policy: ``FlowControlWindow/release(_:)``).
    package mutating func messageConsumed(size: Int) -> OnMessageConsumed {
        guard case .live(var connection, let stage) = self.enterLive() else { return .none }
        let increment = connection.receiveWindow.release(size)
        self.store(connection, stage)
        return increment.map { .sendWindowUpdate($0) } ?? .none
    }

    /// The client's WINDOW_UPDATE on stream 0, granting `increment` bytes (1…2^31-1, checked by the framing).
    package mutating func receiveWindowUpdate(increment: UInt32) -> OnReceiveWindowUpdate {
        switch self.enterLive() {
        case .notReady:
            return .closeWithGoAway(self.closeBeforeSettings("WINDOW_UPDATE"))
        case .closed:
            return .drop
        case .live(var connection, let stage):
            do {
                try connection.sendWindow.grant(increment)
            } catch {
                return .closeWithGoAway(self.close(error.goAwayCode, error.description, connection))
            }
            self.store(connection, stage)
            return .granted
        }
    }

    /// Whether a MESSAGE of `size` bytes may be written now as far as the connection window goes (D26).
    package func canSend(size: Int) -> Bool {
        switch self.state {
        case .active(let connection), .draining(let connection, _): connection.sendWindow.canSend(size)
        default: false
        }
    }

    /// A MESSAGE of `size` bytes was written: charge it to the connection send window.
    ///
    /// - Throws: ``UnreachableTransition`` when ``canSend(size:)`` would have said no.
    package mutating func messageSent(size: Int) throws(UnreachableTransition) {
        guard case .live(var connection, let stage) = self.enterLive() else {
            throw UnreachableTransition(event: "MESSAGE sent", phase: self.phase)
        }
        defer { self.store(connection, stage) }
        do {
            try connection.sendWindow.consume(size)
        } catch {
            let phase: Phase =
                switch stage {
                case .active: .active
                case .draining(let lastStreamID): .draining(lastStreamID: lastStreamID)
                }
            throw UnreachableTransition(event: "MESSAGE sent beyond the connection window", phase: phase)
        }
    }
}

// MARK: - PING, shutdown and errors

extension ConnectionStateMachine {
    /// The client's PING: answered with an ACK, unless it is one PING too many.
    ///
    /// Policy: a PING received when no data (HEADERS, MESSAGE or TRAILERS) was sent since the previous one is
    /// a strike; `dataSentSinceLastPing` clears the strikes. The caller chooses the window by what it reports
    /// (for instance, true also once its ping-window timer has expired). More than
    /// ``Configuration/maxPingStrikes`` strikes in a row close the connection with GOAWAY PROTOCOL_ERROR.
    package mutating func receivePing(_ data: PingData, dataSentSinceLastPing: Bool) -> OnReceivePing {
        switch self.enterLive() {
        case .notReady:
            return .closeWithGoAway(self.closeBeforeSettings("PING"))
        case .closed:
            return .drop
        case .live(var connection, let stage):
            connection.pingStrikes = dataSentSinceLastPing ? 0 : connection.pingStrikes + 1
            guard connection.pingStrikes <= connection.configuration.maxPingStrikes else {
                let reason = "enhance your calm: too many PINGs without data (\(connection.pingStrikes))"
                return .closeWithGoAway(self.close(.protocolError, reason, connection))
            }
            self.store(connection, stage)
            return .sendAck(data)
        }
    }

    /// The keepalive timer asks for a PING carrying `data`; only one is outstanding at a time.
    package mutating func sendKeepalivePing(_ data: PingData) -> OnSendPing {
        guard case .live(var connection, let stage) = self.enterLive() else { return .none }
        defer { self.store(connection, stage) }
        guard connection.outstandingPing == nil else { return .none }
        connection.outstandingPing = data
        return .send(data)
    }

    /// The client's PING ACK: it answers our keepalive PING if its bytes match.
    package mutating func receivePingAck(_ data: PingData) -> OnReceivePingAck {
        switch self.enterLive() {
        case .notReady:
            return .closeWithGoAway(self.closeBeforeSettings("PING ACK"))
        case .closed:
            return .drop
        case .live(var connection, let stage):
            defer { self.store(connection, stage) }
            guard connection.outstandingPing == data else { return .drop }
            connection.outstandingPing = nil
            return .acknowledged
        }
    }

    /// The server shuts down gracefully: GOAWAY SHUTDOWN naming the highest accepted stream; the
    /// connection drains, or closes at once when no stream is open.
    package mutating func beginGracefulShutdown() -> OnGracefulShutdown {
        let reason = "the server is shutting down"
        switch self.state {
        case .awaitingPreface:
            self.state = .closed(ClosedState(highestStreamID: 0))
            return .close
        case .prefaceReceived(let connection), .active(let connection):
            guard connection.openStreams > 0 else {
                return .closeWithGoAway(self.close(.shutdown, reason, connection))
            }
            let lastStreamID = connection.lastAcceptedStreamID
            self.state = .draining(connection, lastStreamID: lastStreamID)
            return .sendGoAway(GoAway(lastStreamID: lastStreamID, code: .shutdown, message: reason))
        case .draining, .closed:
            return .none
        case .modifying:
            preconditionFailure("re-entered while modifying")
        }
    }

    /// The idle timer fired: with no stream open, GOAWAY NO_ERROR and close.
    package mutating func idleTimeoutFired() -> OnIdleTimeout {
        switch self.state {
        case .awaitingPreface, .closed:
            break
        case .prefaceReceived(let connection), .active(let connection), .draining(let connection, _):
            guard connection.openStreams == 0 else { return .none }
        case .modifying:
            preconditionFailure("re-entered while modifying")
        }
        if case .closed = self.state { return .none }
        return .closeWithGoAway(self.close(.noError, "idle timeout", self.connection))
    }

    /// A fatal error found outside the machine (a stream's protocol violation, an internal failure):
    /// GOAWAY with `code` and `reason`, then close.
    package mutating func connectionError(_ code: GoAwayCode, _ reason: String) -> OnFatalError {
        switch self.state {
        case .closed:
            return .drop
        case .modifying:
            preconditionFailure("re-entered while modifying")
        default:
            return .closeWithGoAway(self.close(code, reason, self.connection))
        }
    }

    /// A frame the decoder rejected: GOAWAY with the error's code (FRAME_TOO_LARGE or PROTOCOL_ERROR), then close.
    package mutating func frameError(_ error: FrameError) -> OnFatalError {
        self.connectionError(error.goAwayCode, error.description)
    }
}
