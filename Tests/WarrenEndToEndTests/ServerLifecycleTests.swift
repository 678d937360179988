import Foundation
import Testing
import WarrenClient
import WarrenProto
import WarrenRPC

/// warrend as a process: it starts, serves, drains and exits 0 on SIGTERM and SIGINT; bad flags stop it at
/// once with a message; the CLI reports a server that is down in words a person can act on.
@Suite("warrend process end to end")
struct ServerLifecycleTests {
    @Test("health and server info over TCP, then SIGTERM exits 0")
    func serveAndTerminate() async throws {
        let process = try await WarrendProcess.start()
        let client = process.makeClient()
        #expect(try await client.health.check(HealthCheckRequest()).status == .serving)
        let info = try await client.health.serverInfo(ServerInfoRequest())
        #expect(info.serverVersion.hasPrefix("warrend"))
        #expect(info.protocolVersion == 1)
        #expect(info.store?.backend == .memory)
        try await Expect.status(.notFound) {
            _ = try await client.sessions.runtimeState(SessionRuntimeStateRequest(sessionID: Wire.newSessionID()))
        }
        await client.close()
        #expect(await process.stop(signal: SIGTERM) == 0)
    }

    @Test("SIGINT while a call is in flight: the call finishes or fails cleanly, and warrend exits 0")
    func interruptDrains() async throws {
        let process = try await WarrendProcess.start()
        let client = process.makeClient()
        let server = LiveServer(process: process, client: client)
        let session = try await Sessions.withEcho(server)
        _ = try await client.sessions.acceptInput(AcceptInputRequest(sessionID: session, input: Wire.prompt("last")))
        #expect(await process.stop(signal: SIGINT) == 0)
        #expect(process.standardError.contains("shutting down"))
        await client.close()
    }

    @Test("a bad flag value stops warrend with a message naming the flag")
    func badFlag() async throws {
        let error = await #expect(throws: HarnessError.self) {
            try await WarrendProcess.start(["--memory", "--max-frame-size", "12"])
        }
        #expect(error?.description.contains("max-frame-size") == true)
    }

    @Test("limits come from WARREN_* variables too, and a bad one names the variable")
    func environmentVariables() async throws {
        let error = await #expect(throws: HarnessError.self) {
            try await WarrendProcess.start(["--memory"], environment: ["WARREN_MAX_CONCURRENT_STREAMS": "zero"])
        }
        #expect(error?.description.contains("WARREN_MAX_CONCURRENT_STREAMS") == true)
        let process = try await WarrendProcess.start(["--memory"], environment: ["WARREN_LOG_LEVEL": "debug"])
        let client = process.makeClient()
        #expect(try await client.health.check(HealthCheckRequest()).status == .serving)
        await client.close()
        #expect(await process.stop() == 0)
    }

    @Test("--memory and --data-dir together are refused with a message")
    func contradictoryStorage() async throws {
        let error = await #expect(throws: HarnessError.self) {
            try await WarrendProcess.start(["--memory", "--data-dir", "/tmp/warren-e2e-data"])
        }
        #expect(error?.description.contains("choose one") == true)
    }

    @Test("a file that is not a Warren database stops warrend at start, naming it, and is left untouched")
    func foreignDataFile() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "warren-foreign-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("warren.sqlite")
        try Data("not a database at all".utf8).write(to: file)
        let error = await #expect(throws: HarnessError.self) {
            try await WarrendProcess.start(["--data-dir", directory.path])
        }
        #expect(error?.description.contains("warren.sqlite") == true)
        #expect(try Data(contentsOf: file) == Data("not a database at all".utf8))
    }

    @Test("the CLI says the server is down when nothing listens")
    func cliServerDown() async throws {
        let run = try await CLIRun.warren(["health", "--address", "127.0.0.1:1"])
        #expect(run.status != 0)
        #expect(run.standardError.contains("cannot reach warrend at 127.0.0.1:1"))
    }
}

extension ServerLifecycleTests {
    @Test("a data directory that cannot be created (a read-only place) stops warrend with a message naming it")
    func unwritableDataDirectory() async throws {
        let error = await #expect(throws: HarnessError.self) {
            try await WarrendProcess.start(["--data-dir", "/proc/warren-data"])
        }
        #expect(error?.description.contains("/proc/warren-data") == true)
    }
}
