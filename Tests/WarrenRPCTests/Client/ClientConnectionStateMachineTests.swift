import Testing
import WarrenProto
import WarrenRPC

/// `ClientConnectionStateMachine`: SETTINGS, stream admission, GOAWAY, the connection windows and keepalive.
@Suite("Client connection state machine")
struct ClientConnectionStateMachineTests {
    typealias Machine = ClientConnectionStateMachine

    static let ours = Settings(maxFrameSize: 1 << 20, initialStreamWindow: 200, initialConnectionWindow: 1000)

    static func active(_ settings: Settings = Settings(maxConcurrentStreams: 2, initialStreamWindow: 50)) -> Machine {
        var machine = Machine(ours: Self.ours, maxMessageSize: 100)
        _ = machine.receiveSettings(settings)
        return machine
    }

    @Test("streams wait for SETTINGS, then get odd, increasing ids with the server's window")
    func openStreams() {
        var machine = Machine(ours: Self.ours, maxMessageSize: 100)
        #expect(machine.openStream() == .wait)
        #expect(machine.receiveSettings(Settings(maxConcurrentStreams: 2, initialStreamWindow: 50)) == .acknowledge)
        let configuration = ClientStreamStateMachine.Configuration(
            maxMessageSize: 100,
            initialReceiveWindow: 200,
            initialSendWindow: 50
        )
        #expect(machine.openStream() == .open(streamID: 1, configuration))
        #expect(machine.openStream() == .open(streamID: 3, configuration))
        #expect(machine.openStream() == .wait)
        #expect(machine.streamClosed() == false)
        #expect(machine.openStream() == .open(streamID: 5, configuration))
    }

    @Test(
        "bad SETTINGS are protocol errors",
        arguments: [
            (Settings(maxFrameSize: 100), GoAwayCode.protocolError),
            (Settings(initialStreamWindow: 0x8000_0000), GoAwayCode.flowControlError),
        ]
    )
    func badSettings(settings: Settings, code: GoAwayCode) {
        var machine = Machine(ours: Self.ours, maxMessageSize: 100)
        guard case .protocolViolation(code, _) = machine.receiveSettings(settings) else {
            Issue.record("expected a \(code) violation")
            return
        }
        #expect(machine.phase == .closed)
    }

    @Test("a SETTINGS ACK is accepted once; a second is unsolicited")
    func settingsAck() {
        var machine = Self.active()
        #expect(machine.receiveSettingsAck() == .accept)
        #expect(machine.receiveSettingsAck() == .protocolViolation(.protocolError, "unsolicited SETTINGS ACK"))
    }

    @Test("GOAWAY: streams above last_stream_id fail, new streams are refused, the last close closes")
    func goAway() {
        var machine = Self.active()
        _ = machine.openStream()
        _ = machine.openStream()
        #expect(machine.receiveGoAway(lastStreamID: 1) == .goAway(failStreamsAbove: 1, closeNow: false))
        guard case .refuse(let error) = machine.openStream() else {
            Issue.record("expected a refusal")
            return
        }
        #expect(error.code == .unavailable)
        #expect(machine.streamClosed() == false)
        #expect(machine.streamClosed() == true)
    }

    @Test("frames for streams never opened are protocol errors; for closed ones they are dropped")
    func unknownStreams() {
        var machine = Self.active()
        _ = machine.openStream()
        #expect(machine.receiveFrameForUnknownStream(1) == .drop)
        guard case .protocolViolation(.protocolError, _) = machine.receiveFrameForUnknownStream(3) else {
            Issue.record("expected a protocol violation")
            return
        }
    }

    @Test("the connection send window starts at 65,535 and moves to the server's announced size")
    func connectionSendWindow() {
        var machine = Machine(ours: Self.ours, maxMessageSize: 100)
        #expect(machine.sendWindowAvailable == 65_535)
        _ = machine.receiveSettings(Settings(initialConnectionWindow: 10))
        #expect(machine.canSend(20))
        machine.messageSent(size: 20)
        #expect(!machine.canSend(1))
        #expect(machine.canSend(0))
        #expect(machine.receiveWindowUpdate(11) == .accept)
        #expect(machine.canSend(1))
    }

    @Test("the connection receive window: overruns are FLOW_CONTROL_ERROR; credit returns as bytes are consumed")
    func connectionReceiveWindow() {
        var machine = Self.active()
        #expect(machine.receiveMessage(size: 1000) == .accept)
        #expect(machine.messageConsumed(size: 400) == nil)
        #expect(machine.messageConsumed(size: 100) == 500)
        #expect(machine.receiveMessage(size: 500) == .accept)
        guard case .protocolViolation(.flowControlError, _) = machine.receiveMessage(size: 1) else {
            Issue.record("expected a flow-control violation")
            return
        }
    }

    @Test("keepalive: PING only with calls open and none outstanding; only the matching ACK clears it")
    func keepalive() {
        var machine = Self.active()
        #expect(machine.keepaliveTick(PingData(1)) == nil)
        _ = machine.openStream()
        #expect(machine.keepaliveTick(PingData(2)) == PingData(2))
        #expect(machine.keepaliveTick(PingData(3)) == nil)
        #expect(machine.receivePingAck(PingData(9)) == false)
        #expect(machine.receivePingAck(PingData(2)) == true)
        #expect(machine.keepaliveTick(PingData(4)) == PingData(4))
    }

    @Test("our close refuses new streams and closes once the open ones end")
    func beginClose() {
        var machine = Self.active()
        _ = machine.openStream()
        #expect(machine.beginClose() == false)
        #expect(!machine.isAcceptingStreams)
        #expect(machine.streamClosed() == true)
    }
}
