import Testing
import WarrenRuntime

/// `waitAll` and watch waits: one active barrier, resolution on the last terminal, cancellation.
@Suite("Ops waiting")
struct OpsWaitingTests {
    static func waitRegistered(_ registry: OpsLifecycleRegistry) async -> Bool {
        await OpsFixtures.yieldUntil { registry.snapshot().authorityState.waitRequestID != nil }
    }

    @Test("a pending waitAll resolves when the last awaited operation becomes terminal")
    func pendingWaitResolvesOnLastTerminal() async throws {
        let registry = OpsLifecycleRegistry()
        let idA = try OpsFixtures.running(registry, "a")
        let idB = try OpsFixtures.running(registry, "b")
        let waiter = Task { try await registry.waitAll(runID: OpsFixtures.run, operationIDs: [idB, idA]) }
        #expect(await Self.waitRegistered(registry))
        #expect(registry.snapshot().authorityState.waitOperationIDs == [idB, idA])

        try registry.completeOperation(idA, result: OpsFixtures.result(idA))
        #expect(registry.snapshot().authorityState.waitRequestID != nil)
        try registry.failOperation(idB, error: "late")
        #expect(registry.snapshot().authorityState.waitRequestID == nil)

        let waited = try await waiter.value
        #expect(waited.outcomes.map(\.operationID) == [idB, idA])
        #expect(
            waited.outcomes.map(\.outcome) == [.failed(error: "late"), .completed(result: OpsFixtures.result(idA))]
        )
        #expect(waited.satisfied.operationIDs == [idB, idA])
    }

    @Test("terminateOwner satisfies a pending waitAll")
    func terminateOwnerSatisfiesWait() async throws {
        let registry = OpsLifecycleRegistry()
        let id = try OpsFixtures.running(registry, "a")
        let waiter = Task { try await registry.waitAll(runID: OpsFixtures.run, operationIDs: [id]) }
        #expect(await Self.waitRegistered(registry))
        registry.terminateOwner(reason: "bye")
        #expect(try await waiter.value.outcomes.map(\.outcome) == [.terminated(reason: "bye")])
    }

    @Test("only one waitAll may be pending; duplicates are refused before unknown ids")
    func waitAllGuards() async throws {
        let registry = OpsLifecycleRegistry()
        let id = try OpsFixtures.running(registry, "a")
        let unknown = OperationID.make()
        await #expect(throws: OpsLifecycleError.duplicateWaitOperation(unknown)) {
            try await registry.waitAll(runID: OpsFixtures.run, operationIDs: [unknown, unknown])
        }
        let waiter = Task { try await registry.waitAll(runID: OpsFixtures.run, operationIDs: [id]) }
        #expect(await Self.waitRegistered(registry))
        await #expect(throws: OpsLifecycleError.waitAlreadyActive) {
            try await registry.waitAll(runID: OpsFixtures.run, operationIDs: [id])
        }
        try registry.completeOperation(id, result: OpsFixtures.result(id))
        #expect(try await waiter.value.outcomes.count == 1)
    }

    @Test("waitAll over no operations, or only terminal ones, returns without waiting")
    func immediateWaits() async throws {
        let registry = OpsLifecycleRegistry()
        let empty = try await registry.waitAll(runID: OpsFixtures.run, operationIDs: [])
        #expect(empty.outcomes.isEmpty)
        let id = try OpsFixtures.completeOne(registry, "done")
        let waited = try await registry.waitAll(runID: OpsFixtures.run, operationIDs: [id])
        #expect(
            waited.outcomes == [
                OperationOutcomeRecord(operationID: id, outcome: .completed(result: OpsFixtures.result(id)))
            ]
        )
        #expect(registry.snapshot().authorityState.waitRequestID == nil)
    }

    @Test("cancelling the waiting task withdraws the wait, so a new one can begin")
    func cancellingWaitAll() async throws {
        let registry = OpsLifecycleRegistry()
        let id = try OpsFixtures.running(registry, "a")
        let waiter = Task { try await registry.waitAll(runID: OpsFixtures.run, operationIDs: [id]) }
        #expect(await Self.waitRegistered(registry))
        waiter.cancel()
        await #expect(throws: OpsLifecycleError.waitCancelled) { try await waiter.value }
        #expect(registry.snapshot().authorityState.waitRequestID == nil)
        #expect(registry.snapshot().authorityState.waitOperationIDs.isEmpty)

        let next = Task { try await registry.waitAll(runID: OpsFixtures.run, operationIDs: [id]) }
        #expect(await Self.waitRegistered(registry))
        try registry.completeOperation(id, result: OpsFixtures.result(id))
        #expect(try await next.value.outcomes.map(\.operationID) == [id])
    }

    @Test("a task cancelled before it waits gets waitCancelled and leaves no wait behind")
    func cancelledBeforeWaiting() async throws {
        let registry = OpsLifecycleRegistry()
        let id = try OpsFixtures.running(registry, "a")
        let waiter = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await registry.waitAll(runID: OpsFixtures.run, operationIDs: [id])
        }
        await #expect(throws: OpsLifecycleError.waitCancelled) { try await waiter.value }
        #expect(registry.snapshot().authorityState.waitRequestID == nil)
    }

    @Test("a pending waitAll keeps outcomes of awaited operations that were evicted or collected meanwhile")
    func waitSurvivesEviction() async throws {
        let registry = OpsLifecycleRegistry(maxCompleted: 1)
        let idA = try OpsFixtures.running(registry, "a")
        let idB = try OpsFixtures.running(registry, "b")
        let waiter = Task { try await registry.waitAll(runID: OpsFixtures.run, operationIDs: [idA, idB]) }
        #expect(await Self.waitRegistered(registry))
        try registry.completeOperation(idA, result: OpsFixtures.result(idA))
        try OpsFixtures.completeOne(registry, "evicts-a")
        #expect(registry.snapshot(of: idA) == nil)
        try registry.cancelOperation(idB, reason: "last")
        let waited = try await waiter.value
        #expect(
            waited.outcomes.map(\.outcome) == [.completed(result: OpsFixtures.result(idA)), .cancelled(reason: "last")]
        )
    }

    @Test("cancelling a watch's waiter ends only that wait; the watch still resolves")
    func watchCancellation() async throws {
        let registry = OpsLifecycleRegistry()
        let id = try OpsFixtures.running(registry, "a")
        let watch = try registry.registerWatcher(id)
        let waiter = Task { try await watch.wait() }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(watch.outcome == nil)

        let second = Task { try await watch.wait() }
        try registry.completeOperation(id, result: OpsFixtures.result(id))
        #expect(try await second.value == .completed(result: OpsFixtures.result(id)))
        #expect(try await watch.wait() == .completed(result: OpsFixtures.result(id)))
    }

    @Test("a watch resolves once: a later terminal outcome cannot replace the first")
    func watchResolvesOnce() async throws {
        let registry = OpsLifecycleRegistry()
        let id = try OpsFixtures.running(registry, "a")
        let watch = try registry.registerWatcher(id)
        try registry.completeOperation(id, result: OpsFixtures.result(id))
        registry.terminateOwner(reason: "after")
        #expect(try await watch.wait() == .completed(result: OpsFixtures.result(id)))
    }
}
