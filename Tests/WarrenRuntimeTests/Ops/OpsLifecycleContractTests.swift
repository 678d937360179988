import Testing
import WarrenRuntime

/// Ports of meerkat-runtime `tests/ops_lifecycle_contract.rs` (registry-level cases).
@Suite("Ops lifecycle contract")
struct OpsLifecycleContractTests {
    @Test("register, progress, peer ready and complete update the snapshot; early and late watchers get the result")
    func registerProgressPeerReadyCompleteAndWatch() async throws {
        let registry = OpsLifecycleRegistry()
        let spec = OpsFixtures.mobMember("member-alpha")
        let id = spec.id
        try registry.registerOperation(spec)

        let initial = try #require(registry.snapshot(of: id))
        #expect(initial.status == .provisioning)
        #expect(!initial.peerReady)
        #expect(initial.progressCount == 0)
        #expect(initial.watcherCount == 0)
        #expect(initial.childSessionID == spec.childSessionID)

        let watch = try registry.registerWatcher(id)
        try registry.provisioningSucceeded(id)
        try registry.reportProgress(id, OperationProgressUpdate(message: "booting", percent: 0.25))
        try registry.reportProgress(id, OperationProgressUpdate(message: "readying peer", percent: 0.75))
        try registry.peerReady(id, handle: OpsFixtures.peerHandle("member-alpha"))

        let running = try #require(registry.snapshot(of: id))
        #expect(running.status == .running)
        #expect(running.peerReady)
        #expect(running.progressCount == 2)
        #expect(running.watcherCount == 1)
        #expect(registry.listOperations().map(\.displayName) == ["member-alpha"])

        let result = OpsFixtures.result(id, "completed")
        try registry.completeOperation(id, result: result)
        #expect(try await watch.wait() == .completed(result: result))
        let late = try registry.registerWatcher(id)
        #expect(late.outcome == .completed(result: result))
        #expect(try await late.wait() == .completed(result: result))

        let completed = try #require(registry.snapshot(of: id))
        #expect(completed.status == .completed)
        #expect(completed.watcherCount == 0)
        #expect(completed.terminalOutcome == .completed(result: result))
    }

    @Test("fail, cancel, retire and abort each deliver their own outcome to watchers")
    func failCancelRetireAbortOutcomes() async throws {
        let registry = OpsLifecycleRegistry()

        let failed = try OpsFixtures.running(registry, "background-fail")
        let failedWatch = try registry.registerWatcher(failed)
        try registry.failOperation(failed, error: "tool crashed")
        #expect(try await failedWatch.wait() == .failed(error: "tool crashed"))

        let cancelled = try OpsFixtures.running(registry, "background-cancel")
        let cancelledWatch = try registry.registerWatcher(cancelled)
        try registry.cancelOperation(cancelled, reason: "operator request")
        #expect(try await cancelledWatch.wait() == .cancelled(reason: "operator request"))

        let retiredSpec = OpsFixtures.mobMember("member-retire")
        let retired = retiredSpec.id
        try registry.registerOperation(retiredSpec)
        let retiredWatch = try registry.registerWatcher(retired)
        try registry.provisioningSucceeded(retired)
        try registry.requestRetire(retired)
        try registry.reportProgress(retired, OperationProgressUpdate(message: "finishing", percent: 0.9))
        let retiring = try #require(registry.snapshot(of: retired))
        #expect(retiring.status == .retiring)
        #expect(retiring.progressCount == 1)
        try registry.markRetired(retired)
        #expect(try await retiredWatch.wait() == .retired)
        #expect(registry.snapshot(of: retired)?.status == .retired)

        let abortedSpec = OpsFixtures.background("background-abort")
        let aborted = abortedSpec.id
        try registry.registerOperation(abortedSpec)
        let abortedWatch = try registry.registerWatcher(aborted)
        try registry.abortProvisioning(aborted, reason: "mob is stopping")
        #expect(try await abortedWatch.wait() == .aborted(reason: "mob is stopping"))
        #expect(registry.snapshot(of: aborted)?.status == .aborted)

        let provisioningSpec = OpsFixtures.background("background-provision-fail")
        try registry.registerOperation(provisioningSpec)
        try registry.provisioningFailed(provisioningSpec.id, error: "no capacity")
        #expect(registry.snapshot(of: provisioningSpec.id)?.terminalOutcome == .failed(error: "no capacity"))
    }

