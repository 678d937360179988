public import Foundation
public import WarrenRPC

/// How a spawned `warrend` stores its data.
public enum SpawnStorage: String, CaseIterable, Sendable, Codable {
    /// `warrend --memory`: nothing persisted.
    case memory
    /// The embedded SQLite store (WAL, `synchronous=FULL`, group commit) in a fresh temporary data directory.
    case sqlite
}

/// A `warrend` started for one bench run on a free loopback port, in a temporary directory that holds its log
/// (and, for SQLite, its data) and is removed when it stops.
public final class SpawnedServer: Sendable {
    /// Where it listens.
    public let address: ServerAddress
    /// Its storage.
    public let storage: SpawnStorage
    private let process: Process
    private let directory: URL

    /// Its process id.
    public var pid: Int32 { self.process.processIdentifier }

    /// Whether it is still running.
    public var isRunning: Bool { self.process.isRunning }

    /// What it wrote on stdout and stderr so far.
    public var log: String {
        (try? String(contentsOf: self.logFile, encoding: .utf8)) ?? ""
    }

    private var logFile: URL { self.directory.appendingPathComponent("warrend.log") }

    private init(address: ServerAddress, storage: SpawnStorage, process: Process, directory: URL) {
        self.address = address
        self.storage = storage
        self.process = process
        self.directory = directory
    }

    /// Starts `executable` (a `warrend`) and waits until it listens.
    ///
    /// - Throws: ``BenchSetupError`` with the end of its log when it exits or stays silent for `startTimeout`.
    public static func start(
        _ storage: SpawnStorage,
        executable: URL,
        startTimeout: Duration = .seconds(60)
    ) async throws -> SpawnedServer {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("warren-bench-\(UUID().uuidString.lowercased())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let logFile = directory.appendingPathComponent("warrend.log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let log = try FileHandle(forWritingTo: logFile)
        let process = Process()
        process.executableURL = executable
        process.arguments = Self.arguments(storage, directory: directory)
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw BenchSetupError("cannot start \(executable.path): \(error)")
        }
        try? log.close()
        let server = try await Self.awaitListening(process, logFile: logFile, timeout: startTimeout)
        return SpawnedServer(address: server, storage: storage, process: process, directory: directory)
    }

    private static func arguments(_ storage: SpawnStorage, directory: URL) -> [String] {
        let common = ["--address", "127.0.0.1:0", "--log-level", "warning"]
        switch storage {
        case .memory: return common + ["--memory"]
        case .sqlite: return common + ["--data-dir", directory.appendingPathComponent("data").path]
        }
    }

    /// Polls the log for `warrend listening on HOST:PORT`.
    private static func awaitListening(_ process: Process, logFile: URL, timeout: Duration) async throws
        -> ServerAddress
    {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            let completeLines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            if let line = completeLines.first(where: { $0.contains("listening on ") }),
                let address = ServerAddress(parsing: String(line.split(separator: " ").last ?? ""))
            {
                return address
            }
            guard process.isRunning else {
                throw BenchSetupError("warrend exited (\(process.terminationStatus)) before listening:\n\(text)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.terminate()
        throw BenchSetupError("warrend did not listen within \(timeout)")
    }

    /// Peak resident set size so far (`VmHWM`), in bytes.
    public var peakResidentBytes: Int? { ProcessStats.peakResidentBytes(pid: self.pid) }

    /// Sends SIGTERM (graceful drain), waits up to `grace` for the exit, then SIGKILL; removes the temporary
    /// directory. Returns the exit status.
    @discardableResult
    public func stop(grace: Duration = .seconds(15)) async -> Int32 {
        if self.process.isRunning { kill(self.pid, SIGTERM) }
        let deadline = ContinuousClock.now + grace
        while self.process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if self.process.isRunning {
            kill(self.pid, SIGKILL)
            while self.process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
        }
        try? FileManager.default.removeItem(at: self.directory)
        return self.process.terminationStatus
    }

    /// The `warrend` beside the running executable (as SwiftPM and installs lay them out).
    public static func warrendBesideCurrentExecutable() throws -> URL {
        let current = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let warrend = current.deletingLastPathComponent().appendingPathComponent("warrend")
        guard FileManager.default.isExecutableFile(atPath: warrend.path) else {
            throw BenchSetupError(
                "--spawn needs warrend next to \(current.lastPathComponent) (\(warrend.path)); build it with "
                    + "`swift build --product warrend` or pass --address to bench a running server"
            )
        }
        return warrend
    }

    deinit {
        if self.process.isRunning { kill(self.process.processIdentifier, SIGKILL) }
    }
}
