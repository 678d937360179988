import Foundation

/// A real `warrend` process on a free loopback port (`--address 127.0.0.1:0`), as the tests start it.
final class WarrendProcess: Sendable {
    /// The port it listens on, read from its `listening on` line.
    let port: Int
    private let process: Process
    private let output: OutputCollector
    private let errors: OutputCollector

    /// Starts `warrend` with `arguments` and waits until it listens; fails with its stderr if it exits first.
    static func start(_ arguments: [String] = ["--memory"], environment: [String: String] = [:]) async throws
        -> WarrendProcess
    {
        let child = try ChildProcess.start(
            BuiltProducts.executable("warrend"),
            ["--address", "127.0.0.1:0"] + arguments,
            environment: environment
        )
        let (process, output, errors) = (child.process, child.output, child.errors)
        guard let line = await output.firstLine(where: { $0.contains("listening on") }),
            let port = line.split(separator: ":").last.flatMap({ Int($0.prefix(while: \.isNumber)) })
        else {
            process.waitUntilExit()
            throw HarnessError("warrend exited (\(process.terminationStatus)) before listening:\n\(errors.text)")
        }
        return WarrendProcess(port: port, process: process, output: output, errors: errors)
    }

    private init(port: Int, process: Process, output: OutputCollector, errors: OutputCollector) {
        self.port = port
        self.process = process
        self.output = output
        self.errors = errors
    }

    /// `127.0.0.1:<port>`, as the CLI's `--address` takes it.
    var address: String { "127.0.0.1:\(self.port)" }

    /// What it printed on stdout so far.
    var standardOutput: String { self.output.text }

    /// What it logged on stderr so far.
    var standardError: String { self.errors.text }

    /// Its process id.
    var pid: Int32 { self.process.processIdentifier }

    /// Whether it is still running.
    var isRunning: Bool { self.process.isRunning }

    /// Sends `signal` and waits for the exit; returns the exit status (or the signal for a kill).
    @discardableResult
    func stop(signal: Int32 = SIGTERM) async -> Int32 {
        if self.process.isRunning { kill(self.process.processIdentifier, signal) }
        let process = self.process
        await Task.detached { process.waitUntilExit() }.value
        return process.terminationStatus
    }

    deinit {
        if self.process.isRunning { kill(self.process.processIdentifier, SIGKILL) }
    }
}
