import ArgumentParser
import WarrenClient
import WarrenProto

/// `warren state`: a session's runtime state.
struct StateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "state", abstract: "Print a session's runtime state.")

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "The session id.")
    var session: String

    func run() async throws {
        try await withClient(self.connection) { client in
            let response = try await client.sessions.runtimeState(
                SessionRuntimeStateRequest(sessionID: self.session),
                options: self.connection.callOptions
            )
            let run = response.currentRunID.isEmpty ? "" : " (run \(response.currentRunID))"
            Console.line("\(response.state)\(run)")
        }
    }
}
