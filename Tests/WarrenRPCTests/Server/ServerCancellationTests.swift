import Logging
import NIOCore
import Testing
import WarrenProto
import WarrenRPC

@Suite("RPCServer deadlines, cancellation and flow control", .timeLimit(.minutes(1)))
struct ServerCancellationTests {
    @Test("a deadline passing mid-handler ends the call with DEADLINE_EXCEEDED and cancels the handler")
    func deadline() async throws {
        try await ServerFixture.run { fixture in
            let (client, _) = try await RawClient.connected(to: fixture.address)
            // Long enough for the handler to start on a loaded machine: a deadline that fires first ends the
            // call before the handler runs, which is correct but not what this test is about.
            try await client.startCall(
                1,
                TestService.path("Block"),
                requests: [TestService.message("x")],
                timeoutMs: 1_000
            )
            try await ServerFixture.eventually("the handler started") { fixture.probe.started == 1 }
            #expect(try await client.response(1).status.code == .deadlineExceeded)
            try await ServerFixture.eventually("the handler saw cancellation") { fixture.probe.cancelled == 1 }
            await client.close()
        }
    }

    @Test("a client CANCEL cancels the handler and gets no trailers")
    func clientCancel() async throws {
        try await ServerFixture.run { fixture in
            let (client, _) = try await RawClient.connected(to: fixture.address)
            try await client.startCall(1, TestService.path("Block"), requests: [TestService.message("x")])
            try await ServerFixture.eventually("the handler started") { fixture.probe.started == 1 }
            try await client.send(Frame.cancel(streamID: 1))
            try await ServerFixture.eventually("the handler saw cancellation") { fixture.probe.cancelled == 1 }
            try await client.startCall(3, TestService.path("Echo"), requests: [TestService.message("after")])
            #expect(try await client.response(3).status.code == .ok)
            await client.close()
            #expect(await client.next(on: 1) == nil)
        }
    }

    @Test("a client that vanishes mid-call has its handler cancelled")
    func clientVanishes() async throws {
        try await ServerFixture.run { fixture in
            let (client, _) = try await RawClient.connected(to: fixture.address)
            try await client.startCall(1, TestService.path("Block"), requests: [TestService.message("x")])
            try await ServerFixture.eventually("the handler started") { fixture.probe.started == 1 }
            await client.close()
            try await ServerFixture.eventually("the handler saw cancellation") { fixture.probe.cancelled == 1 }
        }
    }

    @Test("a writer suspends while the client grants no credit, and resumes when it does")
    func backpressure() async throws {
        try await ServerFixture.run { fixture in
            let settings = Settings(maxFrameSize: Frame.defaultMaxFrameSize, initialStreamWindow: 4_096)
            let (client, _) = try await RawClient.connected(to: fixture.address, settings: settings)
            try await client.startCall(1, TestService.path("Flood"), requests: [TestService.message("")])
            // Each message is ~1 KB: a 4 KiB window lets 5 through (the last overdraws); the writer runs ahead
            // by its pipeline's bound (D118), then waits.
            var received = 0
            while received < 5 {
                if await client.next(on: 1)?.type == .message { received += 1 }
            }
            let bound = 5 + ResponsePipeline.maxMessages
            try await ServerFixture.eventually("the pipeline filled") { fixture.probe.written == bound }
            try await client.send(Frame.ping(PingData(7)))
            #expect(await client.next(on: 0)?.type == .ping)
            #expect(fixture.probe.written == bound)
            try await client.send(
                Frame.windowUpdate(streamID: 1, increment: 100_000),
                Frame.windowUpdate(streamID: 0, increment: 100_000)
            )
            try await ServerFixture.eventually("the writer went on") { fixture.probe.written > bound }
            try await client.send(Frame.cancel(streamID: 1))
            try await ServerFixture.eventually("the handler saw cancellation") { fixture.probe.cancelled == 1 }
            await client.close()
        }
    }

    @Test("a graceful shutdown sends GOAWAY SHUTDOWN, lets the open call finish, then run() returns")
    func gracefulShutdown() async throws {
        let probe = CallProbe()
        let server = RPCServer(
            configuration: RPCServerConfiguration(port: 0),
            services: [TestService(probe: probe)],
            logger: .init(label: "test")
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            let (client, _) = try await RawClient.connected(to: server.listeningAddress())
            try await client.startCall(1, TestService.path("Gate"), requests: [TestService.message("drain")])
            try await ServerFixture.eventually("the call started") { probe.started == 1 }
            server.beginGracefulShutdown()
            let goAway = try #require(await client.next(on: 0))
            #expect(
                try goAway.decodeGoAway()
                    == GoAway(lastStreamID: 1, code: .shutdown, message: "the server is shutting down")
            )
            probe.openGate()
            let response = try await client.response(1)
            #expect(response.status.code == .ok)
            #expect(try response.decoded(HealthCheckRequest.self) == [HealthCheckRequest(service: "drain")])
            #expect(try await client.untilClosed().isEmpty)
            try await group.waitForAll()
            #expect(server.statistics.openStreams == 0)
            #expect(server.statistics.openConnections == 0)
        }
    }
}
