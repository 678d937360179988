import NIOCore
import Testing
import WarrenProto
import WarrenRPC

@Suite("RPCServer hostile input", .timeLimit(.minutes(1)))
struct ServerHostileInputTests {
    @Test("a wrong preface gets GOAWAY BAD_PREFACE and a close")
    func wrongPreface() async throws {
        try await ServerFixture.run { fixture in
            let client = try await RawClient.connect(to: fixture.address)
            try await client.write(ByteBuffer(string: "GET / HTTP/1.1\r\n\r\n"))
            #expect(try await client.untilClosed().map(\.code) == [.badPreface])
        }
    }

    @Test("a frame declaring a length over max_frame_size gets GOAWAY FRAME_TOO_LARGE and a close")
    func oversizedFrame() async throws {
        try await ServerFixture.run { fixture in
            let (client, _) = try await RawClient.connected(to: fixture.address)
            try await client.write(RawFrame.bytes(length: 0xFFFF_FFF0, type: 2, streamID: 1))
            #expect(try await client.untilClosed().map(\.code) == [.frameTooLarge])
        }
    }

    @Test("garbage after the handshake gets GOAWAY PROTOCOL_ERROR and a close")
    func garbage() async throws {
        try await ServerFixture.run { fixture in
            let (client, _) = try await RawClient.connected(to: fixture.address)
            try await client.write(ByteBuffer(bytes: [0, 0, 0, 1, 6, 0xFF, 0, 0, 0, 0, 0]))
            #expect(try await client.untilClosed().map(\.code) == [.protocolError])
        }
    }

    @Test("a MESSAGE on a stream the client already ended gets GOAWAY PROTOCOL_ERROR; open calls are cancelled")
    func messageOnClosedStream() async throws {
        try await ServerFixture.run { fixture in
            let (client, _) = try await RawClient.connected(to: fixture.address)
            try await client.startCall(1, TestService.path("Echo"), requests: [TestService.message("x")])
            #expect(try await client.response(1).status.code == .ok)
            try await client.startCall(3, TestService.path("Block"), requests: [TestService.message("y")])
            try await ServerFixture.eventually("the blocking call started") { fixture.probe.started == 1 }
            try await client.send(Frame.message(streamID: 1, payload: TestService.message("late")))
            #expect(try await client.untilClosed().map(\.code) == [.protocolError])
            try await ServerFixture.eventually("the blocking call was cancelled") { fixture.probe.cancelled == 1 }
        }
    }

    @Test("a frame before the client's SETTINGS gets GOAWAY PROTOCOL_ERROR")
    func frameBeforeSettings() async throws {
        try await ServerFixture.run { fixture in
            let client = try await RawClient.connect(to: fixture.address)
            var bytes = ByteBuffer()
            Preface().write(into: &bytes)
            bytes.writeImmutableBuffer(Frame.ping(PingData(1)).encoded)
            try await client.write(bytes)
            #expect(await client.next()?.type == .settings)
            #expect(try await client.untilClosed().map(\.code) == [.protocolError])
        }
    }

    @Test("connections over max_connections get GOAWAY and a close; the others carry on")
    func tooManyConnections() async throws {
        try await ServerFixture.run(configure: { $0.maxConnections = 1 }) { fixture in
            let (first, _) = try await RawClient.connected(to: fixture.address)
            try await ServerFixture.eventually("one connection open") { fixture.server.statistics.openConnections == 1 }
            let second = try await RawClient.connect(to: fixture.address)
            let goAways = try await second.untilClosed()
            #expect(goAways.map(\.code) == [.noError])
            #expect(goAways.first?.message.contains("too many connections") == true)
            try await first.startCall(1, TestService.path("Echo"), requests: [TestService.message("x")])
            #expect(try await first.response(1).status.code == .ok)
            await first.close()
            try await ServerFixture.eventually("the slot is free") { fixture.server.statistics.openConnections == 0 }
        }
    }

    @Test("a connection without calls for the idle timeout gets GOAWAY NO_ERROR and a close")
    func idleTimeout() async throws {
        // Long enough for the client's handshake to finish first while the rest of the suite loads the machine.
        try await ServerFixture.run(configure: { $0.idleTimeout = .seconds(3) }) { fixture in
            let (client, _) = try await RawClient.connected(to: fixture.address)
            #expect(try await client.untilClosed().map(\.code) == [.noError])
        }
    }

    @Test("a client that leaves the keepalive PING unanswered is disconnected")
    func keepaliveUnanswered() async throws {
        try await ServerFixture.run(configure: { $0.keepaliveInterval = .milliseconds(400) }) { fixture in
            let (client, _) = try await RawClient.connected(to: fixture.address)
            #expect(await client.next()?.type == .ping)
            #expect(try await client.untilClosed().isEmpty)
        }
    }
}
