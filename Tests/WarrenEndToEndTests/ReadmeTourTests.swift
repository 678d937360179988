import Foundation
import Testing

/// The README's 5-minute tour, run as written: its shell block is executed by bash against a live warrend
/// started by the test.
@Suite("README tour end to end")
struct ReadmeTourTests {
    @Test("the tour's commands work as written and print what the README says")
    func tourRuns() async throws {
        try await withLiveServer { server in
            let script = try Self.tourScript()
            var environment = ["WARREN_ADDRESS": server.process.address]
            environment["PATH"] =
                BuiltProducts.directory.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            let child = try ChildProcess.start(
                URL(fileURLWithPath: "/bin/bash"),
                ["-euo", "pipefail", "-c", script],
                environment: environment
            )
            let status = await child.finish()
            let (output, errors) = (child.output, child.errors)
            #expect(status == 0, "tour failed:\n\(output.text)\n\(errors.text)")
            #expect(output.text.contains("completed: hello, warren"))
            #expect(output.text.contains("input_consumed"))
            #expect(output.text.contains("caught up"))
            #expect(output.text.contains("SERVING") || output.text.contains("serving"))
        }
    }

    /// The README's tour block (the server it talks to is the one this test started).
    static func tourScript() throws -> String {
        let readme = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        guard let start = text.range(of: "<!-- tour:begin -->"), let end = text.range(of: "<!-- tour:end -->") else {
            throw HarnessError("README.md has no tour markers")
        }
        let block = text[start.upperBound..<end.lowerBound]
        let lines = block.split(separator: "\n").filter { !$0.hasPrefix("```") }
        return lines.joined(separator: "\n")
    }
}
