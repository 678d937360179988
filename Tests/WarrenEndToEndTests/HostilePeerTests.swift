import NIOCore
import Testing
import WarrenClient
import WarrenProto
import WarrenRPC

/// Hostile and broken peers against a real warrend: each is answered precisely, the server keeps serving
/// other clients, and no stream or connection is left behind (checked through Health.ServerInfo).
@Suite("Hostile peers end to end")
struct HostilePeerTests {
    @Test("a wrong preface gets GOAWAY BAD_PREFACE and a close")
    func wrongPreface() async throws {
        try await withLiveServer { server in
            let socket = try RawSocket(port: server.process.port)
            try socket.send(Array("GET / HTTP/1.1\r\n\r\n".utf8))
            let frames = try socket.readUntilClosed()
            let goAway = try #require(frames.last { $0.type == .goAway })
            #expect(try goAway.decodeGoAway().code == .badPreface)
            try await server.expectSettles()
        }
    }

    @Test("garbage after the handshake gets GOAWAY PROTOCOL_ERROR and a close")
    func garbageFrames() async throws {
        try await withLiveServer { server in
            let socket = try RawHandshake.open(server)
            // A HEADERS frame on an even stream id, which only a server may use.
            try socket.send([0, 0, 0, 1, 1, 0, 0, 0, 0, 2, 0xFF])
            let goAway = try #require(try socket.readUntilClosed().last { $0.type == .goAway })
            #expect(try goAway.decodeGoAway().code == .protocolError)
            try await server.expectSettles()
        }
    }

    @Test("a frame length above the limit gets GOAWAY FRAME_TOO_LARGE before the payload is read")
    func oversizedFrame() async throws {
        try await withLiveServer(["--max-frame-size", "65536"]) { server in
            let socket = try RawHandshake.open(server)
            try socket.send([0x7F, 0xFF, 0xFF, 0xFF, 2, 0, 0, 0, 0, 1])
            let goAway = try #require(try socket.readUntilClosed().last { $0.type == .goAway })
            #expect(try goAway.decodeGoAway().code == .frameTooLarge)
            try await server.expectSettles()
        }
    }

    @Test("a message that does not decode ends that call INVALID_ARGUMENT; the connection carries on")
    func undecodableMessage() async throws {
        try await withLiveServer { server in
            let socket = try RawHandshake.open(server)
            try RawHandshake.call(socket, stream: 1, method: "/warren.v1.Health/Check", payload: [0xFF, 0xFF, 0xFF])
            #expect(try RawHandshake.status(socket, stream: 1).code == .invalidArgument)
            var request = ByteBuffer()
            _ = try HealthCheckRequest().serialize(into: &request)
            try RawHandshake.call(
                socket,
                stream: 3,
                method: "/warren.v1.Health/Check",
                payload: Array(request.readableBytesView)
            )
            #expect(try RawHandshake.status(socket, stream: 3).code == .ok)
            try await server.expectSettles(connections: 2)
        }
    }

    @Test("an unknown method is UNIMPLEMENTED and names the method")
    func unknownMethod() async throws {
        try await withLiveServer { server in
            let socket = try RawHandshake.open(server)
            try RawHandshake.call(socket, stream: 1, method: "/warren.v1.Nope/Nothing", payload: [])
            let status = try RawHandshake.status(socket, stream: 1)
            #expect(status.code == .unimplemented)
            #expect(status.message.contains("/warren.v1.Nope/Nothing"))
        }
    }

    @Test("a client that stops reading a subscription does not stop others, and its stream ends when it leaves")
    func clientStopsReading() async throws {
        try await withLiveServer { server in
            let load = try await IngestLoad(server: server, sessions: 2)
            let socket = try RawHandshake.open(server)
            var request = ByteBuffer()
            _ = try SubscribeRequest(start: .beginning(SubscribeFromBeginning())).serialize(into: &request)
            try RawHandshake.call(
                socket,
                stream: 1,
                method: "/warren.v1.RuntimeEvents/Subscribe",
                payload: Array(request.readableBytesView)
            )
            try await load.run(perSession: 200)
            let rss = try ProcessMemory.residentBytes(of: server.process)
            #expect(rss < 300 << 20, "server RSS \(rss) with a stalled subscriber")
            socket.vanish()
            try await server.expectSettles()
        }
    }

    @Test("a client that vanishes mid-call has its call cancelled and its stream released")
    func clientVanishes() async throws {
        try await withLiveServer { server in
            let session = try await Sessions.with(server, executor: Wire.builtin(.sleep))
            let socket = try RawHandshake.open(server)
            var request = ByteBuffer()
            let call = AcceptInputWithCompletionRequest(
                sessionID: session,
                input: SleepInput.make(milliseconds: 60_000)
            )
            _ = try call.serialize(into: &request)
            try RawHandshake.call(
                socket,
                stream: 1,
                method: "/warren.v1.SessionServiceRuntimeExt/AcceptInputWithCompletion",
                payload: Array(request.readableBytesView)
            )
            guard try socket.nextFrame()?.type != nil else { throw HarnessError("no response to the call") }
            socket.vanish()
            try await server.expectSettles()
            #expect(try await server.client.health.check(HealthCheckRequest()).status == .serving)
        }
    }

    @Test("a deadline that expires mid-run is DEADLINE_EXCEEDED, and the server carries on")
    func deadlineMidRun() async throws {
        try await withLiveServer { server in
            let session = try await Sessions.with(server, executor: Wire.builtin(.sleep))
            try await Expect.status(.deadlineExceeded) {
                _ = try await server.client.sessions.acceptInputWithCompletion(
                    AcceptInputWithCompletionRequest(sessionID: session, input: SleepInput.make(milliseconds: 30_000)),
                    options: CallOptions(timeout: .milliseconds(300))
                ) { responses in for try await _ in responses {} }
            }
            try await server.expectSettles()
            #expect(try await server.client.health.check(HealthCheckRequest()).status == .serving)
        }
    }
}

/// A prompt the built-in `sleep` executor sleeps on: its text is the milliseconds.
enum SleepInput {
    static func make(milliseconds: Int) -> Input {
        Wire.prompt(String(milliseconds))
    }
}

/// The client side of the handshake and of single calls, done by hand over a raw socket.
enum RawHandshake {
    /// Connects, sends the preface and SETTINGS, and acknowledges the server's SETTINGS.
    static func open(_ server: LiveServer) throws -> RawSocket {
        let socket = try RawSocket(port: server.process.port)
        try socket.sendPreface()
        try socket.send(Frame.settings(Settings()))
        guard let first = try socket.nextFrame(), first.type == .settings else {
            throw HarnessError("no SETTINGS from the server")
        }
        try socket.send(Frame.settingsAck())
        return socket
    }

    /// Opens call `stream` on `method` with one MESSAGE of raw `payload` bytes and END_STREAM.
    static func call(_ socket: RawSocket, stream: UInt32, method: String, payload: [UInt8]) throws {
        try socket.send(Frame.headers(streamID: stream, CallHeaders(method: method)))
        try socket.send(Frame.message(streamID: stream, payload: ByteBuffer(bytes: payload), endStream: true))
    }

    /// Reads frames until the TRAILERS of `stream` and returns its status.
    static func status(_ socket: RawSocket, stream: UInt32) throws -> Status {
        while let frame = try socket.nextFrame() {
            if frame.type == .trailers, frame.streamID == stream { return try frame.decodeStatus() }
        }
        throw HarnessError("the connection closed before the TRAILERS of stream \(stream)")
    }
}
