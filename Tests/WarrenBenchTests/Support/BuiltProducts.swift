import Foundation
import WarrenBench

/// Finds the executables SwiftPM built next to the test runner (`warrend`, `warren`).
enum BuiltProducts {
    /// The build directory (`.build/<triple>/debug`), where the test runner lives.
    static let directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()

    /// The executable `name`; a clear failure when it was not built.
    static func executable(_ name: String) throws -> URL {
        let url = self.directory.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw BenchSetupError("\(name) is not built at \(url.path); run `swift build` first")
        }
        return url
    }
}

/// Runs `body` against a `warrend` spawned the way `warren bench --spawn` does, and always stops it.
func withSpawnedServer<Result>(
    _ storage: SpawnStorage = .memory,
    _ body: (SpawnedServer) async throws -> Result
) async throws -> Result {
    let server = try await SpawnedServer.start(storage, executable: BuiltProducts.executable("warrend"))
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// One run of the `warren` CLI to its end: exit status and both outputs.
struct CLIRun {
    let status: Int32
    let standardOutput: String
    let standardError: String

    /// Runs `warren arguments…`; output is read through files, so nothing blocks on a full pipe.
    static func warren(_ arguments: [String]) async throws -> CLIRun {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-cli-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outputURL = directory.appendingPathComponent("out")
        let errorURL = directory.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let process = Process()
        process.executableURL = try BuiltProducts.executable("warren")
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        try process.run()
        while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        return CLIRun(
            status: process.terminationStatus,
            standardOutput: try String(contentsOf: outputURL, encoding: .utf8),
            standardError: try String(contentsOf: errorURL, encoding: .utf8)
        )
    }
}
