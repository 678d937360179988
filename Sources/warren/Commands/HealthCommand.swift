import ArgumentParser
import WarrenClient
import WarrenProto

/// `warren health`: is the server serving, and its counters.
struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Check that the server is serving and print its counters."
    )

    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Print ServerInfo as one JSON object.")
    var json = false

    func run() async throws {
        try await withClient(self.connection) { client in
            let check = try await client.health.check(HealthCheckRequest(), options: self.connection.callOptions)
            let info = try await client.health.serverInfo(ServerInfoRequest(), options: self.connection.callOptions)
            if self.json {
                Console.line(info.jsonValue().jsonText)
                return
            }
            Console.line(
                "\(check.status) — \(info.serverVersion), protocol \(info.protocolVersion), up \(info.uptimeMs / 1_000) s"
            )
            Console.line(
                "connections \(info.openConnections), streams \(info.openStreams), calls \(info.totalCalls) (\(info.failedCalls) failed)"
            )
            Console.line(
                "sessions \(info.sessions), subscribers \(info.subscribers), remote executors \(info.attachedExecutors)"
            )
        }
    }
}
