import NIOCore
import Testing
import WarrenProto
import WarrenRPC

/// A state of `StreamStateMachine` that the tests can build, and how to reach it.
enum StreamFixture: String, CaseIterable, CustomTestStringConvertible {
    case idle
    case open
    case openWithHeadersSent
    case halfClosed
    case closedByTrailersPeerOpen
    case closedByTrailersPeerEnded
    case closedByPeerCancel
    case closedByApplicationCancel
    case closedByDeadline
    case poisoned

    /// The limits every test machine uses: 100-byte messages, a 200-byte receive and a 10-byte send window.
    static let configuration = StreamStateMachine.Configuration(
        maxMessageSize: 100,
        initialReceiveWindow: 200,
        initialSendWindow: 10
    )

    var testDescription: String { self.rawValue }

    /// A machine in this state.
    func make() throws -> StreamStateMachine {
        var machine = StreamStateMachine(configuration: Self.configuration)
        switch self {
        case .idle:
            break
        case .open:
            _ = machine.receiveHeaders(endStream: false)
        case .openWithHeadersSent:
            _ = machine.receiveHeaders(endStream: false)
            _ = try machine.sendHeaders()
        case .halfClosed:
            _ = machine.receiveHeaders(endStream: true)
        case .closedByTrailersPeerOpen:
            _ = machine.receiveHeaders(endStream: false)
            _ = try machine.sendTrailers(Status(code: .ok))
        case .closedByTrailersPeerEnded:
            _ = machine.receiveHeaders(endStream: true)
            _ = try machine.sendTrailers(Status(code: .ok))
        case .closedByPeerCancel:
            _ = machine.receiveHeaders(endStream: false)
            _ = machine.receiveCancel()
        case .closedByApplicationCancel:
            _ = machine.receiveHeaders(endStream: false)
            _ = try machine.cancel()
        case .closedByDeadline:
            _ = machine.receiveHeaders(endStream: false)
            _ = try machine.deadlineExpired()
        case .poisoned:
            _ = machine.receiveMessage(size: 1, endStream: false, compressed: false)
        }
        return machine
    }
}

/// A frame the client sends, for the per-state tables.
enum ReceivedFrame: String, CaseIterable, CustomTestStringConvertible {
    case headers, message, messageEndStream, cancel, windowUpdate

    var testDescription: String { self.rawValue }
}

/// How the machine classified an event.
enum Outcome: Hashable, CustomTestStringConvertible {
    case accepted
    case violation(GoAwayCode)
    case drop
    case failCall(StatusCode)
    case wait
    case unreachable

    var testDescription: String { "\(self)" }
}

extension StreamStateMachine {
    /// Feeds the machine a frame from the client and classifies the action.
    mutating func apply(_ frame: ReceivedFrame) -> Outcome {
        switch frame {
        case .headers:
            switch self.receiveHeaders(endStream: false) {
            case .startCall: return .accepted
            case .protocolViolation(let code, _): return .violation(code)
            case .drop: return .drop
            }
        case .message, .messageEndStream:
            switch self.receiveMessage(size: 5, endStream: frame == .messageEndStream, compressed: false) {
            case .deliver, .endOfInput: return .accepted
            case .failCall(let status): return .failCall(status.code)
            case .protocolViolation(let code, _): return .violation(code)
            case .drop: return .drop
            }
        case .cancel:
            switch self.receiveCancel() {
            case .cancelWork: return .accepted
            case .protocolViolation(let code, _): return .violation(code)
            case .drop: return .drop
            }
        case .windowUpdate:
            switch self.receiveWindowUpdate(increment: 1) {
            case .flush, .none: return .accepted
            case .protocolViolation(let code, _): return .violation(code)
            case .drop: return .drop
            }
        }
    }
}

/// An event from the application or the handler, for the per-state tables.
enum LocalEvent: String, CaseIterable, CustomTestStringConvertible {
    case sendHeaders, sendMessage, sendTrailers, deadline, cancel

    var testDescription: String { self.rawValue }
}

extension StreamStateMachine {
    /// Feeds the machine a local event and classifies the action.
    mutating func apply(_ event: LocalEvent) throws(UnreachableTransition) -> Outcome {
        switch event {
        case .sendHeaders:
            switch try self.sendHeaders() {
            case .send: return .accepted
            case .drop: return .drop
            }
        case .sendMessage:
            switch try self.sendMessage(message(1)) {
            case .send: return .accepted
            case .wait: return .wait
            case .drop: return .drop
            }
        case .sendTrailers:
            switch try self.sendTrailers(Status(code: .ok)) {
            case .send: return .accepted
            case .wait: return .wait
            case .drop: return .drop
            }
        case .deadline:
            switch try self.deadlineExpired() {
            case .failCall(let status): return .failCall(status.code)
            case .drop: return .drop
            }
        case .cancel:
            switch try self.cancel() {
            case .sendCancel: return .accepted
            case .drop: return .drop
            }
        }
    }
}

/// A message of `size` zero bytes.
func message(_ size: Int) -> StreamStateMachine.OutboundMessage {
    StreamStateMachine.OutboundMessage(payload: ByteBuffer(repeating: 0, count: size))
}

/// `StreamStateMachine`: legal transitions, the classification of every frame in every state, flow control,
/// trailers behind queued messages, cancellation from either side, deadlines and oversized messages.
@Suite("Stream state machine")
struct StreamStateMachineTests {
    @Test("HEADERS opens the call, half-closed when it carries END_STREAM", arguments: [false, true])
    func receiveHeadersWhenIdle(endStream: Bool) {
        var machine = StreamStateMachine(configuration: StreamFixture.configuration)
        #expect(machine.phase == .idle)
        #expect(machine.receiveHeaders(endStream: endStream) == .startCall(endOfInput: endStream))
        #expect(machine.phase == (endStream ? .halfClosed : .open))
    }

