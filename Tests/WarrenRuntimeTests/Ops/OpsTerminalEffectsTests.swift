import Synchronization
import Testing
import WarrenRuntime

/// The atomic side effects of a terminal transition (§5.2) and the completion feed.
@Suite("Ops terminal effects")
struct OpsTerminalEffectsTests {
    @Test("each terminal transition takes the next sequence, frees an active slot and writes a feed entry")
    func terminalTransitionEffects() throws {
        let registry = OpsLifecycleRegistry()
        let member = OpsFixtures.mobMember("member")
        try registry.registerOperation(member)
        let job = try OpsFixtures.running(registry, "job")
        #expect(registry.snapshot().authorityState.activeCount == 2)

        try registry.cancelOperation(member.id, reason: "stop")
        try registry.completeOperation(job, result: OpsFixtures.result(job))
        let state = registry.snapshot().authorityState
        #expect(state.activeCount == 0)
        #expect(state.nextCompletionSeq == 2)
        #expect(state.completedOrder == [member.id, job])
        #expect(state.operations[job]?.terminalBuffered == true)

        let batch = registry.completionFeed.listSince(after: 0)
        #expect(batch.watermark == 2)
        let entries = batch.entries
        #expect(entries.map(\.seq) == [1, 2])
        #expect(entries.map(\.kind) == [.mobMemberChild, .backgroundToolOp])
        #expect(entries.map(\.displayName) == ["member", "job"])
        #expect(
            entries.map(\.terminalOutcome) == [.cancelled(reason: "stop"), .completed(result: OpsFixtures.result(job))]
        )
        #expect(entries[0].completedAt == registry.snapshot(of: member.id)?.completedAt)
        #expect(registry.completionFeed.listSince(after: 1).entries.map(\.seq) == [2])
    }

    @Test("background tool op terminals call the detached wake once each; mob members do not")
    func detachedWake() throws {
        let wakes = Mutex(0)
        let registry = OpsLifecycleRegistry(onBackgroundCompletion: { wakes.withLock { $0 += 1 } })
        try OpsFixtures.completeOne(registry, "job")
        #expect(wakes.withLock { $0 } == 1)

        let member = OpsFixtures.mobMember("member")
        try registry.registerOperation(member)
        try registry.abortProvisioning(member.id)
        #expect(wakes.withLock { $0 } == 1)

        _ = try OpsFixtures.running(registry, "job-2")
        _ = try OpsFixtures.running(registry, "job-3")
        try registry.registerOperation(OpsFixtures.mobMember("member-2"))
        registry.terminateOwner(reason: "gone")
        #expect(wakes.withLock { $0 } == 3)

        // A failed transition wakes nobody.
        #expect(throws: OpsLifecycleError.self) { try registry.cancelOperation(member.id) }
        #expect(wakes.withLock { $0 } == 3)
    }

    @Test("the detached wake runs outside the registry's lock, so it may call back into the registry")
    func detachedWakeMayReenter() throws {
        let seen = Mutex<[OperationStatus]>([])
        let registry = OpsLifecycleRegistry()
        registry.onBackgroundCompletion = { [weak registry] in
            let statuses = registry?.listOperations().map(\.status) ?? []
            seen.withLock { $0.append(contentsOf: statuses) }
        }
        try OpsFixtures.completeOne(registry, "job")
        #expect(seen.withLock { $0 } == [.completed])
        registry.onBackgroundCompletion = nil
        try OpsFixtures.completeOne(registry, "job-2")
        #expect(seen.withLock { $0 } == [.completed])
    }

    @Test("an operation evicted by its own transition still reaches its watchers and the feed")
    func zeroRetentionStillNotifies() async throws {
        let registry = OpsLifecycleRegistry(maxCompleted: 0)
        let id = try OpsFixtures.running(registry, "fleeting")
        let watch = try registry.registerWatcher(id)
        try registry.completeOperation(id, result: OpsFixtures.result(id))
        #expect(try await watch.wait() == .completed(result: OpsFixtures.result(id)))
        #expect(registry.snapshot(of: id) == nil)
        let entry = try #require(registry.completionFeed.listSince(after: 0).entries.first)
        #expect(entry.displayName == "fleeting")
        #expect(entry.terminalOutcome == .completed(result: OpsFixtures.result(id)))
    }

    @Test("the feed keeps max(4 x maxCompleted, 1024) entries regardless of registry retention")
    func feedCapacity() throws {
        #expect(OpsLifecycleRegistry().completionFeed.capacity == 1024)
        #expect(OpsLifecycleRegistry(maxCompleted: 300).completionFeed.capacity == 1200)
        let registry = OpsLifecycleRegistry(maxCompleted: 1)
        for index in 0..<1025 { try OpsFixtures.completeOne(registry, "op-\(index)") }
        let batch = registry.completionFeed.listSince(after: 0)
        #expect(batch.entries.count == 1024)
        #expect(batch.entries.first?.seq == 2)
        #expect(batch.watermark == 1025)
        #expect(registry.snapshot().completionEntries.count == 1024)
        #expect(registry.listOperations().count == 1)
    }

    @Test("waitForAdvance returns at once when the feed is past the cursor, and otherwise on the next entry")
    func waitForAdvance() async throws {
        let registry = OpsLifecycleRegistry()
        try OpsFixtures.completeOne(registry, "first")
        #expect(try await registry.completionFeed.waitForAdvance(after: 0) == 1)

        let feed = registry.completionFeed
        let waiter = Task { try await feed.waitForAdvance(after: 1) }
        try OpsFixtures.completeOne(registry, "second")
        #expect(try await waiter.value == 2)
    }

    @Test("cancelling a waitForAdvance ends that wait with CancellationError")
    func waitForAdvanceCancellation() async throws {
        let feed = OpsLifecycleRegistry().completionFeed
        let waiter = Task { try await feed.waitForAdvance(after: 0) }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(feed.watermark == 0)
    }

    @Test("a registry released with pending watches resolves them as terminated")
    func releasedRegistryResolvesWatches() async throws {
        var registry: OpsLifecycleRegistry? = OpsLifecycleRegistry()
        let id = try OpsFixtures.running(registry!, "orphan")
        let watch = try registry!.registerWatcher(id)
        registry = nil
        #expect(try await watch.wait() == .terminated(reason: "operation completion watch dropped"))
    }
}
