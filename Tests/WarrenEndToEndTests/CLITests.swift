import Foundation
import Testing

/// The `warren` CLI as a person or a script uses it, against a live warrend.
@Suite("warren CLI end to end")
struct CLITests {
    @Test("ingest --wait prints the accept outcome and the completion")
    func ingestAndWait() async throws {
        try await withLiveServer { server in
            let run = try await CLIRun.warren(["ingest", "--address", server.process.address, "--wait", "hi there"])
            #expect(run.status == 0, "\(run.standardError)")
            #expect(run.standardOutput.contains("accepted"))
            #expect(run.standardOutput.contains("completed: hi there"))
        }
    }

    @Test("tail --json prints one JSON object per line, ending at the caught-up marker with --no-follow")
    func tailJSON() async throws {
        try await withLiveServer { server in
            _ = try await CLIRun.warren(["ingest", "--address", server.process.address, "--wait", "json please"])
            let run = try await CLIRun.warren(["tail", "--address", server.process.address, "--no-follow", "--json"])
            #expect(run.status == 0, "\(run.standardError)")
            let lines = run.standardOutput.split(separator: "\n")
            #expect(lines.count > 3)
            for line in lines {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                #expect(object?.count == 1, "not one item per line: \(line)")
            }
            #expect(lines.last?.contains("caught_up") == true)
        }
    }

    @Test("a reader that stops early (warren tail | head -1) ends the CLI quietly")
    func closedPipe() async throws {
        try await withLiveServer { server in
            _ = try await CLIRun.warren(["ingest", "--address", server.process.address, "--wait", "x"])
            let child = try ChildProcess.start(
                URL(fileURLWithPath: "/bin/bash"),
                ["-o", "pipefail", "-c", "warren tail --no-follow --address \(server.process.address) | head -1"],
                environment: ["PATH": BuiltProducts.directory.path + ":/usr/bin:/bin"]
            )
            #expect(await child.finish() == 0, "\(child.errors.text)")
            #expect(!child.errors.text.contains("crashed"))
        }
    }

    @Test("a failed call exits 1 with the status and the server's message")
    func failedCall() async throws {
        try await withLiveServer { server in
            let session = UUID().uuidString.lowercased()
            let run = try await CLIRun.warren(["state", "--address", server.process.address, "--session", session])
            #expect(run.status == 1)
            #expect(run.standardError.contains("notFound"))
        }
    }
}
