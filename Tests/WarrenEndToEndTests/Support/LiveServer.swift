import WarrenClient
import WarrenProto
import WarrenRPC

/// A started `warrend` and a client connected to it; each test gets its own server on a free port.
struct LiveServer: Sendable {
    let process: WarrendProcess
    let client: WarrenClient

    /// Starts `warrend --memory` (plus `arguments`) and a client for it.
    static func start(_ arguments: [String] = [], token: String? = nil) async throws -> LiveServer {
        let process = try await WarrendProcess.start(["--memory"] + arguments)
        return LiveServer(process: process, client: process.makeClient(token: token))
    }

    /// Stops the client and the server; the server must exit cleanly on SIGTERM.
    func stop() async {
        await self.client.close()
        await self.process.stop()
    }

    /// Server counters, read through Health.ServerInfo.
    func serverInfo() async throws -> ServerInfoResponse {
        try await self.client.health.serverInfo(ServerInfoRequest())
    }

    /// Waits until the server reports at most `streams` open streams (the caller's own ServerInfo call counts
    /// as one) and `connections` connections, polling; throws when it never does within `attempts` polls.
    func expectSettles(streams: UInt64 = 1, connections: UInt64 = 1, attempts: Int = 200) async throws {
        var last = try await self.serverInfo()
        for _ in 0..<attempts where last.openStreams > streams || last.openConnections > connections {
            try await Task.sleep(for: .milliseconds(25))
            last = try await self.serverInfo()
        }
        guard last.openStreams <= streams, last.openConnections <= connections else {
            throw HarnessError(
                "server did not settle: \(last.openStreams) streams, \(last.openConnections) connections open"
            )
        }
    }
}

extension WarrendProcess {
    /// A new client (its own connection) for this server; `configure` adjusts its configuration.
    func makeClient(
        token: String? = nil,
        configure: (inout RPCClientConfiguration) -> Void = { _ in }
    ) -> WarrenClient {
        var configuration = RPCClientConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = self.port
        configuration.bearerToken = token
        configure(&configuration)
        return WarrenClient(configuration: configuration)
    }
}

/// Runs `body` against a fresh server and always stops it.
func withLiveServer(
    _ arguments: [String] = [],
    token: String? = nil,
    _ body: (LiveServer) async throws -> Void
) async throws {
    let server = try await LiveServer.start(arguments, token: token)
    do {
        try await body(server)
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}