    @Test("terminateOwner resolves every pending and late watch once with the same reason")
    func terminateOwnerResolvesAllWatches() async throws {
        let registry = OpsLifecycleRegistry()
        let provisioningSpec = OpsFixtures.background("background-terminate")
        let provisioning = provisioningSpec.id
        try registry.registerOperation(provisioningSpec)
        let provisioningWatch = try registry.registerWatcher(provisioning)

        let runningSpec = OpsFixtures.mobMember("member-terminate")
        let running = runningSpec.id
        try registry.registerOperation(runningSpec)
        try registry.provisioningSucceeded(running)
        let runningWatch = try registry.registerWatcher(running)

        registry.terminateOwner(reason: "runtime shutting down")
        let expected = OperationTerminalOutcome.terminated(reason: "runtime shutting down")
        #expect(try await provisioningWatch.wait() == expected)
        #expect(try await runningWatch.wait() == expected)
        #expect(try await registry.registerWatcher(running).wait() == expected)
        #expect(registry.snapshot(of: provisioning)?.status == .terminated)
        #expect(registry.snapshot(of: running)?.status == .terminated)
        #expect(registry.snapshot(of: running)?.watcherCount == 0)
        #expect(registry.snapshot().authorityState.activeCount == 0)
        // Each terminated op got its own completion sequence, in registration order.
        #expect(registry.completionFeed.listSince(after: 0).entries.map(\.operationID) == [provisioning, running])
    }

    @Test("two registries share no operations")
    func distinctRegistries() throws {
        let registryA = OpsLifecycleRegistry()
        let registryB = OpsLifecycleRegistry()
        #expect(registryA.epochID != registryB.epochID)
        let member = OpsFixtures.mobMember("member-owned-by-a")
        try registryA.registerOperation(member)
        try registryA.provisioningSucceeded(member.id)
        let job = try OpsFixtures.running(registryB, "job-owned-by-b")
        #expect(registryA.snapshot(of: member.id) != nil)
        #expect(registryA.snapshot(of: job) == nil)
        #expect(registryB.snapshot(of: job) != nil)
        #expect(registryB.snapshot(of: member.id) == nil)
    }

    @Test("retention beyond maxCompleted evicts the oldest terminal operations")
    func boundedRetentionEvictsOldest() throws {
        let registry = OpsLifecycleRegistry(maxCompleted: 3)
        var ids: [OperationID] = []
        for index in 0..<5 { ids.append(try OpsFixtures.completeOne(registry, "evict-\(index)")) }
        #expect(ids.map { registry.snapshot(of: $0) != nil } == [false, false, true, true, true])
        #expect(registry.snapshot().authorityState.completedOrder == Array(ids.suffix(3)))
    }

    @Test("every watcher of one operation receives the outcome")
    func multiListener() async throws {
        let registry = OpsLifecycleRegistry()
        let id = try OpsFixtures.running(registry, "multi-listen")
        let watches = try (0..<3).map { _ in try registry.registerWatcher(id) }
        #expect(registry.snapshot(of: id)?.watcherCount == 3)
        let result = OpsFixtures.result(id, "multi-done")
        try registry.completeOperation(id, result: result)
        for watch in watches { #expect(try await watch.wait() == .completed(result: result)) }
    }

    @Test("waitAll returns every outcome in the order asked, with a token naming all ids")
    func waitAllReturnsAllOutcomes() async throws {
        let registry = OpsLifecycleRegistry()
        let idA = try OpsFixtures.running(registry, "wait-a")
        let idB = try OpsFixtures.running(registry, "wait-b")
        let idC = try OpsFixtures.running(registry, "wait-c")
        try registry.completeOperation(idA, result: OpsFixtures.result(idA, "a-done"))
        try registry.failOperation(idB, error: "b-error")
        try registry.cancelOperation(idC, reason: "c-reason")

        let waited = try await registry.waitAll(runID: OpsFixtures.run, operationIDs: [idA, idB, idC])
        #expect(
            waited.outcomes == [
                OperationOutcomeRecord(
                    operationID: idA,
                    outcome: .completed(result: OpsFixtures.result(idA, "a-done"))
                ),
                OperationOutcomeRecord(operationID: idB, outcome: .failed(error: "b-error")),
                OperationOutcomeRecord(operationID: idC, outcome: .cancelled(reason: "c-reason")),
            ]
        )
        #expect(waited.satisfied.operationIDs == [idA, idB, idC])
        #expect(!waited.satisfied.waitRequestID.rawValue.isEmpty)
    }

