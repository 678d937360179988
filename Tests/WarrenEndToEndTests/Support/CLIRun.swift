import Foundation

/// One run of the `warren` CLI as a subprocess, with what it printed and its exit status.
struct CLIRun: Sendable {
    let status: Int32
    let standardOutput: String
    let standardError: String

    /// Runs `warren arguments…` to completion.
    static func warren(_ arguments: [String], environment: [String: String] = [:]) async throws -> CLIRun {
        let child = try ChildProcess.start(BuiltProducts.executable("warren"), arguments, environment: environment)
        let status = await child.finish()
        return CLIRun(status: status, standardOutput: child.output.text, standardError: child.errors.text)
    }
}
