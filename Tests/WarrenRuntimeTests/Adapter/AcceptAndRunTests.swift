import Testing
import WarrenRuntime
import WarrenStore

/// The synchronous accept-and-run path (session_adapter.rs, with Warren's Q11 fix).
@Suite("Accept input and run")
struct AcceptAndRunTests {
    struct Boom: Error {}

    @Test("the caller runs the input and gets its value; the input is consumed")
    func acceptInputAndRunConsumes() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.registerSession(session)
        let value = try await adapter.acceptInputAndRun(session, prompt("sync")) { assignment in
            (assignment.inputs.map(\.text).joined(), RunOutcome.completed(terminal: nil))
        }
        #expect(value == "sync")
        #expect(try await adapter.listActiveInputs(session).isEmpty)
        #expect(try await adapter.runtimeState(session) == .idle)
    }

    @Test("a key held by an active input is refused and the operation never runs")
    func acceptInputAndRunRejectsDeduplicatedAdmission() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.registerSession(session)
        guard case .accepted(let original, _, _) = try await adapter.acceptInput(session, prompt(key: "k")) else {
            Issue.record("not accepted")
            return
        }
        await #expect(
            throws: RuntimeDriverError.validationFailed(
                reason:
                    "accept_input_and_run does not support deduplicated admission; existing input \(original) already owns execution"
            )
        ) {
            _ = try await adapter.acceptInputAndRun(session, prompt(key: "k")) { _ -> (Int, RunOutcome) in
                Issue.record("operation ran")
                return (0, .completed(terminal: nil))
            }
        }
        #expect(try await adapter.inputState(session, original)?.state == .queued)
    }

    @Test("a failing operation abandons its input, so the next synchronous call is not blocked (Q11)")
    func failedOperationDoesNotBlockTheNextCall() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.registerSession(session)
        await #expect(throws: Boom.self) {
            _ = try await adapter.acceptInputAndRun(session, prompt("first")) { _ -> (Int, RunOutcome) in throw Boom() }
        }
        #expect(try await adapter.listActiveInputs(session).isEmpty)
        let value = try await adapter.acceptInputAndRun(session, prompt("second")) { _ in
            (2, RunOutcome.completed(terminal: nil))
        }
        #expect(value == 2)
    }

    @Test("a failed boundary commit is reported, leaves the runtime idle and nothing stranded")
    func boundaryCommitFailureUnwindsSyncRuntimeState() async throws {
        let store = MemoryStore()
        let adapter = try await RuntimeSessionAdapter.persistent(store: store)
        let session = SessionID.make()
        try await adapter.registerSession(session)
        store.injectFailure { $0.receipt != nil ? "disk full" : nil }
        await #expect(throws: RuntimeDriverError.self) {
            _ = try await adapter.acceptInputAndRun(session, prompt()) { _ in (0, RunOutcome.completed(terminal: nil)) }
        }
        #expect(try await adapter.runtimeState(session) == .idle)
        #expect(try await adapter.listActiveInputs(session).isEmpty)
        let stored = try await store.loadInputStates(session.runtimeID)
        #expect(stored.map(\.state) == [.abandoned])
    }
}
