import NIOCore
import Testing
import WarrenProto
import WarrenRPC

@Suite("RPCServer call shapes", .timeLimit(.minutes(1)))
struct ServerCallShapeTests {
    typealias Message = HealthCheckRequest

    @Test("unary: response HEADERS, one MESSAGE, OK trailers")
    func unary() async throws {
        try await ServerFixture.run { fixture in
            let (client, _) = try await RawClient.connected(to: fixture.address)
            try await client.startCall(1, TestService.path("Echo"), requests: [TestService.message("hello")])
            let response = try await client.response(1)
            #expect(response.headers?.messageEncoding == "identity")
            #expect(try response.decoded(Message.self) == [Message(service: "hello")])
            #expect(response.status.code == .ok)
            await client.close()
        }
    }

    @Test("server streaming: every message in order, then OK")
    func serverStreaming() async throws {
        try await ServerFixture.run { fixture in
            let (client, _) = try await RawClient.connected(to: fixture.address)
            try await client.startCall(1, TestService.path("Count"), requests: [TestService.message("5")])
            let response = try await client.response(1)
            #expect(try response.decoded(Message.self).map(\.service) == ["0", "1", "2", "3", "4"])
            #expect(response.status.code == .ok)
            await client.close()
        }
    }

    @Test("client streaming: the handler reads every request to END_STREAM")
    func clientStreaming() async throws {
        try await ServerFixture.run { fixture in
            let (client, _) = try await RawClient.connected(to: fixture.address)
            let requests = (1...10).map { TestService.message("\($0)") }
            try await client.startCall(1, TestService.path("Sum"), requests: requests)
            let response = try await client.response(1)
            #expect(try response.decoded(Message.self) == [Message(service: "55")])
            #expect(response.status.code == .ok)
            await client.close()
        }
    }

    @Test("bidirectional: each request is answered before the next is sent")
    func bidirectional() async throws {
        try await ServerFixture.run { fixture in
            let (client, _) = try await RawClient.connected(to: fixture.address)
            try await client.startCall(1, TestService.path("Chat"), requests: [], endStream: false)
            for word in ["a", "b", "c"] {
                try await client.send(Frame.message(streamID: 1, payload: TestService.message(word)))
                var frame = await client.next(on: 1)
                if frame?.type == .headers { frame = await client.next(on: 1) }
                #expect(
                    try frame.map { try Message(serializedBytes: Array($0.payload.readableBytesView)) }?.service == word
                )
            }
            try await client.send(Frame.message(streamID: 1, payload: ByteBuffer(), endStream: true))
            #expect(try await client.response(1).status.code == .ok)
            await client.close()
        }
    }

    @Test("64 concurrent calls on one connection all complete")
    func concurrentCalls() async throws {
        try await ServerFixture.run { fixture in
            let (client, _) = try await RawClient.connected(to: fixture.address)
            let ids = (0..<64).map { UInt32(2 * $0 + 1) }
            for id in ids {
                try await client.startCall(id, TestService.path("Echo"), requests: [TestService.message("\(id)")])
            }
            for id in ids.reversed() {
                let response = try await client.response(id)
                #expect(try response.decoded(Message.self) == [Message(service: "\(id)")])
                #expect(response.status.code == .ok)
            }
            #expect(fixture.server.statistics.totalCalls == 64)
            await client.close()
        }
    }
}
