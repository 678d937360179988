import Synchronization
import Testing
import WarrenRuntime
import WarrenStore

/// `AwaitCompletion` for an input whose run is being committed waits for the commit and answers with the
/// run's result, not with what the ledger alone knows (D93).
@Suite("Await during a boundary commit")
struct AwaitDuringCommitTests {
    @Test("an await that arrives while the run's commit is on its way to disk gets the run's result")
    func awaitDuringCommitGetsResult() async throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore.open(directory: directory.path)
        let adapter = try await RuntimeSessionAdapter.persistent(store: store)
        let session = SessionID.make()
        let executor = GatedExecutor()
        try await adapter.ensureSessionWithExecutor(session, executor: executor)
        guard case .accepted(let inputID, _, _) = try await adapter.acceptInput(session, prompt("hello")) else {
            Issue.record("the input was not accepted")
            return
        }
        try await waitUntil("the run to start") { executor.isRunning }

        let writer = await WriterBlock.hold(store)
        executor.finish()
        // The boundary commit is now queued behind the held writer: the ledger says consumed, the disk not yet.
        let deadline = ContinuousClock.now.advanced(by: .seconds(10))
        while try await adapter.inputState(session, inputID)?.state.isTerminal != true {
            guard ContinuousClock.now < deadline else {
                writer.open()
                Issue.record("the run never reached its boundary commit")
                return
            }
            try await Task.sleep(for: .milliseconds(1))
        }
        let handle = try await adapter.awaitCompletion(session, inputID: inputID)
        writer.open()
        #expect(try await handle.wait() == .completed(RunResult(text: "hello")))
        try store.close()
    }
}

/// Runs each assignment only when told to, then completes it with the inputs' text.
private final class GatedExecutor: Executor {
    let name = "gated"
    private let state = Mutex<(running: Bool, gate: CheckedContinuation<Void, Never>?, opened: Bool)>(
        (false, nil, false)
    )

    var isRunning: Bool { state.withLock { $0.running } }

    func run(_ assignment: RunAssignment, control: RunControlStream) async -> RunOutcome {
        await withCheckedContinuation { continuation in
            let openAlready = state.withLock { state -> Bool in
                state.running = true
                if state.opened { return true }
                state.gate = continuation
                return false
            }
            if openAlready { continuation.resume() }
        }
        return .completed(terminal: .result(RunResult(text: assignment.inputs.map(\.text).joined())))
    }

    /// Lets the run in flight (or the next one) complete.
    func finish() {
        let gate = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.opened = true
            defer { state.gate = nil }
            return state.gate
        }
        gate?.resume()
    }
}
