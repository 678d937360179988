import NIOCore
import NIOPosix
import Testing
import WarrenProto
import WarrenRPC

/// `RPCClient` when calls end early: deadlines, cancellation, GOAWAY, dropped and refused connections, limits.
@Suite("RPCClient failures", .timeLimit(.minutes(1)))
struct RPCClientFailureTests {
    static let method = RPCClientTests.method

    @Test("deadline: DEADLINE_EXCEEDED locally and CANCEL sent")
    func deadline() async throws {
        let server = try await FakeServer.start()
        let client = RPCClient(configuration: server.clientConfiguration)
        // A first call sets the connection up, so the deadline runs out on the server's side of the wire and
        // not while connecting (a call whose deadline passes before it opens fails without HEADERS).
        let connection = try await self.expectWorkingCall(client, on: server)
        let call = Task {
            try await client.unary(
                Self.method,
                request: UInt64Value(),
                options: CallOptions(timeout: .milliseconds(300))
            )
                as UInt64Value
        }
        #expect(try await connection.expect(.headers).decodeCallHeaders().timeoutMs == 300)
        let (cancel, _) = try await connection.frames(until: .cancel)
        #expect(cancel.streamID == 3)
        let error = await #expect(throws: RPCError.self) { try await call.value }
        #expect(error?.code == .deadlineExceeded)
        await client.close()
        try await server.stop()
    }

    @Test("task cancellation: CANCELLED and CANCEL sent")
    func taskCancellation() async throws {
        let server = try await FakeServer.start()
        let client = RPCClient(configuration: server.clientConfiguration)
        let call = Task {
            try await client.unary(Self.method, request: UInt64Value(), options: CallOptions()) as UInt64Value
        }
        let connection = try await server.nextConnection()
        _ = try await connection.expect(.headers)
        call.cancel()
        let (cancel, _) = try await connection.frames(until: .cancel)
        #expect(cancel.streamID == 1)
        let error = await #expect(throws: RPCError.self) { try await call.value }
        #expect(error?.code == .cancelled)
        await client.close()
        try await server.stop()
    }

    @Test("server streaming: a body that returns before the server ended the call sends CANCEL")
    func bodyReturnsEarly() async throws {
        let server = try await FakeServer.start()
        let client = RPCClient(configuration: server.clientConfiguration)
        let call = Task {
            try await client.serverStreaming(Self.method, request: UInt64Value(), options: CallOptions()) {
                (responses: RPCResponseStream<UInt64Value>) in
                var iterator = responses.makeAsyncIterator()
                return try await iterator.next()?.value
            }
        }
        let connection = try await server.nextConnection()
        _ = try await connection.expect(.headers)
        try await connection.send(
            try Frame.headers(streamID: 1, ResponseHeaders()),
            Frame.message(streamID: 1, payload: try encode(UInt64Value(value: 5)))
        )
        #expect(try await call.value == 5)
        let (cancel, _) = try await connection.frames(until: .cancel)
        #expect(cancel.streamID == 1)
        await client.close()
        try await server.stop()
    }

    @Test("GOAWAY: a call above last_stream_id fails UNAVAILABLE and the next call opens a new connection")
    func goAway() async throws {
        let server = try await FakeServer.start()
        let client = RPCClient(configuration: server.clientConfiguration)
        let first = Task {
            try await client.unary(Self.method, request: UInt64Value(), options: CallOptions()) as UInt64Value
        }
        let connection = try await server.nextConnection()
        _ = try await connection.expect(.headers)
        try await connection.send(try Frame.goAway(GoAway(lastStreamID: 0, code: .shutdown, message: "bye")))
        let error = await #expect(throws: RPCError.self) { try await first.value }
        #expect(error?.code == .unavailable)
        #expect(error?.message.contains("going away") == true)
        try await self.expectWorkingCall(client, on: server)
        await client.close()
        try await server.stop()
    }

    @Test("a dropped connection fails its calls UNAVAILABLE and the next call reconnects")
    func connectionDrop() async throws {
        let server = try await FakeServer.start()
        let client = RPCClient(configuration: server.clientConfiguration)
        let first = Task {
            try await client.unary(Self.method, request: UInt64Value(), options: CallOptions()) as UInt64Value
        }
        let connection = try await server.nextConnection()
        _ = try await connection.expect(.headers)
        try await connection.close()
        let error = await #expect(throws: RPCError.self) { try await first.value }
        #expect(error?.code == .unavailable)
        try await self.expectWorkingCall(client, on: server)
        await client.close()
        try await server.stop()
    }

