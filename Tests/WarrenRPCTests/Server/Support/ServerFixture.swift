import Logging
import NIOCore
import Testing
import WarrenProto
import WarrenRPC

/// Runs a real server on an ephemeral loopback port around a test, then checks that it still serves a new
/// client, that every stream and connection was released, and that it shuts down cleanly.
struct ServerFixture {
    let server: RPCServer
    let address: SocketAddress
    let probe: CallProbe

    /// Runs `body` against a fresh server configured by `configure`.
    static func run(
        configure: (inout RPCServerConfiguration) -> Void = { _ in },
        _ body: (ServerFixture) async throws -> Void
    ) async throws {
        var configuration = RPCServerConfiguration(port: 0)
        configure(&configuration)
        let probe = CallProbe()
        let server = RPCServer(
            configuration: configuration,
            services: [TestService(probe: probe)],
            logger: Logger(label: "test")
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            let fixture = ServerFixture(server: server, address: try await server.listeningAddress(), probe: probe)
            try await body(fixture)
            try await fixture.expectServesAndReleases(token: configuration.bearerToken)
            server.beginGracefulShutdown()
            try await group.waitForAll()
        }
    }

    /// A new client can still make a call, and then nothing is left open.
    func expectServesAndReleases(token: String?) async throws {
        let (client, _) = try await RawClient.connected(to: self.address)
        let metadata = token.map { [CallMetadata.authorization: CallMetadata.bearer($0)] } ?? [:]
        try await client.startCall(
            1,
            TestService.path("Echo"),
            requests: [TestService.message("ok")],
            metadata: metadata
        )
        #expect(try await client.response(1).status.code == .ok)
        await client.close()
        try await Self.eventually("streams and connections released") {
            let statistics = self.server.statistics
            return statistics.openStreams == 0 && statistics.openConnections == 0
        }
    }

    /// Polls `condition` until it holds, failing after a generous bound (no timing is asserted).
    static func eventually(
        _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: () -> Bool
    ) async throws {
        for _ in 0..<1000 {
            if condition() { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("never happened: \(what)", sourceLocation: sourceLocation)
    }
}
