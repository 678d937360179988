import Testing
import WarrenProto
import WarrenRPC

/// `ConnectionStateMachine`: preface, SETTINGS, stream admission and ordering, and the error classes.
@Suite("Connection state machine")
struct ConnectionStateMachineTests {
    typealias Machine = ConnectionStateMachine

    // MARK: Preface

    @Test("a valid preface is answered with our SETTINGS carrying its version")
    func prefaceWhenAwaiting() throws {
        var machine = try ConnectionFixture.awaitingPreface.make()
        var expected = ConnectionFixture.settings
        expected.protocolVersion = 1
        #expect(try machine.receivePreface(Preface()) == .sendSettings(expected))
        #expect(machine.phase == .prefaceReceived)
    }

    @Test(
        "a bad preface gets GOAWAY with its code and closes",
        arguments: [
            (PrefaceError.badMagic(received: [0x47]), GoAwayCode.badPreface),
            (.unsupportedVersion(2, supported: 1...1), .unsupportedVersion),
            (.nonzeroReserved(offset: 6, value: 1), .badPreface),
        ]
    )
    func prefaceFailure(error: PrefaceError, code: GoAwayCode) throws {
        var machine = try ConnectionFixture.awaitingPreface.make()
        let action = try machine.prefaceFailed(error)
        #expect(action == .closeWithGoAway(GoAway(lastStreamID: 0, code: code, message: error.description)))
        #expect(machine.phase == .closed)
        #expect(try machine.prefaceFailed(error) == .drop)
    }

