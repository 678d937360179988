import Foundation

/// A long-running `warren` subprocess (such as `serve-executor`) that a test watches and may kill -9.
final class CLIProcess: Sendable {
    private let process: Process
    private let output: OutputCollector
    private let errors: OutputCollector

    /// Starts `warren arguments…`.
    static func start(_ arguments: [String]) async throws -> CLIProcess {
        let child = try ChildProcess.start(BuiltProducts.executable("warren"), arguments)
        return CLIProcess(process: child.process, output: child.output, errors: child.errors)
    }

    private init(process: Process, output: OutputCollector, errors: OutputCollector) {
        self.process = process
        self.output = output
        self.errors = errors
    }

    /// Waits for a stdout line matching `predicate`; fails with stderr if the process ends first.
    func waitForLine(_ predicate: @escaping @Sendable (String) -> Bool) async throws {
        guard await self.output.firstLine(where: predicate) != nil else {
            throw HarnessError("warren exited before the expected line:\n\(self.output.text)\n\(self.errors.text)")
        }
    }

    /// kill -9, then reap.
    func kill() async {
        if self.process.isRunning { Foundation.kill(self.process.processIdentifier, SIGKILL) }
        let process = self.process
        await Task.detached { process.waitUntilExit() }.value
    }

    deinit {
        if self.process.isRunning { Foundation.kill(self.process.processIdentifier, SIGKILL) }
    }
}
