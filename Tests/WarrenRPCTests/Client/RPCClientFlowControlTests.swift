import NIOCore
import Synchronization
import Testing
import WarrenProto
import WarrenRPC

/// `RPCClient` flow control on the wire: it stops sending at the server's window, and grants window only as the
/// application reads. PING round trips are the fences that show what the client had sent by then.
@Suite("RPCClient flow control", .timeLimit(.minutes(1)))
struct RPCClientFlowControlTests {
    static let method = RPCClientTests.method
    /// A request whose encoding is 80 bytes: field 1 (2 bytes of tag and length) and 78 characters.
    static let request = ContentBlockText(text: String(repeating: "r", count: 78))

    @Test("sending stops once the server's stream window is used up and resumes after WINDOW_UPDATE")
    func sendWindow() async throws {
        var settings = FakeServer.defaultSettings
        settings.initialStreamWindow = 100
        let server = try await FakeServer.start(settings: settings)
        var configuration = server.clientConfiguration
        configuration.compression.enabled = false
        let client = RPCClient(configuration: configuration)
        let (attempts, attempt) = AsyncStream.makeStream(of: Int.self)
        let call = Task {
            try await client.clientStreaming(Self.method, options: CallOptions()) {
                (writer: RPCRequestWriter<ContentBlockText>) in
                for index in 1...3 {
                    attempt.yield(index)
                    try await writer.write(Self.request)
                }
            } as UInt64Value
        }
        let connection = try await server.nextConnection()
        _ = try await connection.expect(.headers)
        // 100 bytes of credit: the first message leaves 20, the second may overdraw (D26), the third must wait.
        #expect(try await connection.expect(.message).payload.readableBytes == 80)
        #expect(try await connection.expect(.message).payload.readableBytes == 80)
        for await index in attempts where index == 3 { break }
        #expect(try await connection.pingFence(1).isEmpty)
        #expect(try await connection.pingFence(2).isEmpty)
        try await connection.send(Frame.windowUpdate(streamID: 1, increment: 100))
        #expect(try await connection.expect(.message).payload.readableBytes == 80)
        #expect(try await connection.expect(.message).isEndStream)
        try await connection.respond(streamID: 1, messages: [try encode(UInt64Value(value: 3))])
        #expect(try await call.value.value == 3)
        await client.close()
        try await server.stop()
    }

    @Test("the client grants stream window only for responses the application has read")
    func receiveWindow() async throws {
        let server = try await FakeServer.start()
        var configuration = server.clientConfiguration
        configuration.initialStreamWindow = 100
        let client = RPCClient(configuration: configuration)
        let (gate, open) = AsyncStream.makeStream(of: Void.self)
        let call = Task {
            try await client.serverStreaming(Self.method, request: UInt64Value(), options: CallOptions()) {
                (responses: RPCResponseStream<ContentBlockText>) in
                for await _ in gate { break }
                var iterator = responses.makeAsyncIterator()
                return try await iterator.next()?.text.count
            }
        }
        let connection = try await server.nextConnection()
        let settings = try await connection.next(includeSettings: true)
        #expect(try settings.decodeSettings().initialStreamWindow == 100)
        _ = try await connection.expect(.headers)
        _ = try await connection.expect(.message)
        let response = try encode(Self.request)
        try await connection.send(
            try Frame.headers(streamID: 1, ResponseHeaders()),
            Frame.message(streamID: 1, payload: response),
            Frame.message(streamID: 1, payload: response)
        )
        // Nothing read yet: no WINDOW_UPDATE however long the responses sit in the client.
        #expect(try await connection.pingFence(1).isEmpty)
        open.yield()
        let (update, _) = try await connection.frames(until: .windowUpdate)
        #expect(update.streamID == 1)
        #expect(try update.decodeWindowIncrement() == 80)
        #expect(try await call.value == 78)
        await client.close()
        try await server.stop()
    }

    @Test("calls beyond max_concurrent_streams wait for a slot instead of failing")
    func concurrencyLimit() async throws {
        var settings = FakeServer.defaultSettings
        settings.maxConcurrentStreams = 1
        let server = try await FakeServer.start(settings: settings)
        let client = RPCClient(configuration: server.clientConfiguration)
        let first = Task {
            try await client.unary(Self.method, request: UInt64Value(value: 1), options: CallOptions()) as UInt64Value
        }
        let connection = try await server.nextConnection()
        #expect(try await connection.expect(.headers).streamID == 1)
        _ = try await connection.expect(.message)
        let second = Task {
            try await client.unary(Self.method, request: UInt64Value(value: 2), options: CallOptions()) as UInt64Value
        }
        #expect(try await connection.pingFence(1).isEmpty)
        try await connection.respond(streamID: 1, messages: [try encode(UInt64Value(value: 10))])
        #expect(try await connection.expect(.headers).streamID == 3)
        _ = try await connection.expect(.message)
        try await connection.respond(streamID: 3, messages: [try encode(UInt64Value(value: 20))])
        #expect(try await first.value.value == 10)
        #expect(try await second.value.value == 20)
        await client.close()
        try await server.stop()
    }
}
