import Foundation
import GRDB
import Testing
import WarrenRuntime
import WarrenStore

/// What only a file can show: reopening, a full disk, and the stored format.
@Suite("SQLite store")
struct SQLiteStoreTests {
    let runtime = RuntimeID("rt")

    @Test("a reopened store has everything, and positions and sequences continue without a gap")
    func reopenKeepsEverything() async throws {
        let directory = try TemporaryDirectory()
        let receipt = RunBoundaryReceipt(runID: .make(), boundary: .immediate, contributingInputIDs: [.make()])
        let states = [try consumedState(), try queuedState()]
        let store = try SQLiteStore.open(directory: directory.path, eventRetention: 10)
        let written = try await store.commit(
            StoreTransaction(
                runtimeID: runtime,
                inputStates: states,
                runtimeState: .retired,
                receipt: receipt,
                sessionSnapshot: [1, 2, 3],
                events: events(3)
            )
        )
        try await store.saveSubscriberPosition("audit", 2)
        try store.close()
        await #expect(throws: RuntimeStoreError.self) { try await store.commit(StoreTransaction(runtimeID: runtime)) }

        let reopened = try SQLiteStore.open(directory: directory.path, eventRetention: 10)
        #expect(try await reopened.loadInputStates(runtime) == states)
        #expect(try await reopened.loadRuntimeState(runtime) == .retired)
        #expect(try await reopened.loadBoundaryReceipt(runtime, runID: receipt.runID, sequence: 0) == receipt)
        #expect(try await reopened.loadSessionSnapshot(runtime) == [1, 2, 3])
        #expect(try await reopened.loadSubscriberPositions() == ["audit": 2])
        #expect(try await reopened.runtimeIDs() == [runtime])
        #expect(try await allEvents(reopened).events == written)
        #expect(reopened.statistics.headPosition == 3)
        let next = try await reopened.commit(StoreTransaction(runtimeID: runtime, events: events(2)))
        #expect(next.map(\.position) == [4, 5])
        #expect(next.map(\.sequence) == [4, 5])
        try reopened.close()
    }

    @Test("a version 1 file is migrated: snapshots move to a table of their own and nothing is lost (D117)")
    func migratesVersion1() async throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        let ops = PersistedOpsSnapshot(
            epochID: .make(),
            authorityState: OpsAuthorityState(maxConcurrent: 2, nextCompletionSeq: 3),
            operationSpecs: [:],
            completionEntries: [],
            cursors: OpsCursors(agentApplied: 1, runtimeObserved: 1, runtimeLastInjected: 0)
        )
        let version1 = try DatabaseQueue(path: directory.databasePath)
        try SQLiteSchema.migrator.migrate(version1, upTo: "v1-schema")
        try await version1.write { db in
            try db.execute(
                sql: """
                    INSERT INTO runtimes (runtime_id, event_sequence, runtime_state, session_snapshot, ops_snapshot)
                    VALUES (?, 4, 'idle', ?, ?), ('bare', 0, 'idle', NULL, NULL)
                    """,
                arguments: [runtime.rawValue, Data([1, 2, 3]), try JSONEncoder().encode(ops)]
            )
        }
        try version1.close()