    @Test("MESSAGE is delivered with its flags; END_STREAM half-closes the call")
    func receiveMessageWhenOpen() throws {
        var machine = try StreamFixture.open.make()
        #expect(
            machine.receiveMessage(size: 5, endStream: false, compressed: true)
                == .deliver(compressed: true, endOfInput: false)
        )
        #expect(machine.phase == .open)
        #expect(
            machine.receiveMessage(size: 5, endStream: true, compressed: false)
                == .deliver(compressed: false, endOfInput: true)
        )
        #expect(machine.phase == .halfClosed)
    }

    @Test("a unary call: response HEADERS, one message, OK trailers, closed")
    func unaryCall() throws {
        var machine = try StreamFixture.halfClosed.make()
        #expect(try machine.sendHeaders() == .send)
        #expect(try machine.sendMessage(message(4)) == .send(message(4)))
        #expect(machine.sendWindowAvailable == 6)
        #expect(try machine.sendTrailers(Status(code: .ok)) == .send(Status(code: .ok)))
        #expect(machine.phase == .closed(.trailersSent))
    }

    @Test("trailers-only response (no HEADERS) closes the call", arguments: [StreamFixture.open, .halfClosed])
    func trailersOnly(fixture: StreamFixture) throws {
        var machine = try fixture.make()
        #expect(try machine.sendTrailers(Status(code: .unimplemented)) == .send(Status(code: .unimplemented)))
        #expect(machine.phase == .closed(.trailersSent))
    }

    @Test(
        "every received frame in every state is accepted, a protocol violation or dropped",
        arguments: [
            (
                StreamFixture.idle,
                [
                    Outcome.accepted, .violation(.protocolError), .violation(.protocolError),
                    .violation(.protocolError), .violation(.protocolError),
                ]
            ),
            (.open, [.violation(.protocolError), .accepted, .accepted, .accepted, .accepted]),
            (.openWithHeadersSent, [.violation(.protocolError), .accepted, .accepted, .accepted, .accepted]),
            (
                .halfClosed,
                [
                    .violation(.protocolError), .violation(.protocolError), .violation(.protocolError), .accepted,
                    .accepted,
                ]
            ),
            (.closedByTrailersPeerOpen, [.violation(.protocolError), .drop, .drop, .drop, .drop]),
            (
                .closedByTrailersPeerEnded,
                [.violation(.protocolError), .violation(.protocolError), .violation(.protocolError), .drop, .drop]
            ),
            (
                .closedByPeerCancel,
                [
                    .violation(.protocolError), .violation(.protocolError), .violation(.protocolError),
                    .violation(.protocolError), .violation(.protocolError),
                ]
            ),
            (.closedByApplicationCancel, [.violation(.protocolError), .drop, .drop, .drop, .drop]),
            (.closedByDeadline, [.violation(.protocolError), .drop, .drop, .drop, .drop]),
            (.poisoned, [.drop, .drop, .drop, .drop, .drop]),
        ] as [(StreamFixture, [Outcome])]
    )
    func receivedFrameClassification(fixture: StreamFixture, expected: [Outcome]) throws {
        for (frame, outcome) in zip(ReceivedFrame.allCases, expected) {
            var machine = try fixture.make()
            let before = machine.phase
            let result = machine.apply(frame)
            #expect(result == outcome, "\(frame) in \(fixture)")
            switch result {
            case .violation: #expect(machine.phase == .poisoned, "\(frame) in \(fixture) poisons")
            case .drop: #expect(machine.phase == before, "\(frame) in \(fixture) changes nothing")
            default: break
            }
        }
    }

    @Test(
        "every local event in every state is carried out, dropped or rejected as a caller bug",
        arguments: [
            // sendHeaders, sendMessage, sendTrailers, deadline, cancel
            (StreamFixture.idle, [Outcome.unreachable, .unreachable, .unreachable, .unreachable, .unreachable]),
            (.open, [.accepted, .unreachable, .accepted, .failCall(.deadlineExceeded), .accepted]),
            (.openWithHeadersSent, [.unreachable, .accepted, .accepted, .failCall(.deadlineExceeded), .accepted]),
            (.halfClosed, [.accepted, .unreachable, .accepted, .failCall(.deadlineExceeded), .accepted]),
            (.closedByTrailersPeerOpen, [.unreachable, .unreachable, .unreachable, .drop, .drop]),
            (.closedByTrailersPeerEnded, [.unreachable, .unreachable, .unreachable, .drop, .drop]),
            (.closedByPeerCancel, [.drop, .drop, .drop, .drop, .drop]),
            (.closedByApplicationCancel, [.drop, .drop, .drop, .drop, .drop]),
            (.closedByDeadline, [.drop, .drop, .drop, .drop, .drop]),
            (.poisoned, [.drop, .drop, .drop, .drop, .drop]),
        ] as [(StreamFixture, [Outcome])]
    )
    func localEventClassification(fixture: StreamFixture, expected: [Outcome]) throws {
        for (event, outcome) in zip(LocalEvent.allCases, expected) {
            var machine = try fixture.make()
            let result: Outcome
            do {
                result = try machine.apply(event)
            } catch {
                result = .unreachable
            }
            #expect(result == outcome, "\(event) in \(fixture)")
        }
    }
}
