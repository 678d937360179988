import Testing
import WarrenRuntime
import WarrenStore

/// The RuntimeStore contract, run against MemoryStore and SQLiteStore alike (persistence-spec §1).
@Suite("Store conformance")
struct StoreConformanceTests {
    let runtime = RuntimeID("rt-1")

    @Test("input states round-trip exactly, history included, in admission order", arguments: StoreKind.allCases)
    func inputStatesRoundTrip(kind: StoreKind) async throws {
        let directory = try TemporaryDirectory()
        let store = try kind.make(in: directory)
        let first = try queuedState()
        let second = try consumedState()
        _ = try await store.commit(StoreTransaction(runtimeID: runtime, inputStates: [first, second]))
        var updated = first
        try updated.apply(.stageForRun(.make()))
        _ = try await store.commit(StoreTransaction(runtimeID: runtime, inputStates: [updated]))
        #expect(try await store.loadInputStates(runtime) == [updated, second])
        #expect(try await store.loadInputStates(RuntimeID("other")).isEmpty)
    }

    @Test("runtime state, session snapshot and ops snapshot are stored per runtime", arguments: StoreKind.allCases)
    func runtimeStateAndOps(kind: StoreKind) async throws {
        let directory = try TemporaryDirectory()
        let store = try kind.make(in: directory)
        #expect(try await store.loadRuntimeState(runtime) == nil)
        _ = try await store.commit(StoreTransaction(runtimeID: runtime, runtimeState: .retired))
        #expect(try await store.loadRuntimeState(runtime) == .retired)
        let snapshot = PersistedOpsSnapshot(
            epochID: .make(),
            authorityState: OpsAuthorityState(maxConcurrent: 4, nextCompletionSeq: 7),
            operationSpecs: [:],
            completionEntries: [],
            cursors: OpsCursors(agentApplied: 5, runtimeObserved: 3, runtimeLastInjected: 2)
        )
        #expect(try await store.loadOpsLifecycle(runtime) == nil)
        try await store.persistOpsLifecycle(runtime, snapshot)
        #expect(try await store.loadOpsLifecycle(runtime) == snapshot)
        #expect(try await store.loadOpsLifecycle(RuntimeID("other")) == nil)
    }

    @Test("receipts are insert-only: a duplicate fails the whole transaction", arguments: StoreKind.allCases)
    func duplicateReceiptFailsTransaction(kind: StoreKind) async throws {
        let directory = try TemporaryDirectory()
        let store = try kind.make(in: directory)
        let receipt = RunBoundaryReceipt(
            runID: .make(),
            boundary: .runCheckpoint,
            contributingInputIDs: [.make(), .make()],
            conversationDigest: "abc",
            messageCount: 3,
            sequence: 0
        )
        _ = try await store.commit(StoreTransaction(runtimeID: runtime, receipt: receipt, events: events(1)))
        #expect(try await store.loadBoundaryReceipt(runtime, runID: receipt.runID, sequence: 0) == receipt)
        var other = receipt
        other.messageCount = 9
        let doomed = StoreTransaction(
            runtimeID: runtime,
            inputStates: [try queuedState()],
            runtimeState: .stopped,
            receipt: other,
            events: events(2)
        )
        await #expect(throws: RuntimeStoreError.self) { try await store.commit(doomed) }
        #expect(try await store.loadBoundaryReceipt(runtime, runID: receipt.runID, sequence: 0) == receipt)
        #expect(try await store.loadInputStates(runtime).isEmpty)
        #expect(try await store.loadRuntimeState(runtime) == nil)
        #expect(try await allEvents(store).head == 1)
        #expect(try await store.loadBoundaryReceipt(runtime, runID: receipt.runID, sequence: 1) == nil)
    }

    @Test("event positions are gap-free across runtimes; sequences count per runtime", arguments: StoreKind.allCases)
    func positionsAndSequences(kind: StoreKind) async throws {
        let directory = try TemporaryDirectory()
        let store = try kind.make(in: directory)
        let other = RuntimeID("rt-2")
        let a = try await store.commit(StoreTransaction(runtimeID: runtime, events: events(2)))
        let b = try await store.commit(StoreTransaction(runtimeID: other, events: events(1)))
        let c = try await store.commit(StoreTransaction(runtimeID: runtime, events: events(3)))
        #expect((a + b + c).map(\.position) == Array(1...6))
        #expect(a.map(\.sequence) == [1, 2])
        #expect(b.map(\.sequence) == [1])
        #expect(c.map(\.sequence) == [3, 4, 5])
        let page = try await allEvents(store)
        #expect(page.events == a + b + c)
        #expect(page.oldestRetained == 1)
        #expect(page.head == 6)
        let tail = try await store.readEvents(after: 4, limit: 1)
        #expect(tail.events.map(\.position) == [5])
        #expect(try await store.readEvents(after: UInt64.max - 1, limit: 0).head == 6)
    }

