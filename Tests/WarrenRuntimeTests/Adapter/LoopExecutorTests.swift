import Dispatch
import Testing
import WarrenRuntime

/// A session's loop runs on the shared pool, not on the executor preferred by the call that attached it
/// (a server runs unary calls on their connection's event loop, D125).
@Suite("Runtime loop placement")
struct LoopExecutorTests {
    /// A task executor whose jobs run on one queue, which marks the code running on it.
    final class MarkingExecutor: TaskExecutor {
        private static let marker = DispatchSpecificKey<Bool>()
        private let queue = DispatchQueue(label: "warren.test.marking")

        init() {
            self.queue.setSpecific(key: Self.marker, value: true)
        }

        static var isCurrent: Bool { DispatchQueue.getSpecific(key: Self.marker) == true }

        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            let executor = self.asUnownedTaskExecutor()
            self.queue.async { job.runSynchronously(on: executor) }
        }
    }

    /// Echoes, noting whether each run ran on the marking executor.
    struct ProbeExecutor: Executor {
        let name = "probe"
        let ranOnMarking: @Sendable (Bool) -> Void

        func run(_ assignment: RunAssignment, control: RunControlStream) async -> RunOutcome {
            self.ranOnMarking(MarkingExecutor.isCurrent)
            return await EchoExecutor().run(assignment, control: control)
        }
    }

    @Test("a loop attached under a task executor preference does not inherit it")
    func loopRunsOnSharedPool() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        let (stream, continuation) = AsyncStream<Bool>.makeStream()
        let marking = MarkingExecutor()
        let attachedOnMarking = try await withTaskExecutorPreference(marking) {
            let here = MarkingExecutor.isCurrent
            let probe = ProbeExecutor { continuation.yield($0) }
            try await adapter.ensureSessionWithExecutor(session, executor: probe)
            let (_, handle) = try await adapter.acceptInputWithCompletion(session, prompt())
            _ = try await #require(handle).wait()
            return here
        }
        continuation.finish()
        #expect(attachedOnMarking, "the attaching call itself ran on the marking executor")
        var runs: [Bool] = []
        for await ranOnMarking in stream { runs.append(ranOnMarking) }
        #expect(runs == [false])
    }
}
