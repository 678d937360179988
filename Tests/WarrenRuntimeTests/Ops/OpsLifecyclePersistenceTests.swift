import Foundation
import Synchronization
import Testing
import WarrenRuntime

/// Ports of meerkat-runtime `tests/ops_lifecycle_persistence.rs` (registry-level cases) and the §5.4
/// rebuild rules.
@Suite("Ops lifecycle persistence")
struct OpsLifecyclePersistenceTests {
    @Test("a snapshot survives a JSON round trip with its epoch, entries and specs")
    func jsonRoundTrip() throws {
        let epoch = EpochID.make()
        let registry = OpsLifecycleRegistry(epochID: epoch, maxConcurrent: 4)
        let id = try OpsFixtures.completeOne(registry, "serde-roundtrip")
        let member = OpsFixtures.mobMember("still-running")
        try registry.registerOperation(member)
        try registry.failOperation(try OpsFixtures.running(registry, "failing"), error: "boom")
        try registry.cancelOperation(try OpsFixtures.running(registry, "cancelled"), reason: nil)
        registry.updateCursors { $0.agentApplied = 1 }
        let snapshot = registry.snapshot()

        let json = try JSONEncoder().encode(snapshot)
        let restored = try JSONDecoder().decode(PersistedOpsSnapshot.self, from: json)
        #expect(restored == snapshot)
        #expect(restored.epochID == epoch)
        #expect(restored.completionEntries.count == 3)
        #expect(restored.completionEntries.first?.operationID == id)
        #expect(restored.operationSpecs.count == 4)
        #expect(restored.operationSpecs[id] != nil)
        #expect(restored.operationSpecs[member.id] == member)
        // Keys follow the reference's serde names.
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"outcome_type\":\"completed\""))
        #expect(text.contains("\"next_completion_seq\":3"))
    }

    @Test("a snapshot captures the cursors verbatim")
    func cursorsCapturedVerbatim() {
        let registry = OpsLifecycleRegistry(
            cursors: OpsCursors(agentApplied: 5, runtimeObserved: 3, runtimeLastInjected: 2)
        )
        let cursors = registry.snapshot().cursors
        #expect(cursors == OpsCursors(agentApplied: 5, runtimeObserved: 3, runtimeLastInjected: 2))
        registry.updateCursors { $0.runtimeObserved = 9 }
        #expect(registry.snapshot().cursors.runtimeObserved == 9)
    }

    @Test("the recovered feed holds the terminal completions")
    func recoveredFeedHoldsTerminalEntries() throws {
        let registry = OpsLifecycleRegistry()
        let ids = try (0..<3).map { try OpsFixtures.running(registry, "op-\($0)") }
        try registry.completeOperation(ids[0], result: OpsFixtures.result(ids[0]))
        try registry.completeOperation(ids[1], result: OpsFixtures.result(ids[1]))
        let recovered = OpsLifecycleRegistry(recoveringFrom: registry.snapshot())
        let batch = recovered.completionFeed.listSince(after: 0)
        #expect(batch.entries.map(\.operationID) == [ids[0], ids[1]])
        #expect(batch.entries.map(\.seq) == [1, 2])
    }

    @Test("recovery keeps terminal operations and forgets non-terminal ones without an outcome")
    func recoveryStripsNonTerminal() throws {
        let registry = OpsLifecycleRegistry()
        let terminal = try OpsFixtures.completeOne(registry, "terminal")
        let inProgress = try OpsFixtures.running(registry, "in-progress")
        let provisioning = OpsFixtures.background("provisioning")
        try registry.registerOperation(provisioning)

        let recovered = OpsLifecycleRegistry(recoveringFrom: registry.snapshot())
        #expect(recovered.snapshot(of: terminal)?.status == .completed)
        #expect(recovered.snapshot(of: inProgress) == nil)
        #expect(recovered.snapshot(of: provisioning.id) == nil)
        let state = recovered.snapshot().authorityState
        #expect(state.activeCount == 0)
        #expect(Set(state.operations.keys) == [terminal])
        // Forgotten ops produce no feed entry.
        #expect(recovered.completionFeed.watermark == 1)
        #expect(recovered.collectCompleted().map(\.operationID) == [terminal])
    }

    @Test("from the persisted cursor the recovered feed lists what was unsurfaced, and past the watermark nothing")
    func recoveredFeedFromCursor() throws {
        let registry = OpsLifecycleRegistry()
        try OpsFixtures.completeOne(registry, "unsurfaced-a")
        try OpsFixtures.completeOne(registry, "unsurfaced-b")
        let recovered = OpsLifecycleRegistry(recoveringFrom: registry.snapshot())
        let batch = recovered.completionFeed.listSince(after: recovered.cursors.agentApplied)
        #expect(batch.entries.count == 2)
        #expect(batch.watermark == 2)
        #expect(recovered.completionFeed.listSince(after: batch.watermark).entries.isEmpty)
    }

    @Test("recovery clears a pending wait, and the recovered registry accepts new operations and waits")
    func recoveryClearsWaitState() async throws {
        let registry = OpsLifecycleRegistry()
        let done = try OpsFixtures.completeOne(registry, "wait-clear")
        let pending = try OpsFixtures.running(registry, "pending")
        let waiter = Task { try await registry.waitAll(runID: OpsFixtures.run, operationIDs: [done, pending]) }
        #expect(await OpsFixtures.yieldUntil { registry.snapshot().authorityState.waitRequestID != nil })
        let snapshot = registry.snapshot()
        #expect(snapshot.authorityState.waitOperationIDs == [done, pending])

        let recovered = OpsLifecycleRegistry(recoveringFrom: snapshot)
        #expect(recovered.snapshot().authorityState.waitRequestID == nil)
        #expect(recovered.snapshot().authorityState.waitOperationIDs.isEmpty)
        try recovered.registerOperation(OpsFixtures.background("post-recovery-op"))
        let waited = try await recovered.waitAll(runID: OpsFixtures.run, operationIDs: [done])
        #expect(waited.outcomes.map(\.operationID) == [done])

        waiter.cancel()
        await #expect(throws: OpsLifecycleError.waitCancelled) { try await waiter.value }
    }

    @Test("recovery keeps the persisted epoch and cursors")
    func recoveryKeepsEpochAndCursors() throws {
        let epoch = EpochID.make()
        let cursors = OpsCursors(agentApplied: 1, runtimeObserved: 1, runtimeLastInjected: 0)
        let registry = OpsLifecycleRegistry(epochID: epoch, cursors: cursors)
        #expect(registry.snapshot().epochID == epoch)
        try OpsFixtures.completeOne(registry, "epoch")
        let recovered = OpsLifecycleRegistry(recoveringFrom: registry.snapshot())
        #expect(recovered.epochID == epoch)
        #expect(recovered.snapshot().epochID == epoch)
        #expect(recovered.cursors == cursors)
    }

    @Test("the recovered watermark matches the persisted sequence and new completions continue it")
    func recoveredSequenceContinues() throws {
        let registry = OpsLifecycleRegistry()
        for index in 0..<3 { try OpsFixtures.completeOne(registry, "watermark-\(index)") }
        let recovered = OpsLifecycleRegistry(recoveringFrom: registry.snapshot())
        #expect(recovered.completionFeed.watermark == 3)
        let next = try OpsFixtures.completeOne(recovered, "after-recovery")
        let entries = recovered.completionFeed.listSince(after: 3).entries
        #expect(entries.map(\.seq) == [4])
        #expect(entries.map(\.operationID) == [next])
        #expect(recovered.snapshot().authorityState.nextCompletionSeq == 4)
    }

    @Test("a snapshot holds every feed entry even when the registry retained fewer operations")
    func snapshotCapturesEntriesBeyondRetention() throws {
        let registry = OpsLifecycleRegistry(maxCompleted: 2)
        for index in 0..<4 { try OpsFixtures.completeOne(registry, "evict-\(index)") }
        let snapshot = registry.snapshot()
        #expect(snapshot.completionEntries.map(\.seq) == [1, 2, 3, 4])
        #expect(snapshot.authorityState.operations.count == 2)
        #expect(snapshot.operationSpecs.count == 2)
        let recovered = OpsLifecycleRegistry(recoveringFrom: snapshot)
        #expect(recovered.completionFeed.listSince(after: 0).entries.count == 4)
        #expect(recovered.listOperations().map(\.displayName) == ["evict-2", "evict-3"])
    }

    @Test("recovery keeps the limits, and retained ops come back with fresh shells")
    func recoveryKeepsLimitsAndRebuildsShells() throws {
        let registry = OpsLifecycleRegistry(maxCompleted: 2, maxConcurrent: 1)
        let member = OpsFixtures.mobMember("member")
        try registry.registerOperation(member)
        try registry.provisioningSucceeded(member.id)
        try registry.peerReady(member.id, handle: OpsFixtures.peerHandle("member"))
        try registry.completeOperation(member.id, result: OpsFixtures.result(member.id))

        let recovered = OpsLifecycleRegistry(recoveringFrom: registry.snapshot())
        let state = recovered.snapshot().authorityState
        #expect(state.maxCompleted == 2)
        #expect(state.maxConcurrent == 1)
        let rebuilt = try #require(recovered.snapshot(of: member.id))
        #expect(rebuilt.peerReady)
        #expect(rebuilt.peerHandle == nil)
        #expect(rebuilt.watcherCount == 0)
        #expect(rebuilt.terminalOutcome == .completed(result: OpsFixtures.result(member.id)))
        #expect(try recovered.registerWatcher(member.id).outcome == rebuilt.terminalOutcome)

        try recovered.registerOperation(OpsFixtures.background("first"))
        #expect(throws: OpsLifecycleError.maxConcurrentExceeded(limit: 1, active: 1)) {
            try recovered.registerOperation(OpsFixtures.background("second"))
        }
        #expect(throws: OpsLifecycleError.alreadyRegistered(member.id)) { try recovered.registerOperation(member) }
    }

    @Test("onSnapshot fires after every terminal transition with the state after it, and not otherwise")
    func onSnapshotAfterEveryTerminalTransition() throws {
        let recorder = OpsSnapshotRecorder()
        let registry = OpsLifecycleRegistry(onSnapshot: { recorder.record($0) })
        let spec = OpsFixtures.background("a")
        try registry.registerOperation(spec)
        try registry.provisioningSucceeded(spec.id)
        try registry.reportProgress(spec.id)
        #expect(recorder.snapshots.isEmpty)

        try registry.completeOperation(spec.id, result: OpsFixtures.result(spec.id))
        let failing = OpsFixtures.background("b")
        try registry.registerOperation(failing)
        try registry.provisioningFailed(failing.id, error: "no")
        try registry.markRetired(try OpsFixtures.running(registry, "c"))
        try registry.abortProvisioning(registry.registered(OpsFixtures.background("d")))
        try registry.cancelOperation(try OpsFixtures.running(registry, "e"))
        try registry.failOperation(try OpsFixtures.running(registry, "f"), error: "x")
        _ = try OpsFixtures.running(registry, "g")
        registry.terminateOwner(reason: "bye")
        registry.terminateOwner(reason: "nothing left")
        _ = registry.collectCompleted()

        let snapshots = recorder.snapshots
        #expect(snapshots.map(\.authorityState.nextCompletionSeq) == [1, 2, 3, 4, 5, 6, 7])
        #expect(snapshots.map(\.completionEntries.count) == [1, 2, 3, 4, 5, 6, 7])
        #expect(snapshots.last?.authorityState.activeCount == 0)
        #expect(snapshots.first?.authorityState.operations[spec.id]?.status == .completed)
    }
}

extension OpsLifecycleRegistry {
    /// Registers `spec` and returns its id, for one-line setup.
    fileprivate func registered(_ spec: OperationSpec) throws -> OperationID {
        try registerOperation(spec)
        return spec.id
    }
}

/// Collects the snapshots a registry hands its persistence hook.
final class OpsSnapshotRecorder: Sendable {
    private let storage = Mutex<[PersistedOpsSnapshot]>([])
    var snapshots: [PersistedOpsSnapshot] { storage.withLock { $0 } }
    func record(_ snapshot: PersistedOpsSnapshot) { storage.withLock { $0.append(snapshot) } }
}