    @Test("retention keeps the newest events by count", arguments: StoreKind.allCases)
    func retentionByCount(kind: StoreKind) async throws {
        let directory = try TemporaryDirectory()
        let store = try kind.make(in: directory, retention: 3)
        for _ in 0..<5 { _ = try await store.commit(StoreTransaction(runtimeID: runtime, events: events(2))) }
        let page = try await allEvents(store)
        #expect(page.events.map(\.position) == [8, 9, 10])
        #expect(page.oldestRetained == 8)
        #expect(page.head == 10)
    }

    @Test("a durable subscriber holds events past retention, up to twice the retention", arguments: StoreKind.allCases)
    func retentionHeldForDurableSubscriber(kind: StoreKind) async throws {
        let directory = try TemporaryDirectory()
        let store = try kind.make(in: directory, retention: 3)
        _ = try await store.commit(StoreTransaction(runtimeID: runtime, events: events(3)))
        try await store.saveSubscriberPosition("audit", 2)
        _ = try await store.commit(StoreTransaction(runtimeID: runtime, events: events(2)))
        // Head 5: retention alone would keep 3...5; the subscriber still needs 3.
        #expect(try await allEvents(store).oldestRetained == 3)
        _ = try await store.commit(StoreTransaction(runtimeID: runtime, events: events(5)))
        // Head 10: the hard cap (6 events) wins over the subscriber.
        #expect(try await allEvents(store).oldestRetained == 5)
        try await store.saveSubscriberPosition("audit", 9)
        _ = try await store.commit(StoreTransaction(runtimeID: runtime, events: events(1)))
        #expect(try await allEvents(store).oldestRetained == 9)
        #expect(try await store.loadSubscriberPositions() == ["audit": 9])
    }

    @Test("runtime ids list every runtime with stored state", arguments: StoreKind.allCases)
    func runtimeIDsListed(kind: StoreKind) async throws {
        let directory = try TemporaryDirectory()
        let store = try kind.make(in: directory)
        #expect(try await store.runtimeIDs().isEmpty)
        _ = try await store.commit(StoreTransaction(runtimeID: RuntimeID("b"), inputStates: [try queuedState()]))
        _ = try await store.commit(StoreTransaction(runtimeID: RuntimeID("a"), runtimeState: .idle))
        try await store.persistOpsLifecycle(
            RuntimeID("c"),
            PersistedOpsSnapshot(
                epochID: .make(),
                authorityState: OpsAuthorityState(),
                operationSpecs: [:],
                completionEntries: [],
                cursors: OpsCursors()
            )
        )
        #expect(try await store.runtimeIDs() == [RuntimeID("a"), RuntimeID("b"), RuntimeID("c")])
    }

    @Test("subscriber positions are saved per name, last write wins", arguments: StoreKind.allCases)
    func subscriberPositions(kind: StoreKind) async throws {
        let directory = try TemporaryDirectory()
        let store = try kind.make(in: directory)
        #expect(try await store.loadSubscriberPositions().isEmpty)
        try await store.saveSubscriberPosition("a", 4)
        try await store.saveSubscriberPosition("b", 1)
        try await store.saveSubscriberPosition("a", 6)
        #expect(try await store.loadSubscriberPositions() == ["a": 6, "b": 1])
    }

    @Test("statistics report the log's bounds", arguments: StoreKind.allCases)
    func statisticsReportBounds(kind: StoreKind) async throws {
        let directory = try TemporaryDirectory()
        let store = try kind.make(in: directory, retention: 2)
        _ = try await store.commit(StoreTransaction(runtimeID: runtime, events: events(5)))
        let statistics = store.statistics
        #expect(statistics.headPosition == 5)
        #expect(statistics.oldestPosition == 4)
        #expect(statistics.retainedEvents == 2)
        #expect(statistics.committedWrites == 1)
    }
}
