import Foundation

/// One run of the `warren` CLI as a subprocess, with what it printed and its exit status.
struct CLIRun: Sendable {
    let status: Int32
    let standardOutput: String
    let standardError: String

    /// Runs `warren arguments…` to completion.
    static func warren(_ arguments: [String], environment: [String: String] = [:]) async throws -> CLIRun {
        let process = Process()
        process.executableURL = try BuiltProducts.executable("warren")
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let output = OutputCollector(reading: stdout.fileHandleForReading)
        let errors = OutputCollector(reading: stderr.fileHandleForReading)
        await Task.detached { process.waitUntilExit() }.value
        _ = await output.firstLine { _ in false }
        _ = await errors.firstLine { _ in false }
        return CLIRun(status: process.terminationStatus, standardOutput: output.text, standardError: errors.text)
    }
}
