import ArgumentParser
import WarrenClient
import WarrenProto

/// `warren await`: wait for an input to complete (answers at once when it already has).
struct AwaitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "await",
        abstract: "Wait for an input to reach a terminal state and print its outcome."
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "The session the input belongs to.")
    var session: String

    @Argument(help: "The input id printed by `warren ingest`.")
    var inputID: String

    func run() async throws {
        try await withClient(self.connection) { client in
            let response = try await client.adapter.awaitCompletion(
                AwaitCompletionRequest(sessionID: self.session, inputID: self.inputID),
                options: self.connection.callOptions
            )
            Console.line(OutcomeText.completion(response.outcome))
        }
    }
}
