import ArgumentParser

/// `warren`: talk to a running `warrend` from the shell.
@main
struct WarrenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warren",
        abstract: "Talk to a running warrend: ingest inputs, await them, inspect sessions, follow events, load-test.",
        subcommands: [
            IngestCommand.self, AwaitCommand.self, StateCommand.self, InputsCommand.self, TailCommand.self,
            HealthCommand.self, ServeExecutorCommand.self, BenchCommand.self,
        ]
    )
}
