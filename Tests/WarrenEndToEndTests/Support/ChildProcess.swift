import Foundation

/// A started subprocess with its stdout and stderr being collected.
struct ChildProcess: Sendable {
    let process: Process
    let output: OutputCollector
    let errors: OutputCollector

    /// Starts `executable arguments…` with `environment` merged over the test's own.
    static func start(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws
        -> ChildProcess
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        return ChildProcess(
            process: process,
            output: OutputCollector(reading: stdout.fileHandleForReading),
            errors: OutputCollector(reading: stderr.fileHandleForReading)
        )
    }

    /// Waits for the exit and for both pipes to be read to their end; returns the exit status.
    func finish() async -> Int32 {
        let process = self.process
        await Task.detached { process.waitUntilExit() }.value
        _ = await self.output.firstLine { _ in false }
        _ = await self.errors.firstLine { _ in false }
        return process.terminationStatus
    }
}