    @Test("connection refused: UNAVAILABLE naming the address")
    func connectionRefused() async throws {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = listener.localAddress!.port!
        try await listener.close()
        let client = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: port))
        let error = await #expect(throws: RPCError.self) {
            try await client.unary(Self.method, request: UInt64Value(), options: CallOptions()) as UInt64Value
        }
        #expect(error?.code == .unavailable)
        #expect(error?.message.hasPrefix("cannot connect to 127.0.0.1:\(port): ") == true)
        await client.close()
    }

    @Test("a COMPRESSED response is inflated")
    func compressedResponse() async throws {
        let server = try await FakeServer.start()
        let client = RPCClient(configuration: server.clientConfiguration)
        let text = String(repeating: "warren ", count: 200)
        let call = Task {
            try await client.unary(Self.method, request: UInt64Value(), options: CallOptions()) as ContentBlockText
        }
        let connection = try await server.nextConnection()
        _ = try await connection.expect(.headers)
        let plain = try encode(ContentBlockText(text: text))
        let deflated = ByteBuffer(bytes: MessageCompression.deflate(Array(plain.readableBytesView)))
        try await connection.send(
            try Frame.headers(streamID: 1, ResponseHeaders(messageEncoding: "deflate")),
            Frame.message(streamID: 1, payload: deflated, compressed: true),
            try Frame.trailers(streamID: 1, Status(code: .ok))
        )
        #expect(try await call.value.text == text)
        await client.close()
        try await server.stop()
    }

    @Test("a large request is deflated when the server accepts deflate")
    func compressedRequest() async throws {
        let server = try await FakeServer.start()
        let client = RPCClient(configuration: server.clientConfiguration)
        let text = String(repeating: "warren ", count: 400)
        let call = Task {
            try await client.unary(Self.method, request: ContentBlockText(text: text), options: CallOptions())
                as UInt64Value
        }
        let connection = try await server.nextConnection()
        #expect(try await connection.expect(.headers).decodeCallHeaders().messageEncoding == "deflate")
        let message = try await connection.expect(.message)
        #expect(message.isCompressed)
        let inflated = try MessageCompression.inflate(Array(message.payload.readableBytesView), limit: 1 << 20)
        #expect(try ContentBlockText(buffer: ByteBuffer(bytes: inflated)).text == text)
        try await connection.respond(streamID: 1, messages: [try encode(UInt64Value(value: 1))])
        _ = try await call.value
        await client.close()
        try await server.stop()
    }

    @Test(
        "a response over maxMessageSize fails RESOURCE_EXHAUSTED and sends CANCEL",
        arguments: [false, true]
    )
    func oversizedResponse(compressed: Bool) async throws {
        let server = try await FakeServer.start()
        var configuration = server.clientConfiguration
        configuration.maxMessageSize = 64
        let client = RPCClient(configuration: configuration)
        let call = Task {
            try await client.unary(Self.method, request: UInt64Value(), options: CallOptions()) as ContentBlockText
        }
        let connection = try await server.nextConnection()
        _ = try await connection.expect(.headers)
        var payload = try encode(ContentBlockText(text: String(repeating: "x", count: 200)))
        if compressed { payload = ByteBuffer(bytes: MessageCompression.deflate(Array(payload.readableBytesView))) }
        #expect(payload.readableBytes < 64 || !compressed)
        try await connection.send(
            try Frame.headers(streamID: 1, ResponseHeaders()),
            Frame.message(streamID: 1, payload: payload, compressed: compressed)
        )
        let error = await #expect(throws: RPCError.self) { try await call.value }
        #expect(error?.code == .resourceExhausted)
        let (cancel, _) = try await connection.frames(until: .cancel)
        #expect(cancel.streamID == 1)
        await client.close()
        try await server.stop()
    }

    /// A unary call answered on the server's next connection succeeds.
    @discardableResult
    private func expectWorkingCall(_ client: RPCClient, on server: FakeServer) async throws -> FakeServerConnection {
        let call = Task {
            try await client.unary(Self.method, request: UInt64Value(value: 1), options: CallOptions()) as UInt64Value
        }
        let connection = try await server.nextConnection()
        let headers = try await connection.expect(.headers)
        #expect(headers.streamID == 1)
        _ = try await connection.expect(.message)
        try await connection.respond(streamID: 1, messages: [try encode(UInt64Value(value: 2))])
        #expect(try await call.value.value == 2)
        return connection
    }
}