        let store = try SQLiteStore.open(directory: directory.path)
        #expect(try await store.loadSessionSnapshot(runtime) == [1, 2, 3])
        #expect(try await store.loadOpsLifecycle(runtime) == ops)
        #expect(try await store.loadRuntimeState(runtime) == .idle)
        #expect(try await store.loadSessionSnapshot(RuntimeID("bare")) == nil)
        #expect(try await store.runtimeIDs() == [RuntimeID("bare"), runtime])
        let next = try await store.commit(StoreTransaction(runtimeID: runtime, events: events(1)))
        #expect(next.map(\.sequence) == [5])
        let (version, columns) = try await store.database.read { db in
            (
                try Int.fetchOne(db, sql: "PRAGMA user_version"),
                try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('runtimes') ORDER BY cid")
            )
        }
        #expect(version == 2)
        #expect(columns == ["runtime_id", "event_sequence", "runtime_state"])
        try store.close()
    }

    @Test("a full disk fails the commit, keeps the store consistent, and the next commit works")
    func fullDiskFailsOnlyThatCommit() async throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore.open(directory: directory.path)
        let acknowledged = try queuedState()
        _ = try await store.commit(StoreTransaction(runtimeID: runtime, inputStates: [acknowledged], events: events(2)))
        try await store.database.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages)")
        }
        let lost = try queuedState()
        let full = StoreTransaction(
            runtimeID: runtime,
            inputStates: [lost],
            sessionSnapshot: Array(repeating: 7, count: 1 << 20),
            events: events(2)
        )
        await #expect(throws: RuntimeStoreError.self) { try await store.commit(full) }
        // This one fails after its runtime's row was updated in the transaction, at the input's row.
        let tooLarge = try queuedState(richPrompt(String(repeating: "x", count: 1 << 20)))
        await #expect(throws: RuntimeStoreError.self) {
            try await store.commit(StoreTransaction(runtimeID: runtime, inputStates: [tooLarge], events: events(2)))
        }
        #expect(store.statistics.failedWrites == 2)
        try await store.database.writeWithoutTransaction { db in
            _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = 1073741823")
        }
        let later = try queuedState()
        let next = try await store.commit(StoreTransaction(runtimeID: runtime, inputStates: [later], events: events(1)))
        #expect(next.map(\.position) == [3])
        #expect(next.map(\.sequence) == [3], "the rolled-back commit's events took no sequence numbers (D116)")
        try store.close()

        let reopened = try SQLiteStore.open(directory: directory.path)
        #expect(try await reopened.loadInputStates(runtime) == [acknowledged, later])
        #expect(try await reopened.loadSessionSnapshot(runtime) == nil)
        #expect(try await allEvents(reopened).events.map(\.position) == [1, 2, 3])
        try reopened.close()
    }

    @Test("the writer syncs every commit (synchronous=FULL), on a new file and on a reopened one")
    func writerSyncsEveryCommit() async throws {
        let directory = try TemporaryDirectory()
        for _ in 0..<2 {
            let store = try SQLiteStore.open(directory: directory.path)
            let level = try await store.database.writeWithoutTransaction { db in
                try Int.fetchOne(db, sql: "PRAGMA synchronous")
            }
            #expect(level == 2, "2 is FULL; GRDB's pool sets 1 (NORMAL) when it turns WAL on")
            try store.close()
        }
    }

    @Test("the stored input format is pinned, and a record written before D95 still decodes")
    func storedFormatIsPinned() async throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore.open(directory: directory.path)
        let run = RunID("run-1")
        let input = Input.continuation(
            ContinuationInput(
                header: InputHeader(id: InputID("in-1"), timestamp: Timestamp(unixNanos: 5), durability: .derived),
                reason: "resume",
                requestID: "q"
            )
        )
        var state = try consumedState(input, run: run)
        state.policy = nil
        _ = try await store.commit(StoreTransaction(runtimeID: runtime, inputStates: [state]))
        let stored = try await store.database.read { db in
            try String.fetchOne(db, sql: "SELECT CAST(record AS TEXT) FROM input_states")
        }
        #expect(stored == Self.goldenInputRecord)
        for (name, record) in [("current", Self.goldenInputRecord), ("before-d95", Self.goldenInputRecordBeforeD95)] {
            try await store.database.write { db in
                try db.execute(sql: "INSERT INTO runtimes (runtime_id) VALUES (?)", arguments: [name])
                try db.execute(
                    sql:
                        "INSERT INTO input_states (runtime_id, input_id, state, record) VALUES (?, 'in-1', 'consumed', ?)",
                    arguments: [name, Data(record.utf8)]
                )
            }
            #expect(try await store.loadInputStates(RuntimeID(name)) == [state], "the \(name) record")
        }
    }

    @Test("an event stored by parts at commit is byte for byte the JSON of its envelope (D58)")
    func storedEnvelopeIsItsJSON() async throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore.open(directory: directory.path)
        let quoted = RuntimeID(#"rt/"1\"#)
        let pending =
            events(1) + [PendingEvent(.published(code: "é/\"", payload: [], contentType: "", attributes: [:]))]
        let committed = try await store.commit(StoreTransaction(runtimeID: quoted, events: pending))
        let stored = try await store.database.read { db in
            try Data.fetchAll(db, sql: "SELECT envelope FROM events ORDER BY position")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(stored == (try committed.map { try encoder.encode($0) }))
        #expect(try await allEvents(store).events == committed)
        try store.close()
    }

    static let goldenInputRecord = [
        #"{"attemptCount":1,"createdAt":1000,"durability":"derived","history":[{"from":"accepted","#,
        #""reason":"QueueAccepted","timestamp":2000,"to":"queued"},{"from":"queued","reason":"StageForRun { run_id: run-1 }","#,
        #""timestamp":3000,"to":"staged"},{"from":"staged","reason":"MarkApplied { run_id: run-1 }","#,
        #""timestamp":4000,"to":"applied"},{"from":"applied","reason":"MarkAppliedPendingConsumption { boundary_sequence: 0 }","#,
        #""timestamp":5000,"to":"applied_pending_consumption"},{"from":"applied_pending_consumption","#,
        #""reason":"Consume","timestamp":6000,"to":"consumed"}],"inputID":"in-1","lastBoundarySequence":0,"#,
        #""lastRunID":"run-1","persistedInput":{"continuation":{"_0":{"handlingMode":"steer","#,
        #""header":{"durability":"derived","id":"in-1","source":{"operator":{}},"timestamp":5,"#,
        #""visibility":{"operatorEligible":true,"transcriptEligible":true}},"reason":"resume","#,
        #""requestID":"q"}}},"state":"consumed","terminalOutcome":{"consumed":{}},"updatedAt":6000}"#,
    ].joined()

    /// The same record as written before D95, with payload-free enums as one-key objects.
    static let goldenInputRecordBeforeD95 = [
        #"{"attemptCount":1,"createdAt":1000,"durability":{"derived":{}},"history":[{"from":"accepted","#,
        #""reason":"QueueAccepted","timestamp":2000,"to":"queued"},{"from":"queued","reason":"StageForRun { run_id: run-1 }","#,
        #""timestamp":3000,"to":"staged"},{"from":"staged","reason":"MarkApplied { run_id: run-1 }","#,
        #""timestamp":4000,"to":"applied"},{"from":"applied","reason":"MarkAppliedPendingConsumption { boundary_sequence: 0 }","#,
        #""timestamp":5000,"to":"applied_pending_consumption"},{"from":"applied_pending_consumption","#,
        #""reason":"Consume","timestamp":6000,"to":"consumed"}],"inputID":"in-1","lastBoundarySequence":0,"#,
        #""lastRunID":"run-1","persistedInput":{"continuation":{"_0":{"handlingMode":{"steer":{}},"#,
        #""header":{"durability":{"derived":{}},"id":"in-1","source":{"operator":{}},"timestamp":5,"#,
        #""visibility":{"operatorEligible":true,"transcriptEligible":true}},"reason":"resume","#,
        #""requestID":"q"}}},"state":"consumed","terminalOutcome":{"consumed":{}},"updatedAt":6000}"#,
    ].joined()
}
