import NIOCore
import Testing
import WarrenProto
import WarrenRPC

@Suite("RPCServer per-call errors", .timeLimit(.minutes(1)))
struct ServerErrorTests {
    @Test("an unknown method ends with UNIMPLEMENTED naming it")
    func unknownMethod() async throws {
        try await ServerFixture.run { fixture in
            let (client, _) = try await RawClient.connected(to: fixture.address)
            try await client.startCall(1, "/warren.test.Test/Nope", requests: [TestService.message("x")])
            let status = try await client.response(1).status
            #expect(status.code == .unimplemented)
            #expect(status.message.contains("/warren.test.Test/Nope"))
            await client.close()
        }
    }

    @Test("an undecodable request ends with INVALID_ARGUMENT; the connection carries on")
    func undecodable() async throws {
        try await ServerFixture.run { fixture in
            let (client, _) = try await RawClient.connected(to: fixture.address)
            try await client.startCall(1, TestService.path("Echo"), requests: [ByteBuffer(bytes: [0xFF, 0xFF, 0xFF])])
            #expect(try await client.response(1).status.code == .invalidArgument)
            try await client.startCall(3, TestService.path("Echo"), requests: [TestService.message("next")])
            #expect(try await client.response(3).status.code == .ok)
            await client.close()
        }
    }

    @Test("a request over the maximum message size ends with RESOURCE_EXHAUSTED")
    func oversized() async throws {
        try await ServerFixture.run(configure: { $0.maxMessageSize = 1_000 }) { fixture in
            let (client, _) = try await RawClient.connected(to: fixture.address)
            let big = TestService.message(String(repeating: "y", count: 2_000))
            try await client.startCall(1, TestService.path("Echo"), requests: [big])
            #expect(try await client.response(1).status.code == .resourceExhausted)
            await client.close()
        }
    }

    @Test("a stream over max_concurrent_streams is refused with UNAVAILABLE; the open one carries on")
    func tooManyStreams() async throws {
        try await ServerFixture.run(configure: { $0.maxConcurrentStreams = 1 }) { fixture in
            let (client, settings) = try await RawClient.connected(to: fixture.address)
            #expect(settings.maxConcurrentStreams == 1)
            try await client.startCall(1, TestService.path("Gate"), requests: [TestService.message("first")])
            try await ServerFixture.eventually("the first call started") { fixture.probe.started == 1 }
            try await client.startCall(3, TestService.path("Echo"), requests: [TestService.message("second")])
            #expect(try await client.response(3).status.code == .unavailable)
            fixture.probe.openGate()
            #expect(try await client.response(1).status.code == .ok)
            await client.close()
        }
    }

    @Test("a missing or wrong token is UNAUTHENTICATED; the right one is OK")
    func authentication() async throws {
        try await ServerFixture.run(configure: { $0.bearerToken = "s3cret" }) { fixture in
            let (client, _) = try await RawClient.connected(to: fixture.address)
            let request = [TestService.message("x")]
            try await client.startCall(1, TestService.path("Echo"), requests: request)
            try await client.startCall(
                3,
                TestService.path("Echo"),
                requests: request,
                metadata: [CallMetadata.authorization: CallMetadata.bearer("wrong")]
            )
            try await client.startCall(
                5,
                TestService.path("Echo"),
                requests: request,
                metadata: [CallMetadata.authorization: CallMetadata.bearer("s3cret")]
            )
            #expect(try await client.response(1).status.code == .unauthenticated)
            #expect(try await client.response(3).status.code == .unauthenticated)
            #expect(try await client.response(5).status.code == .ok)
            await client.close()
        }
    }

    @Test("deflate both ways when the client asks for it")
    func compression() async throws {
        try await ServerFixture.run { fixture in
            let (client, settings) = try await RawClient.connected(to: fixture.address)
            #expect(settings.supportedEncodings.contains("deflate"))
            let text = String(repeating: "compressible ", count: 100)
            try await client.startCall(
                1,
                TestService.path("Echo"),
                requests: [TestService.message(text)],
                encoding: "deflate"
            )
            let response = try await client.response(1)
            #expect(response.headers?.messageEncoding == "deflate")
            #expect(response.messages.allSatisfy { $0.isCompressed })
            #expect(response.messages.first.map { $0.payload.readableBytes < text.utf8.count } == true)
            #expect(try response.decoded(HealthCheckRequest.self) == [HealthCheckRequest(service: text)])
            #expect(response.status.code == .ok)
            await client.close()
        }
    }
}
