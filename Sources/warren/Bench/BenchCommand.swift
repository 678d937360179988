import ArgumentParser
import Foundation
import WarrenBench

/// `warren bench`: a load generator for a running `warrend`, or for one it spawns.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Load-test warrend: closed-loop callers, HdrHistogram latencies, throughput, errors.",
        discussion: """
            Each caller keeps exactly one call in flight (closed loop). Operations of the warm-up are not counted: \
            an operation counts when it starts after the warm-up and ends inside the measured window. \
            --timeout sets a per-call deadline (none by default).

            Examples:
              warren bench --spawn memory -c 64 -d 5
              warren bench --spawn sqlite --mix ingest-await -c 16 --sessions 16 --json
              warren bench --address 127.0.0.1:7433 --mix subscribe --subscribers 8 -c 16
            """
    )

    @OptionGroup var connection: ConnectionOptions

    @OptionGroup var load: BenchOptions

    @Option(help: "Start a warrend for this run (memory or sqlite, in a temporary directory) and stop it after.")
    var spawn: String?

    @Option(help: "The warrend to spawn (default: the one next to this warren).")
    var warrend: String?

    @Flag(help: "Deflate requests of 1 KiB and more, when the server offers it (off: as the peers).")
    var compression = false

    @Flag(help: "Print the report as JSON (schema warren-bench/1, docs/bench-json.md).")
    var json = false

    @Flag(help: "Show no live progress on stderr.")
    var noProgress = false

    func validate() throws {
        do {
            _ = try self.load.plan(callTimeout: self.connection.timeout)
        } catch {
            throw ValidationError(error.description)
        }
        if let spawn = self.spawn {
            do {
                _ = try BenchOptions.choice(SpawnStorage.self, spawn, "--spawn")
            } catch {
                throw ValidationError(error.description)
            }
        }
        if self.spawn != nil, self.connection.address != nil {
            throw ValidationError("--spawn starts its own server on a free port: drop --address")
        }
        if self.spawn != nil, self.connection.tokenFile != nil {
            throw ValidationError("--spawn starts a server without a token: drop --token-file")
        }
        if self.warrend != nil, self.spawn == nil {
            throw ValidationError("--warrend names the server to spawn: add --spawn memory or --spawn sqlite")
        }
    }

    func run() async throws {
        let plan = try self.load.plan(callTimeout: self.connection.timeout)
        let server = try await self.spawnServer()
        let report: BenchReport
        do {
            let target = try server.map { BenchTarget($0, compression: self.compression) } ?? self.runningTarget()
            let progress: BenchProgress = self.noProgress ? .none : .automatic
            report = try await BenchRunner(plan: plan, target: target, progress: progress).run()
        } catch {
            await server?.stop()
            throw CLIFailure("\(error)")
        }
        await server?.stop()
        Console.line(self.json ? try report.jsonText() : report.text)
        if report.calls.ok == 0 && (report.events?.total ?? 0) == 0 {
            throw CLIFailure("no operation succeeded in the measured window")
        }
    }

    private func spawnServer() async throws -> SpawnedServer? {
        guard let spawn else { return nil }
        do {
            let storage = try BenchOptions.choice(SpawnStorage.self, spawn, "--spawn")
            let executable =
                try self.warrend.map { URL(fileURLWithPath: $0) }
                ?? SpawnedServer.warrendBesideCurrentExecutable()
            return try await SpawnedServer.start(storage, executable: executable)
        } catch {
            throw CLIFailure("\(error)")
        }
    }

    private func runningTarget() throws -> BenchTarget {
        BenchTarget(
            address: try self.connection.serverAddress(),
            bearerToken: try self.connection.bearerToken(),
            compression: self.compression
        )
    }
}
