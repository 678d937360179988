import NIOCore
import NIOPosix
import Synchronization
import Testing
import WarrenProto
import WarrenRPC

/// `RPCClient` against a scripted fake server: the four call shapes, multiplexing and call outcomes.
@Suite("RPCClient calls", .timeLimit(.minutes(1)))
struct RPCClientTests {
    static let method = MethodDescriptor(service: "warren.v1.Test", method: "Echo")

    @Test("unary: HEADERS with path, timeout and metadata, then one MESSAGE with END_STREAM; the response comes back")
    func unary() async throws {
        let server = try await FakeServer.start()
        var configuration = server.clientConfiguration
        configuration.bearerToken = "secret"
        let client = RPCClient(configuration: configuration)
        let call = Task {
            try await client.unary(
                Self.method,
                request: UInt64Value(value: 7),
                options: CallOptions(timeout: .seconds(5), metadata: ["x-trace": "1"])
            ) as UInt64Value
        }
        let connection = try await server.nextConnection()
        let headers = try await connection.expect(.headers)
        let callHeaders = try headers.decodeCallHeaders()
        #expect(headers.streamID == 1)
        #expect(callHeaders.method == "/warren.v1.Test/Echo")
        #expect(callHeaders.timeoutMs == 5000)
        #expect(callHeaders.metadata == ["authorization": "Bearer secret", "x-trace": "1"])
        let message = try await connection.expect(.message)
        #expect(message.isEndStream)
        #expect(try UInt64Value(buffer: message.payload).value == 7)
        try await connection.respond(streamID: 1, messages: [try encode(UInt64Value(value: 8))])
        #expect(try await call.value.value == 8)
        await client.close()
        try await server.stop()
    }

    @Test("a task preferring the client's executor runs on its connection's event loop, before and after a call")
    func preferredExecutorRunsOnTheConnectionsLoop() async throws {
        let server = try await FakeServer.start()
        let client = RPCClient(configuration: server.clientConfiguration)
        let call = Task(executorPreference: client.preferredTaskExecutor) {
            let before = MultiThreadedEventLoopGroup.currentEventLoop.map(ObjectIdentifier.init)
            let response: UInt64Value = try await client.unary(
                Self.method,
                request: UInt64Value(value: 7),
                options: CallOptions()
            )
            let after = MultiThreadedEventLoopGroup.currentEventLoop.map(ObjectIdentifier.init)
            return (before, after, response.value)
        }
        let connection = try await server.nextConnection()
        _ = try await connection.expect(.headers)
        _ = try await connection.expect(.message)
        try await connection.respond(streamID: 1, messages: [try encode(UInt64Value(value: 8))])
        let (before, after, value) = try await call.value
        #expect(value == 8)
        #expect(before != nil, "the task did not start on an event loop")
        #expect(before == after, "the call resumed its task on another thread")
        #expect(MultiThreadedEventLoopGroup.currentEventLoop == nil, "the test's own task runs off the loops")
        await client.close()
        try await server.stop()
    }

    @Test("server streaming: every response in order, then the stream ends on OK trailers")
    func serverStreaming() async throws {
        let server = try await FakeServer.start()
        let client = RPCClient(configuration: server.clientConfiguration)
        let call = Task {
            try await client.serverStreaming(Self.method, request: UInt64Value(value: 3), options: CallOptions()) {
                (responses: RPCResponseStream<UInt64Value>) in
                var values: [UInt64] = []
                for try await response in responses { values.append(response.value) }
                return values
            }
        }
        let connection = try await server.nextConnection()
        _ = try await connection.expect(.headers)
        _ = try await connection.expect(.message)
        try await connection.respond(streamID: 1, messages: try [1, 2, 3].map { try encode(UInt64Value(value: $0)) })
        #expect(try await call.value == [1, 2, 3])
        await client.close()
        try await server.stop()
    }