    @Test(
        "a second preface event is a caller bug",
        arguments: [ConnectionFixture.prefaceReceived, .active, .draining]
    )
    func prefaceTwice(fixture: ConnectionFixture) throws {
        var machine = try fixture.make()
        #expect(throws: Machine.UnreachableTransition.self) { try machine.receivePreface(Preface()) }
        #expect(throws: Machine.UnreachableTransition.self) {
            try machine.prefaceFailed(.badMagic(received: [0]))
        }
    }

    // MARK: SETTINGS

    @Test("the client's SETTINGS are applied to the send side and ACKed; its ACK makes the connection active")
    func settingsWhenPrefaceReceived() throws {
        var machine = try ConnectionFixture.prefaceReceived.make()
        #expect(machine.peerMaxFrameSize == Frame.minimumMaxFrameSize)
        #expect(machine.receiveSettings(ConnectionFixture.clientSettings) == .sendAck(peerMaxFrameSize: 32_768))
        #expect(machine.phase == .active)
        #expect(machine.sendWindowAvailable == 500)
        #expect(machine.receiveWindowAvailable == 1_000)
        #expect(machine.receiveSettingsAck() == .none)
        #expect(
            machine.receiveHeaders(streamID: 1)
                == .openStream(.init(maxMessageSize: 50, initialReceiveWindow: 100, initialSendWindow: 300))
        )
    }

    @Test("zero fields are not announced and keep their values")
    func settingsDefaults() throws {
        var machine = try ConnectionFixture.prefaceReceived.make()
        #expect(machine.receiveSettings(Settings()) == .sendAck(peerMaxFrameSize: Frame.minimumMaxFrameSize))
        #expect(machine.sendWindowAvailable == Machine.defaultPeerWindow)
        #expect(
            machine.receiveHeaders(streamID: 1)
                == .openStream(
                    .init(maxMessageSize: 50, initialReceiveWindow: 100, initialSendWindow: Machine.defaultPeerWindow)
                )
        )
    }

    @Test(
        "invalid SETTINGS close the connection",
        arguments: [
            (Settings(maxFrameSize: 16_383), GoAwayCode.protocolError),
            (Settings(maxFrameSize: 1), .protocolError),
            (Settings(initialStreamWindow: 0x8000_0000), .flowControlError),
            (Settings(initialConnectionWindow: 0xFFFF_FFFF), .flowControlError),
        ]
    )
    func settingsValidation(settings: Settings, code: GoAwayCode) throws {
        for fixture in [ConnectionFixture.prefaceReceived, .active, .draining] {
            var machine = try fixture.make()
            let action = machine.receiveSettings(settings)
            guard case .closeWithGoAway(let goAway) = action else {
                Issue.record("expected GOAWAY, got \(action)")
                continue
            }
            #expect(goAway.code == code)
            #expect(machine.phase == .closed)
        }
    }

    @Test("the largest valid values are accepted", arguments: [16_384, 0xFFFF_FFFF] as [UInt32])
    func settingsBoundaries(maxFrameSize: UInt32) throws {
        var machine = try ConnectionFixture.prefaceReceived.make()
        let settings = Settings(maxFrameSize: maxFrameSize, initialStreamWindow: 0x7FFF_FFFF)
        #expect(machine.receiveSettings(settings) == .sendAck(peerMaxFrameSize: maxFrameSize))
    }

    @Test("a SETTINGS change that takes the send window past 2^31-1 is a flow-control error")
    func settingsOverflowSendWindow() throws {
        var machine = try ConnectionFixture.active.make()
        #expect(machine.receiveWindowUpdate(increment: 0x7FFF_FFFF - 500) == .granted)
        let action = machine.receiveSettings(Settings(initialConnectionWindow: 501))
        #expect(action.isFlowControlError)
    }

    @Test("SETTINGS after the first are re-applied and ACKed")
    func settingsAgain() throws {
        var machine = try ConnectionFixture.active.make()
        #expect(machine.receiveSettings(Settings(maxFrameSize: 65_536)) == .sendAck(peerMaxFrameSize: 65_536))
        #expect(machine.phase == .active)
    }

    @Test("an unsolicited SETTINGS ACK is a protocol error")
    func settingsAckTwice() throws {
        var machine = try ConnectionFixture.active.make()
        guard case .closeWithGoAway(let goAway) = machine.receiveSettingsAck() else {
            Issue.record("expected GOAWAY")
            return
        }
        #expect(goAway.code == .protocolError)
    }

    @Test(
        "every frame before the client's SETTINGS is a protocol error",
        arguments: [ConnectionFixture.awaitingPreface, .prefaceReceived]
    )
    func framesBeforeSettings(fixture: ConnectionFixture) throws {
        let events: [(inout Machine) -> GoAway?] = [
            { $0.receiveHeaders(streamID: 1).goAway },
            { if case .closeWithGoAway(let g) = $0.receiveSettingsAck() { g } else { nil } },
            { if case .closeWithGoAway(let g) = $0.receiveMessage(size: 1) { g } else { nil } },
            { if case .closeWithGoAway(let g) = $0.receiveWindowUpdate(increment: 1) { g } else { nil } },
            {
                if case .closeWithGoAway(let g) = $0.receivePing(PingData(1), dataSentSinceLastPing: true) {
                    g
                } else {
                    nil
                }
            },
            { if case .closeWithGoAway(let g) = $0.receivePingAck(PingData(1)) { g } else { nil } },
        ]
        for event in events {
            var machine = try fixture.make()
            #expect(event(&machine)?.code == .protocolError)
            #expect(machine.phase == .closed)
        }
    }

    // MARK: Streams

    @Test("streams open with odd increasing ids and are counted")
    func openStreams() throws {
        var machine = try ConnectionFixture.active.make()
        #expect(
            machine.receiveHeaders(streamID: 1)
                == .openStream(.init(maxMessageSize: 50, initialReceiveWindow: 100, initialSendWindow: 300))
        )
        #expect(machine.openStreamCount == 1)
        _ = machine.receiveHeaders(streamID: 7)
        #expect(machine.openStreamCount == 2)
        #expect(machine.highestStreamID == 7)
        #expect(try machine.streamClosed() == .none)
        #expect(machine.openStreamCount == 1)
        #expect(machine.phase == .active)
    }

    @Test(
        "stream id ordering violations are protocol errors",
        arguments: [
            ("even", 4 as UInt32),
            ("zero", 0),
            ("reused", 3),
            ("decreasing", 1),
        ]
    )
    func streamIDViolations(name: String, streamID: UInt32) throws {
        var machine = try ConnectionFixture.activeWithStreams.make()
        let goAway = try #require(machine.receiveHeaders(streamID: streamID).goAway, "\(name)")
        #expect(goAway.code == .protocolError)
        #expect(goAway.lastStreamID == 3)
        #expect(machine.phase == .closed)
        #expect(machine.openStreamCount == 0)
        #expect(machine.highestStreamID == 3)
    }

    @Test("a stream over the concurrency limit is refused and the connection carries on")
    func concurrencyLimit() throws {
        var machine = try ConnectionFixture.activeWithStreams.make()
        let refused = Status(code: .unavailable, message: "too many concurrent streams")
        #expect(machine.receiveHeaders(streamID: 5) == .refuseStream(refused))
        #expect(machine.phase == .active)
        #expect(machine.openStreamCount == 2)
        #expect(machine.highestStreamID == 5)
        #expect(machine.receiveHeaders(streamID: 7) == .refuseStream(refused))
        #expect(machine.phase == .active)
    }

    @Test("a refused stream id may not be reused, and a slot freed admits the next stream")
    func refusedThenAdmitted() throws {
        var machine = try ConnectionFixture.activeWithStreams.make()
        _ = machine.receiveHeaders(streamID: 5)
        #expect(try machine.streamClosed() == .none)
        #expect(
            machine.receiveHeaders(streamID: 7)
                == .openStream(.init(maxMessageSize: 50, initialReceiveWindow: 100, initialSendWindow: 300))
        )
        #expect(machine.openStreamCount == 2)
        var reuse = try ConnectionFixture.activeWithStreams.make()
        _ = reuse.receiveHeaders(streamID: 5)
        #expect(reuse.receiveHeaders(streamID: 5).goAway?.code == .protocolError)
    }

    @Test("closing a stream when none is open is a caller bug")
    func streamClosedWithNoneOpen() throws {
        var machine = try ConnectionFixture.active.make()
        #expect(throws: Machine.UnreachableTransition.self) { try machine.streamClosed() }
        #expect(machine.phase == .active)
    }

    // MARK: Errors and the closed state

    @Test(
        "a frame error gets GOAWAY with its code and closes",
        arguments: [
            FrameError.frameTooLarge(declared: 20_000, limit: 16_384),
            .badFlags(.ping, flags: .endStream, allowed: .ack),
            .badWindowIncrement(0),
        ]
    )
    func frameError(error: FrameError) throws {
        for fixture in [ConnectionFixture.prefaceReceived, .active, .activeWithStreams, .draining] {
            var machine = try fixture.make()
            let expectedLast: UInt32 = fixture == .activeWithStreams || fixture == .draining ? 3 : 0
            let goAway = GoAway(lastStreamID: expectedLast, code: error.goAwayCode, message: error.description)
            #expect(machine.frameError(error) == .closeWithGoAway(goAway))
            #expect(machine.phase == .closed)
            #expect(machine.frameError(error) == .drop)
        }
    }

    @Test("the closed state absorbs every event")
    func closedAbsorbs() throws {
        var machine = try ConnectionFixture.closed.make()
        #expect(try machine.receivePreface(Preface()) == .drop)
        #expect(machine.receiveSettings(Settings()) == .drop)
        #expect(machine.receiveSettingsAck() == .drop)
        #expect(machine.receiveHeaders(streamID: 1) == .drop)
        #expect(try machine.streamClosed() == .drop)
        #expect(machine.receiveMessage(size: 10) == .drop)
        #expect(machine.messageConsumed(size: 10) == .none)
        #expect(machine.receiveWindowUpdate(increment: 1) == .drop)
        #expect(machine.receivePing(PingData(1), dataSentSinceLastPing: false) == .drop)
        #expect(machine.receivePingAck(PingData(1)) == .drop)
        #expect(machine.sendKeepalivePing(PingData(1)) == .none)
        #expect(machine.beginGracefulShutdown() == .none)
        #expect(machine.idleTimeoutFired() == .none)
        #expect(machine.connectionError(.internalError, "x") == .drop)
        #expect(!machine.canSend(size: 0))
        #expect(machine.phase == .closed)
    }
}

extension ConnectionStateMachine.OnReceiveSettings {
    /// Whether the action closes the connection with FLOW_CONTROL_ERROR.
    var isFlowControlError: Bool {
        if case .closeWithGoAway(let goAway) = self { goAway.code == .flowControlError } else { false }
    }
}
