import Synchronization
import Testing

@testable import WarrenRuntime

/// An interrupt that comes while a run is staged (the runtime reads running) but its commit has not returned,
/// so no executor has the run yet, still cancels that run.
@Suite("Interrupt while a run is staged", .timeLimit(.minutes(1)))
struct InterruptWhileStagingTests {
    /// The ephemeral store, holding back the commit that starts a run until the test opens the gate.
    final class GatedStore: RuntimeStore {
        private let base = EphemeralStore(eventRetention: 10_000)
        private let gate = Mutex<(arrived: Bool, open: Bool, waiters: [CheckedContinuation<Void, Never>])>(
            (false, false, [])
        )

        var persistsState: Bool { self.base.persistsState }

        /// Suspends until a run-starting commit waits at the gate.
        func waitForArrival() async {
            while !self.gate.withLock({ $0.arrived }) { try? await Task.sleep(for: .milliseconds(2)) }
        }

        func open() {
            let waiters = self.gate.withLock { gate in
                gate.open = true
                defer { gate.waiters = [] }
                return gate.waiters
            }
            for waiter in waiters { waiter.resume() }
        }

        func commit(_ transaction: StoreTransaction) async throws(RuntimeStoreError) -> [RuntimeEventEnvelope] {
            if transaction.events.contains(where: { $0.event.kind == .runStarted }) {
                await withCheckedContinuation { continuation in
                    let open = self.gate.withLock { gate in
                        gate.arrived = true
                        if !gate.open { gate.waiters.append(continuation) }
                        return gate.open
                    }
                    if open { continuation.resume() }
                }
            }
            return try await self.base.commit(transaction)
        }

        func loadInputStates(_ id: RuntimeID) async throws(RuntimeStoreError) -> [InputState] {
            try await self.base.loadInputStates(id)
        }

        func loadRuntimeState(_ id: RuntimeID) async throws(RuntimeStoreError) -> RuntimeState? {
            try await self.base.loadRuntimeState(id)
        }

        func loadBoundaryReceipt(_ id: RuntimeID, runID: RunID, sequence: UInt64) async throws(RuntimeStoreError)
            -> RunBoundaryReceipt?
        {
            try await self.base.loadBoundaryReceipt(id, runID: runID, sequence: sequence)
        }

        func readEvents(after position: UInt64, limit: Int) async throws(RuntimeStoreError) -> EventLogPage {
            try await self.base.readEvents(after: position, limit: limit)
        }

        func persistOpsLifecycle(_ id: RuntimeID, _ snapshot: PersistedOpsSnapshot) async throws(RuntimeStoreError) {
            try await self.base.persistOpsLifecycle(id, snapshot)
        }

        func loadOpsLifecycle(_ id: RuntimeID) async throws(RuntimeStoreError) -> PersistedOpsSnapshot? {
            try await self.base.loadOpsLifecycle(id)
        }
    }

    /// Waits for the run's first control command and ends the run as cancelled by it.
    struct CancellableExecutor: Executor {
        let name = "cancellable"

        func run(_ assignment: RunAssignment, control: RunControlStream) async -> RunOutcome {
            for await command in control {
                if case .cancelCurrentRun(let reason) = command { return .cancelled(reason: reason) }
            }
            return .cancelled(reason: "control ended")
        }
    }

    @Test("the staged run is cancelled once its executor has it")
    func interruptReachesStagedRun() async throws {
        let store = GatedStore()
        let adapter = RuntimeSessionAdapter(store: store, configuration: .init())
        let session = SessionID.make()
        try await adapter.ensureSessionWithExecutor(session, executor: CancellableExecutor())
        let (_, handle) = try await adapter.acceptInputWithCompletion(session, prompt())
        await store.waitForArrival()
        #expect(try await adapter.runtimeState(session) == .running)
        try await adapter.interruptCurrentRun(session)
        store.open()
        guard case .cancelled = try await #require(handle).wait() else {
            Issue.record("the staged run was not cancelled")
            return
        }
    }
}