    @Test("client streaming: every request, then the bare half-close (an empty COMPRESSED END_STREAM MESSAGE)")
    func clientStreaming() async throws {
        let server = try await FakeServer.start()
        let client = RPCClient(configuration: server.clientConfiguration)
        let call = Task {
            try await client.clientStreaming(Self.method, options: CallOptions()) {
                (writer: RPCRequestWriter<UInt64Value>) in
                for value in 1...3 { try await writer.write(UInt64Value(value: UInt64(value))) }
            } as UInt64Value
        }
        let connection = try await server.nextConnection()
        let headers = try await connection.expect(.headers)
        #expect(!headers.isEndStream)
        var values: [UInt64] = []
        for _ in 1...3 {
            let message = try await connection.expect(.message)
            #expect(!message.isEndStream)
            values.append(try UInt64Value(buffer: message.payload).value)
        }
        #expect(values == [1, 2, 3])
        let end = try await connection.expect(.message)
        #expect(end.isEndStream && end.isCompressed && end.payload.readableBytes == 0)
        try await connection.respond(streamID: 1, messages: [try encode(UInt64Value(value: 6))])
        #expect(try await call.value.value == 6)
        await client.close()
        try await server.stop()
    }

    @Test("bidirectional: requests and responses interleave on one stream")
    func bidirectional() async throws {
        let server = try await FakeServer.start()
        let client = RPCClient(configuration: server.clientConfiguration)
        let call = Task {
            try await client.bidirectional(Self.method, options: CallOptions()) {
                (writer: RPCRequestWriter<UInt64Value>, responses: RPCResponseStream<UInt64Value>) in
                var iterator = responses.makeAsyncIterator()
                var echoed: [UInt64] = []
                for value in [10, 20] as [UInt64] {
                    try await writer.write(UInt64Value(value: value))
                    echoed.append(try await iterator.next()!.value)
                }
                try await writer.finish()
                #expect(try await iterator.next() == nil)
                return echoed
            }
        }
        let connection = try await server.nextConnection()
        _ = try await connection.expect(.headers)
        try await connection.send(try Frame.headers(streamID: 1, ResponseHeaders()))
        for _ in 0..<2 {
            let request = try await connection.expect(.message)
            let value = try UInt64Value(buffer: request.payload).value
            try await connection.send(Frame.message(streamID: 1, payload: try encode(UInt64Value(value: value + 1))))
        }
        #expect(try await connection.expect(.message).isEndStream)
        try await connection.send(try Frame.trailers(streamID: 1, Status(code: .ok)))
        #expect(try await call.value == [11, 21])
        await client.close()
        try await server.stop()
    }

    @Test("concurrent calls share one connection with distinct odd, increasing stream ids")
    func multiplexing() async throws {
        let server = try await FakeServer.start()
        let client = RPCClient(configuration: server.clientConfiguration)
        let calls = (0..<3).map { index in
            Task {
                try await client.unary(Self.method, request: UInt64Value(value: UInt64(index)), options: CallOptions())
                    as UInt64Value
            }
        }
        let connection = try await server.nextConnection()
        var requests: [UInt32: UInt64] = [:]
        var order: [UInt32] = []
        while requests.count < 3 {
            let frame = try await connection.next()
            if frame.type == .headers { order.append(frame.streamID) }
            if frame.type == .message { requests[frame.streamID] = try UInt64Value(buffer: frame.payload).value }
        }
        #expect(order == [1, 3, 5])
        for (streamID, value) in requests {
            try await connection.respond(streamID: streamID, messages: [try encode(UInt64Value(value: value * 100))])
        }
        for (index, call) in calls.enumerated() {
            #expect(try await call.value.value == UInt64(index) * 100)
        }
        await client.close()
        try await server.stop()
    }

    @Test("non-OK trailers throw RPCError with the status's code, message and detail")
    func failedCall() async throws {
        let server = try await FakeServer.start()
        let client = RPCClient(configuration: server.clientConfiguration)
        let call = Task {
            try await client.unary(Self.method, request: UInt64Value(), options: CallOptions()) as UInt64Value
        }
        let connection = try await server.nextConnection()
        _ = try await connection.expect(.headers)
        let detail = ErrorDetail(kind: .notReady, inputID: "input-1")
        try await connection.respond(
            streamID: 1,
            messages: [],
            status: Status(code: .failedPrecondition, message: "not ready", details: detail)
        )
        let error = await #expect(throws: RPCError.self) { try await call.value }
        #expect(error?.code == .failedPrecondition)
        #expect(error?.message == "not ready")
        #expect(error?.detail == detail)
        await client.close()
        try await server.stop()
    }
}

/// A message's encoding.
func encode(_ message: some ProtoMessage) throws -> ByteBuffer {
    var buffer = ByteBuffer()
    _ = try message.serialize(into: &buffer)
    return buffer
}
