import ArgumentParser
import WarrenClient
import WarrenProto

/// `warren inputs`: a session's active inputs with their states.
struct InputsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inputs",
        abstract: "List a session's active (non-terminal) inputs, or one input's state."
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "The session id.")
    var session: String

    @Argument(help: "An input id: print that input's state and history instead.")
    var inputID: String?

    func run() async throws {
        try await withClient(self.connection) { client in
            let ids: [String]
            if let inputID = self.inputID {
                ids = [inputID]
            } else {
                ids = try await client.sessions.listActiveInputs(
                    ListActiveInputsRequest(sessionID: self.session),
                    options: self.connection.callOptions
                ).inputIDs
                if ids.isEmpty { Console.line("no active inputs") }
            }
            for id in ids {
                let response = try await client.sessions.inputState(
                    InputStateRequest(sessionID: self.session, inputID: id),
                    options: self.connection.callOptions
                )
                Console.line(response.found ? OutcomeText.inputState(response.state) : "\(id) not found")
            }
        }
    }
}
