import Testing
import WarrenRuntime
import WarrenStore

/// The runtime loop's commits on a durable store.
@Suite("Runtime loop commits")
struct LoopCommitTests {
    /// Completes every run at once, without a result.
    private struct CompletingExecutor: Executor {
        let name = "completing"

        func run(_ assignment: RunAssignment, control: RunControlStream) async -> RunOutcome {
            .completed(terminal: nil)
        }
    }

    @Test("a run's boundary and the next run's staging share one commit: one write per run, not two (D120)")
    func boundaryAndNextStagingShareACommit() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore.open(directory: directory.path)
        let adapter = try await RuntimeSessionAdapter.persistent(store: store)
        let session = SessionID.make()
        try await adapter.registerSession(session)
        var handles: [CompletionHandle] = []
        for index in 0..<5 {
            let (_, handle) = try await adapter.acceptInputWithCompletion(session, prompt("p\(index)"))
            handles.append(try #require(handle))
        }
        let before = store.statistics.committedWrites
        try await adapter.ensureSessionWithExecutor(session, executor: CompletingExecutor())
        for handle in handles { #expect(try await handle.wait() == .completedWithoutResult) }
        let writes = store.statistics.committedWrites - before
        #expect(
            writes == 7,
            "the attach, the first run's staging, then five boundaries (four carrying the next staging)"
        )
        let kinds = try await store.readEvents(after: 0, limit: 1_000).events.map(\.event.kind)
        // The same events, in the same order, as when each run's staging had a commit of its own.
        let starts = kinds.indices.filter { kinds[$0] == .runStarted }
        #expect(starts.count == 5)
        for start in starts.dropFirst() {
            #expect(kinds[start - 2] == .runCompleted && kinds[start - 1] == .runtimeStateChanged)
        }
        try store.close()
    }
}
