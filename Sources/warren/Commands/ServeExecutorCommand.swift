import ArgumentParser
import WarrenClient
import WarrenProto
import WarrenRPC

/// `warren serve-executor`: attach a toy remote executor that answers each run with `remote: <prompt>`.
struct ServeExecutorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-executor",
        abstract: "Attach a demo remote executor: it answers each run with 'remote: <prompt>' after --delay-ms."
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "The name sessions select it by (EnsureSessionWithExecutor with a remote reference).")
    var name: String

    @Option(help: "Milliseconds to spend on each run before answering.")
    var delayMs = 0

    @Flag(help: "Take the name over from an executor already attached under it.")
    var replaceExisting = false

    func run() async throws {
        try await withClient(self.connection) { client in
            try await client.executor.attach { requests, responses in
                let hello = ExecutorHello(executorName: self.name, replaceExisting: self.replaceExisting)
                try await requests.write(ExecutorAttachRequest(item: .hello(hello)))
                try await self.serve(responses, requests)
            }
        }
    }

    private func serve(
        _ responses: RPCResponseStream<ExecutorAttachResponse>,
        _ requests: RPCRequestWriter<ExecutorAttachRequest>
    ) async throws {
        let runs = DemoRuns(delay: .milliseconds(self.delayMs), requests: requests)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for try await response in responses {
                switch response.item {
                case .welcome(let welcome):
                    Console.line("attached as \(welcome.executorName) (\(welcome.attachmentID))")
                case .assignment(let assignment):
                    Console.line("running \(assignment.runID) for session \(assignment.sessionID)")
                    group.addTask { try await runs.run(assignment) }
                case .control(let control):
                    Console.line(
                        "control for \(control.runID): \(control.command.map { "\($0.jsonValue().jsonText)" } ?? "")"
                    )
                    runs.cancel(control.runID)
                case nil:
                    continue
                }
            }
            group.cancelAll()
        }
    }
}
