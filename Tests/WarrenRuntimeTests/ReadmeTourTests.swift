import Testing
import WarrenRuntime

/// The runtime snippet of README.md's tour, run as written.
@Suite("README runtime tour")
struct ReadmeRuntimeTourTests {
    @Test("the embedded runtime example completes with the echoed text and replays its events")
    func embeddedRuntimeExample() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.ensureSessionWithExecutor(session, executor: EchoExecutor())
        let (outcome, handle) = try await adapter.acceptInputWithCompletion(
            session,
            .prompt(PromptInput(text: "hello"))
        )
        guard case .accepted = outcome else {
            Issue.record("not accepted: \(outcome)")
            return
        }
        #expect(try await handle!.wait() == .completed(RunResult(text: "hello")))
        var events = 0
        for try await item in adapter.subscribe(start: .beginning) {
            if case .event = item { events += 1 }
            if case .caughtUp = item { break }
        }
        #expect(events > 5)
    }
}
