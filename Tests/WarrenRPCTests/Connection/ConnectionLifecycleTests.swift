import Testing
import WarrenProto
import WarrenRPC

/// `ConnectionStateMachine`: graceful drain, idle close, the connection windows and PING handling.
@Suite("Connection lifecycle")
struct ConnectionLifecycleTests {
    typealias Machine = ConnectionStateMachine

    static let shutdown = "the server is shutting down"

    // MARK: Graceful drain

    @Test("drain: GOAWAY names the last stream, open streams finish, new ones are refused, the last closes")
    func gracefulDrain() throws {
        var machine = try ConnectionFixture.activeWithStreams.make()
        let goAway = GoAway(lastStreamID: 3, code: .shutdown, message: Self.shutdown)
        #expect(machine.beginGracefulShutdown() == .sendGoAway(goAway))
        #expect(machine.phase == .draining(lastStreamID: 3))
        #expect(machine.beginGracefulShutdown() == .none)
        #expect(
            machine.receiveHeaders(streamID: 5) == .refuseStream(Status(code: .unavailable, message: Self.shutdown))
        )
        #expect(machine.receiveHeaders(streamID: 3).goAway?.code == .protocolError)
    }

    @Test("drain: streams keep working until the last one ends, then the connection closes")
    func drainCloses() throws {
        var machine = try ConnectionFixture.draining.make()
        #expect(
            machine.receiveHeaders(streamID: 9) == .refuseStream(Status(code: .unavailable, message: Self.shutdown))
        )
        #expect(machine.receiveMessage(size: 10) == .accept)
        #expect(machine.receivePing(PingData(7), dataSentSinceLastPing: true) == .sendAck(PingData(7)))
        #expect(machine.receiveWindowUpdate(increment: 10) == .granted)
        #expect(try machine.streamClosed() == .none)
        #expect(machine.openStreamCount == 1)
        #expect(machine.phase == .draining(lastStreamID: 3))
        #expect(try machine.streamClosed() == .close)
        #expect(machine.phase == .closed)
        #expect(machine.openStreamCount == 0)
        #expect(machine.highestStreamID == 9)
    }

    @Test(
        "shutdown with no stream open closes at once",
        arguments: [
            (
                ConnectionFixture.active,
                Machine.OnGracefulShutdown.closeWithGoAway(
                    GoAway(lastStreamID: 0, code: .shutdown, message: shutdown)
                )
            ),
            (.prefaceReceived, .closeWithGoAway(GoAway(lastStreamID: 0, code: .shutdown, message: shutdown))),
            (.awaitingPreface, .close),
            (.closed, .none),
        ]
    )
    func shutdownWithoutStreams(fixture: ConnectionFixture, expected: Machine.OnGracefulShutdown) throws {
        var machine = try fixture.make()
        #expect(machine.beginGracefulShutdown() == expected)
        #expect(machine.phase == .closed)
    }

    @Test("a drain that saw streams close before it names the highest accepted stream")
    func drainAfterClosedStreams() throws {
        var machine = try ConnectionFixture.active.make()
        _ = machine.receiveHeaders(streamID: 1)
        _ = machine.receiveHeaders(streamID: 5)
        _ = try machine.streamClosed()
        #expect(
            machine.beginGracefulShutdown()
                == .sendGoAway(GoAway(lastStreamID: 5, code: .shutdown, message: Self.shutdown))
        )
    }

    // MARK: Idle

    @Test(
        "the idle timer closes a connection with no streams",
        arguments: [ConnectionFixture.awaitingPreface, .prefaceReceived, .active]
    )
    func idleClose(fixture: ConnectionFixture) throws {
        var machine = try fixture.make()
        let goAway = GoAway(lastStreamID: 0, code: .noError, message: "idle timeout")
        #expect(machine.idleTimeoutFired() == .closeWithGoAway(goAway))
        #expect(machine.phase == .closed)
    }

    @Test(
        "the idle timer does nothing while streams are open",
        arguments: [ConnectionFixture.activeWithStreams, .draining]
    )
    func idleWithStreams(fixture: ConnectionFixture) throws {
        var machine = try fixture.make()
        #expect(machine.idleTimeoutFired() == .none)
        #expect(machine.openStreamCount == 2)
    }

    @Test("after its streams end, an idle connection closes naming the last stream")
    func idleAfterStreams() throws {
        var machine = try ConnectionFixture.activeWithStreams.make()
        _ = try machine.streamClosed()
        _ = try machine.streamClosed()
        #expect(
            machine.idleTimeoutFired()
                == .closeWithGoAway(GoAway(lastStreamID: 3, code: .noError, message: "idle timeout"))
        )
    }

    // MARK: Connection flow control

    @Test(
        "every MESSAGE byte is charged to the connection receive window; a frame with no credit is an overrun",
        arguments: [
            ([400, 600], true),
            ([999, 5], true),
            ([1_000, 1], false),
            ([600, 600, 1], false),
            ([1_000, 0], true),
        ]
    )
    func receiveWindow(sizes: [Int], accepted: Bool) throws {
        var machine = try ConnectionFixture.activeWithStreams.make()
        var actions: [Machine.OnReceiveMessage] = []
        for size in sizes { actions.append(machine.receiveMessage(size: size)) }
        if accepted {
            #expect(actions.allSatisfy { $0 == .accept })
        } else {
            #expect(actions.dropLast().allSatisfy { $0 == .accept })
            guard case .closeWithGoAway(let goAway) = actions.last else {
                Issue.record("expected GOAWAY, got \(actions)")
                return
            }
            #expect(goAway.code == .flowControlError)
            #expect(goAway.lastStreamID == 3)
            #expect(machine.phase == .closed)
        }
    }

    @Test("consumed bytes return credit with a WINDOW_UPDATE on stream 0 once half the window is consumed")
    func connectionWindowUpdate() throws {
        var machine = try ConnectionFixture.active.make()
        #expect(machine.receiveMessage(size: 1_000) == .accept)
        #expect(machine.messageConsumed(size: 300) == .none)
        #expect(machine.messageConsumed(size: 200) == .sendWindowUpdate(500))
        #expect(machine.receiveWindowAvailable == 500)
        #expect(machine.receiveMessage(size: 500) == .accept)
    }

    @Test("WINDOW_UPDATE on stream 0 grows the send window; past 2^31-1 is a flow-control error")
    func sendWindow() throws {
        var machine = try ConnectionFixture.active.make()
        #expect(machine.sendWindowAvailable == 500)
        #expect(machine.canSend(size: 600))
        try machine.messageSent(size: 600)
        #expect(!machine.canSend(size: 1))
        #expect(throws: Machine.UnreachableTransition.self) { try machine.messageSent(size: 1) }
        #expect(machine.receiveWindowUpdate(increment: 200) == .granted)
        #expect(machine.sendWindowAvailable == 100)
        guard case .closeWithGoAway(let goAway) = machine.receiveWindowUpdate(increment: 0x7FFF_FFFF) else {
            Issue.record("expected GOAWAY")
            return
        }
        #expect(goAway.code == .flowControlError)
        #expect(machine.phase == .closed)
    }

    // MARK: PING

    @Test("a PING is answered with an ACK echoing its bytes")
    func pingAck() throws {
        var machine = try ConnectionFixture.active.make()
        #expect(machine.receivePing(PingData(0x0102), dataSentSinceLastPing: false) == .sendAck(PingData(0x0102)))
    }

    @Test(
        "more than maxPingStrikes PINGs in a row without data close the connection (enhance your calm)",
        arguments: [
            ([false, false], true),
            ([false, false, false], false),
            ([false, false, true, false, false], true),
            ([true, true, true, true, true, true], true),
            ([false, true, false, false, false], false),
        ]
    )
    func pingRateLimit(dataSent: [Bool], allowed: Bool) throws {
        var machine = try ConnectionFixture.active.make()
        var actions: [Machine.OnReceivePing] = []
        for (index, sent) in dataSent.enumerated() {
            actions.append(machine.receivePing(PingData(UInt64(index)), dataSentSinceLastPing: sent))
        }
        #expect(actions.dropLast().allSatisfy { if case .sendAck = $0 { true } else { false } })
        if allowed {
            #expect(actions.last == .sendAck(PingData(UInt64(dataSent.count - 1))))
            #expect(machine.phase == .active)
        } else {
            guard case .closeWithGoAway(let goAway) = actions.last else {
                Issue.record("expected GOAWAY, got \(String(describing: actions.last))")
                return
            }
            #expect(goAway.code == .protocolError)
            #expect(goAway.message.contains("enhance your calm"))
            #expect(machine.phase == .closed)
        }
    }

    @Test("a keepalive PING is acknowledged by a matching ACK; others are dropped")
    func keepalive() throws {
        var machine = try ConnectionFixture.active.make()
        #expect(machine.receivePingAck(PingData(9)) == .drop)
        #expect(machine.sendKeepalivePing(PingData(9)) == .send(PingData(9)))
        #expect(machine.sendKeepalivePing(PingData(10)) == .none)
        #expect(machine.receivePingAck(PingData(10)) == .drop)
        #expect(machine.receivePingAck(PingData(9)) == .acknowledged)
        #expect(machine.receivePingAck(PingData(9)) == .drop)
        #expect(machine.sendKeepalivePing(PingData(11)) == .send(PingData(11)))
        #expect(machine.phase == .active)
    }

    @Test("a connection error from outside closes with its code, naming the last accepted stream")
    func connectionError() throws {
        var machine = try ConnectionFixture.activeWithStreams.make()
        let goAway = GoAway(lastStreamID: 3, code: .protocolError, message: "MESSAGE after END_STREAM")
        #expect(machine.connectionError(.protocolError, "MESSAGE after END_STREAM") == .closeWithGoAway(goAway))
        #expect(machine.openStreamCount == 0)
    }
}
