import Testing
import WarrenRuntime
import WarrenStore

/// Group commit: concurrent commits share one transaction and one fsync (SPEC §5).
@Suite("Group commit")
struct GroupCommitTests {
    @Test("concurrent commits share one transaction; positions stay distinct and contiguous")
    func concurrentCommitsShareOneTransaction() async throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore.open(directory: directory.path)
        let block = await WriterBlock.hold(store)
        let count = 32
        let envelopes = try await withThrowingTaskGroup(of: [RuntimeEventEnvelope].self) { group in
            for index in 0..<count {
                group.addTask {
                    try await store.commit(
                        StoreTransaction(
                            runtimeID: RuntimeID("rt-\(index % 4)"),
                            inputStates: [try queuedState()],
                            events: events(2)
                        )
                    )
                }
            }
            try await waitUntil("every commit queued") {
                store.pendingWrites.waiting + store.pendingWrites.writing == count
            }
            block.open()
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(envelopes.map(\.position).sorted() == Array(1...UInt64(2 * count)))
        for runtime in 0..<4 {
            let sequences = envelopes.filter { $0.runtimeID == RuntimeID("rt-\(runtime)") }.map(\.sequence)
            #expect(sequences.sorted() == Array(1...16))
        }
        let statistics = store.statistics
        #expect(statistics.committedWrites == UInt64(count))
        #expect(statistics.commitBatches < UInt64(count))
        #expect(statistics.commitBatches <= 2)
        #expect(statistics.fsyncs == statistics.commitBatches)
        #expect(statistics.maxBatchSize >= count / 2)
    }

    @Test("a failing member fails alone; the others commit and positions stay gap-free")
    func failingMemberFailsAlone() async throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore.open(directory: directory.path)
        let runtime = RuntimeID("rt")
        let receipt = RunBoundaryReceipt(runID: .make(), boundary: .runStart, contributingInputIDs: [])
        _ = try await store.commit(StoreTransaction(runtimeID: runtime, receipt: receipt, events: events(1)))
        let block = await WriterBlock.hold(store)
        // A filler takes the first batch alone, so every write below shares the second one.
        async let filler = store.commit(StoreTransaction(runtimeID: runtime, events: events(1)))
        try await waitUntil("the filler taken") { store.pendingWrites.writing == 1 }
        let duplicateState = try queuedState()
        async let duplicate = commitOutcome(
            store,
            StoreTransaction(runtimeID: runtime, inputStates: [duplicateState], receipt: receipt, events: events(3))
        )
        async let first = store.commit(StoreTransaction(runtimeID: runtime, events: events(2)))
        async let second = store.commit(StoreTransaction(runtimeID: runtime, events: events(2)))
        try await waitUntil("the batch queued") { store.pendingWrites.waiting == 3 }
        block.open()
        #expect(try await filler.map(\.position) == [2])
        let positions = try await (first + second).map(\.position).sorted()
        #expect(positions == [3, 4, 5, 6])
        guard case .failure(.writeFailed(let message)) = await duplicate else {
            Issue.record("the duplicate receipt was accepted")
            return
        }
        #expect(message.contains("already exists"))
        #expect(try await store.loadInputStates(runtime).isEmpty)
        let logged = try await allEvents(store).events
        #expect(logged.map(\.position) == Array(1...6))
        // The refused write's events took no sequence numbers either (D116 forgets what it wrote).
        #expect(logged.map(\.sequence) == Array(1...6))
        #expect(store.statistics.commitBatches == 3)
        #expect(store.statistics.failedWrites == 1)
        #expect(store.statistics.lastBatchSize == 3)
    }
}
