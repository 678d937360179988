import Testing
import WarrenProto
import WarrenRPC

/// `ClientStreamStateMachine`: the client's rules for one call, without NIO.
@Suite("Client stream state machine")
struct ClientStreamStateMachineTests {
    typealias Machine = ClientStreamStateMachine

    /// 100-byte messages, a 200-byte receive and a 10-byte send window.
    static let configuration = Machine.Configuration(
        maxMessageSize: 100,
        initialReceiveWindow: 200,
        initialSendWindow: 10
    )

    static func started() -> Machine {
        var machine = Machine(configuration: Self.configuration)
        _ = machine.receiveHeaders()
        return machine
    }

    @Test("a response MESSAGE before the response HEADERS is a protocol error")
    func messageBeforeHeaders() {
        var machine = Machine(configuration: Self.configuration)
        #expect(machine.receiveMessage(size: 1) == .protocolViolation(.protocolError, "MESSAGE before HEADERS"))
    }

    @Test("a second response HEADERS is a protocol error")
    func secondHeaders() {
        var machine = Self.started()
        #expect(machine.receiveHeaders() == .protocolViolation(.protocolError, "second response HEADERS"))
    }

    @Test("a response over the maximum message size fails the call and asks for CANCEL")
    func oversized() {
        var machine = Self.started()
        guard case .failCall(let error, sendCancel: true) = machine.receiveMessage(size: 101) else {
            Issue.record("expected failCall")
            return
        }
        #expect(error.code == .resourceExhausted)
        #expect(machine.phase == .closed(.cancelled(.resourceExhausted)))
    }

    @Test("the server overrunning the receive window is FLOW_CONTROL_ERROR")
    func receiveOverrun() {
        var machine = Self.started()
        #expect(machine.receiveMessage(size: 100) == .accept)
        #expect(machine.receiveMessage(size: 100) == .accept)
        guard case .protocolViolation(.flowControlError, _) = machine.receiveMessage(size: 1) else {
            Issue.record("expected a flow-control violation")
            return
        }
    }

    @Test("sending: a message may overdraw positive credit, then waits until WINDOW_UPDATE")
    func sendWindow() throws {
        var machine = Self.started()
        #expect(try machine.sendMessage(size: 8, endStream: false) == .send)
        #expect(try machine.sendMessage(size: 8, endStream: false) == .send)
        #expect(machine.sendWindowAvailable == -6)
        #expect(try machine.sendMessage(size: 8, endStream: false) == .wait)
        #expect(machine.receiveWindowUpdate(10) == .accept)
        #expect(try machine.sendMessage(size: 8, endStream: true) == .send)
        #expect(machine.phase == .halfClosed(responseStarted: true))
    }

    @Test("a message after our END_STREAM is an unreachable transition")
    func sendAfterEnd() throws {
        var machine = Machine(configuration: Self.configuration, endStream: true)
        #expect(throws: Machine.UnreachableTransition.self) { try machine.sendMessage(size: 1, endStream: false) }
        #expect(throws: Machine.UnreachableTransition.self) { try machine.endRequests() }
    }

    @Test("window is granted back only as the application consumes, at half the window")
    func releasePolicy() {
        var machine = Self.started()
        #expect(machine.receiveMessage(size: 90) == .accept)
        #expect(machine.messageConsumed(size: 60) == nil)
        #expect(machine.messageConsumed(size: 40) == 100)
    }

    @Test("local cancel sends CANCEL once; later frames from the server are dropped")
    func cancel() throws {
        var machine = Self.started()
        #expect(machine.cancel(.deadlineExceeded) == .sendCancel)
        #expect(machine.cancel(.cancelled) == .drop)
        #expect(machine.receiveMessage(size: 1) == .drop)
        #expect(machine.receiveTrailers(code: .ok) == .drop)
        #expect(machine.receiveWindowUpdate(5) == .drop)
        #expect(try machine.sendMessage(size: 1, endStream: false) == .drop)
        #expect(machine.messageConsumed(size: 200) == nil)
    }

    @Test("TRAILERS may come without response HEADERS (a refused stream) and close the call")
    func trailersOnly() {
        var machine = Machine(configuration: Self.configuration)
        #expect(machine.receiveTrailers(code: .unavailable) == .accept)
        #expect(machine.phase == .closed(.trailers(.unavailable)))
    }

    @Test("the server's CANCEL fails the call with CANCELLED and needs no CANCEL back")
    func serverCancel() {
        var machine = Self.started()
        guard case .failCall(let error, sendCancel: false) = machine.receiveCancel() else {
            Issue.record("expected failCall")
            return
        }
        #expect(error.code == .cancelled)
        #expect(machine.phase == .closed(.cancelledByServer))
    }
}
