import Foundation
import Testing
import WarrenClient
import WarrenRPC

/// The Swift runner of the language-neutral conformance scenario (Clients/conformance/scenario.json), which
/// the Python, C and Go clients run too: every step through WarrenClient against a live warrend started with
/// a bearer token, one `PASS name` / `FAIL name: why` line per step and a summary.
@Suite("Client conformance scenario")
struct ConformanceScenarioTests {
    static let scenario = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Clients/conformance/scenario.json")

    @Test("every step of Clients/conformance/scenario.json passes through WarrenClient")
    func scenarioPasses() async throws {
        let steps = try ScenarioStep.load(Self.scenario)
        let token = "conformance-\(UUID().uuidString)"
        let tokenFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "warren-token-\(UUID().uuidString)"
        )
        try "\(token)\n".write(to: tokenFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: tokenFile) }
        try await withLiveServer(["--token-file", tokenFile.path], token: token) { server in
            var variables = ScenarioVariables()
            var failures: [String] = []
            for step in steps {
                do {
                    try await Self.run(step, client: server.client, variables: &variables)
                    print("PASS \(step.name)")
                } catch {
                    print("FAIL \(step.name): \(error)")
                    failures.append("\(step.name): \(error)")
                }
            }
            print("conformance: \(steps.count - failures.count) passed, \(failures.count) failed, 0 skipped")
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
            #expect(steps.count >= 35)
        }
    }

    /// Runs one step: substitutes its variables, makes the call, checks it, saves what it names.
    static func run(_ step: ScenarioStep, client: WarrenClient, variables: inout ScenarioVariables) async throws {
        let request = try variables.substitute(step.request)
        let expect = try variables.substitute(step.expect).object("expect")
        var metadata: [String: String] = [:]
        for (key, value) in try variables.substitute(step.metadata).object("metadata") {
            metadata[key] = try value.string("metadata.\(key)")
        }
        // A step without a deadline gets a generous one, so a server that never answers fails instead of hanging.
        let milliseconds = step.timeoutMilliseconds > 0 ? step.timeoutMilliseconds : 60_000
        let options = CallOptions(timeout: .milliseconds(milliseconds), metadata: metadata)
        var events: Int?
        if case .array(let kinds)? = expect["events"] { events = kinds.count }
        let result = try await ScenarioRPCs.call(
            step.rpc,
            request: request,
            client: client,
            options: options,
            events: events
        )
        try ScenarioChecks.check(expect, result)
        guard result.status == "OK" else { return }
        for (name, path) in step.save {
            variables.saved[name] = try ScenarioChecks.saved(result.view, path)
        }
    }
}