    @Test("waitAll on an unknown id is notFound")
    func waitAllUnknownID() async {
        let registry = OpsLifecycleRegistry()
        let unknown = OperationID.make()
        await #expect(throws: OpsLifecycleError.notFound(unknown)) {
            try await registry.waitAll(runID: OpsFixtures.run, operationIDs: [unknown])
        }
    }

    @Test("collectCompleted drains only terminal operations, and a second call is empty")
    func collectCompletedDrains() throws {
        let registry = OpsLifecycleRegistry()
        let idA = try OpsFixtures.completeOne(registry, "collect-a")
        let idB = try OpsFixtures.running(registry, "collect-b")
        let collected = registry.collectCompleted()
        #expect(
            collected == [
                OperationOutcomeRecord(operationID: idA, outcome: .completed(result: OpsFixtures.result(idA)))
            ]
        )
        #expect(registry.snapshot(of: idA) == nil)
        #expect(registry.snapshot(of: idB) != nil)
        #expect(registry.collectCompleted().isEmpty)
        // The feed is independent of collection.
        #expect(registry.completionFeed.watermark == 1)
    }

    @Test("the snapshot exposes the peer handle once the peer is ready")
    func snapshotIncludesPeerHandle() throws {
        let registry = OpsLifecycleRegistry()
        let spec = OpsFixtures.mobMember("peer-snap")
        try registry.registerOperation(spec)
        try registry.provisioningSucceeded(spec.id)
        #expect(registry.snapshot(of: spec.id)?.peerHandle == nil)
        try registry.peerReady(spec.id, handle: OpsFixtures.peerHandle("peer-snap"))
        #expect(registry.snapshot(of: spec.id)?.peerHandle == OpsFixtures.peerHandle("peer-snap"))
    }

    @Test("the snapshot carries created, started and completed times and the elapsed time once terminal")
    func snapshotIncludesTimestamps() throws {
        let registry = OpsLifecycleRegistry()
        let spec = OpsFixtures.background("timestamps")
        try registry.registerOperation(spec)
        let registered = try #require(registry.snapshot(of: spec.id))
        #expect(registered.createdAt.unixNanos > 0)
        #expect(registered.startedAt == nil)
        #expect(registered.completedAt == nil)
        #expect(registered.elapsed == nil)

        try registry.provisioningSucceeded(spec.id)
        let started = try #require(registry.snapshot(of: spec.id))
        let startedAt = try #require(started.startedAt)
        #expect(startedAt >= started.createdAt)

        try registry.completeOperation(spec.id, result: OpsFixtures.result(spec.id))
        let completed = try #require(registry.snapshot(of: spec.id))
        let completedAt = try #require(completed.completedAt)
        let elapsed = try #require(completed.elapsed)
        #expect(completedAt >= startedAt)
        #expect(elapsed >= .zero)
        #expect(completed.createdAt == registered.createdAt)
        // The feed entry records the same completion time as the snapshot.
        #expect(registry.completionFeed.listSince(after: 0).entries.first?.completedAt == completedAt)
    }

    @Test("maxConcurrent refuses a registration at the limit and frees the slot when an op ends")
    func maxConcurrentEnforcement() throws {
        let registry = OpsLifecycleRegistry(maxConcurrent: 2)
        let specA = OpsFixtures.background("conc-a")
        try registry.registerOperation(specA)
        try registry.registerOperation(OpsFixtures.background("conc-b"))
        #expect(throws: OpsLifecycleError.maxConcurrentExceeded(limit: 2, active: 2)) {
            try registry.registerOperation(OpsFixtures.background("conc-c"))
        }
        try registry.provisioningSucceeded(specA.id)
        try registry.completeOperation(specA.id, result: OpsFixtures.result(specA.id, "freed"))
        #expect(registry.snapshot().authorityState.activeCount == 1)
        try registry.registerOperation(OpsFixtures.background("conc-d"))
        #expect(registry.snapshot().authorityState.activeCount == 2)
    }

    @Test("no maxConcurrent means unlimited registrations")
    func maxConcurrentNoneIsUnlimited() throws {
        let registry = OpsLifecycleRegistry(maxConcurrent: nil)
        for index in 0..<100 { try registry.registerOperation(OpsFixtures.background("unlimited-\(index)")) }
        #expect(registry.snapshot().authorityState.activeCount == 100)
    }

    @Test("listOperations sorts by display name")
    func listSortedByDisplayName() throws {
        let registry = OpsLifecycleRegistry()
        for name in ["charlie", "alpha", "bravo"] { try registry.registerOperation(OpsFixtures.background(name)) }
        #expect(registry.listOperations().map(\.displayName) == ["alpha", "bravo", "charlie"])
    }
}
