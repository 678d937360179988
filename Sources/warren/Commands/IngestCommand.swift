import ArgumentParser
import Foundation
import WarrenClient
import WarrenProto
import WarrenRPC

/// `warren ingest`: admit a prompt into a session, creating the session with an executor when needed.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Admit a prompt into a session (created with --executor if it does not exist)."
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Session id (a UUID); a new one is made and printed when omitted.")
    var session: String?

    @Option(help: "Executor for a new session: echo, sleep, fail, fail:N, or an attached remote executor's name.")
    var executor = "echo"

    @Flag(help: "Wait for the input to complete and print its outcome.")
    var wait = false

    @Flag(help: "Print only the input id (for scripts: INPUT=$(warren ingest --quiet ...)).")
    var quiet = false

    @Option(help: "Idempotency key: the same key admits the input only once.")
    var key: String?

    @Argument(help: "The prompt text.")
    var text: String

    func run() async throws {
        let sessionID = self.session ?? UUID().uuidString.lowercased()
        try await withClient(self.connection) { client in
            _ = try await client.adapter.ensureSessionWithExecutor(
                EnsureSessionWithExecutorRequest(
                    sessionID: sessionID,
                    executor: ExecutorChoice.reference(self.executor)
                ),
                options: self.connection.callOptions
            )
            if !self.quiet { Console.line("session \(sessionID)") }
            let input = Input(
                variant: .prompt(PromptInput(header: InputHeader(idempotencyKey: self.key ?? ""), text: self.text))
            )
            if self.wait {
                try await self.acceptAndWait(client, sessionID: sessionID, input: input)
            } else {
                let response = try await client.sessions.acceptInput(
                    AcceptInputRequest(sessionID: sessionID, input: input),
                    options: self.connection.callOptions
                )
                Console.line(self.quiet ? OutcomeText.inputID(response.outcome) : OutcomeText.accept(response.outcome))
            }
        }
    }

    private func acceptAndWait(_ client: WarrenClient, sessionID: String, input: Input) async throws {
        try await client.sessions.acceptInputWithCompletion(
            AcceptInputWithCompletionRequest(sessionID: sessionID, input: input),
            options: self.connection.callOptions
        ) { responses in
            for try await response in responses {
                switch response.item {
                case .acceptOutcome(let outcome): Console.line(OutcomeText.accept(outcome))
                case .completion(let completion): Console.line(OutcomeText.completion(completion))
                case nil: break
                }
            }
        }
    }
}

/// Turns `--executor` text into the wire's executor reference.
enum ExecutorChoice {
    static func reference(_ name: String) -> ExecutorRef {
        switch name {
        case "echo": return ExecutorRef(target: .builtin(BuiltinExecutor(kind: .echo)))
        case "sleep": return ExecutorRef(target: .builtin(BuiltinExecutor(kind: .sleep)))
        case "fail": return ExecutorRef(target: .builtin(BuiltinExecutor(kind: .fail)))
        default:
            if name.hasPrefix("fail:"), let count = UInt32(name.dropFirst(5)) {
                return ExecutorRef(target: .builtin(BuiltinExecutor(kind: .fail, failCount: count)))
            }
            return ExecutorRef(target: .remote(RemoteExecutorRef(executorName: name)))
        }
    }
}
