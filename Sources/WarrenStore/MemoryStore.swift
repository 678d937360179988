import Synchronization
public import WarrenRuntime

/// A ``RuntimeStore`` in memory: every commit is atomic under one lock, with the SQLite backend's
/// semantics (a duplicate receipt fails the whole transaction). For tests and `--memory` servers.
public final class MemoryStore: RuntimeStore {
    private let state: Mutex<State>

    private struct State {
        var inputStates: [RuntimeID: [InputID: InputState]] = [:]
        var inputOrder: [RuntimeID: [InputID]] = [:]
        var runtimeStates: [RuntimeID: RuntimeState] = [:]
        var receipts: [ReceiptKey: RunBoundaryReceipt] = [:]
        var snapshots: [RuntimeID: [UInt8]] = [:]
        var ops: [RuntimeID: PersistedOpsSnapshot] = [:]
        var log: InMemoryEventLog
        var subscriberPositions: [String: UInt64] = [:]
        var failures: [@Sendable (StoreTransaction) -> String?] = []
        var commits = 0
        var writes: UInt64 = 0
        var failedWrites: UInt64 = 0
    }

    private struct ReceiptKey: Hashable {
        let runtimeID: RuntimeID
        let runID: RunID
        let sequence: UInt64
    }

    /// Creates an empty store keeping at most `eventRetention` events.
    public init(eventRetention: Int = 100_000) {
        state = Mutex(State(log: InMemoryEventLog(retention: eventRetention)))
    }

    public var persistsState: Bool { true }

    /// The number of successful commits.
    public var commitCount: Int { state.withLock { $0.commits } }

    /// Makes commits fail while `rule` returns a message for them (tests of the layer above).
    public func injectFailure(_ rule: @escaping @Sendable (StoreTransaction) -> String?) {
        state.withLock { $0.failures.append(rule) }
    }

    /// Removes every injected failure.
    public func clearFailures() {
        state.withLock { $0.failures.removeAll() }
    }

    public func commit(_ transaction: StoreTransaction) async throws(RuntimeStoreError) -> [RuntimeEventEnvelope] {
        try state.withLock { (state) throws(RuntimeStoreError) -> [RuntimeEventEnvelope] in
            for rule in state.failures {
                if let message = rule(transaction) {
                    state.failedWrites += 1
                    throw .writeFailed(message)
                }
            }
            let runtimeID = transaction.runtimeID
            if let receipt = transaction.receipt {
                let key = ReceiptKey(runtimeID: runtimeID, runID: receipt.runID, sequence: receipt.sequence)
                guard state.receipts[key] == nil else {
                    state.failedWrites += 1
                    throw .writeFailed("receipt (\(runtimeID), \(receipt.runID), \(receipt.sequence)) already exists")
                }
                state.receipts[key] = receipt
            }
            for record in transaction.inputStates {
                if state.inputStates[runtimeID, default: [:]].updateValue(record, forKey: record.inputID) == nil {
                    state.inputOrder[runtimeID, default: []].append(record.inputID)
                }
            }
            if let runtimeState = transaction.runtimeState { state.runtimeStates[runtimeID] = runtimeState }
            if let snapshot = transaction.sessionSnapshot { state.snapshots[runtimeID] = snapshot }
            state.commits += 1
            state.writes += 1
            return transaction.events.isEmpty ? [] : state.log.append(transaction.events, runtimeID: runtimeID)
        }
    }

    public func loadInputStates(_ runtimeID: RuntimeID) async throws(RuntimeStoreError) -> [InputState] {
        state.withLock { state in
            (state.inputOrder[runtimeID] ?? []).compactMap { state.inputStates[runtimeID]?[$0] }
        }
    }

    public func loadRuntimeState(_ runtimeID: RuntimeID) async throws(RuntimeStoreError) -> RuntimeState? {
        state.withLock { $0.runtimeStates[runtimeID] }
    }

    public func loadBoundaryReceipt(_ runtimeID: RuntimeID, runID: RunID, sequence: UInt64)
        async throws(RuntimeStoreError)
        -> RunBoundaryReceipt?
    {
        state.withLock { $0.receipts[ReceiptKey(runtimeID: runtimeID, runID: runID, sequence: sequence)] }
    }

    /// The latest session snapshot committed with a receipt.
    public func loadSessionSnapshot(_ runtimeID: RuntimeID) -> [UInt8]? {
        state.withLock { $0.snapshots[runtimeID] }
    }

    public func persistOpsLifecycle(_ runtimeID: RuntimeID, _ snapshot: PersistedOpsSnapshot)
        async throws(RuntimeStoreError)
    {
        state.withLock {
            $0.ops[runtimeID] = snapshot
            $0.writes += 1
        }
    }

    public func loadOpsLifecycle(_ runtimeID: RuntimeID) async throws(RuntimeStoreError) -> PersistedOpsSnapshot? {
        state.withLock { $0.ops[runtimeID] }
    }

    public func readEvents(after position: UInt64, limit: Int) async throws(RuntimeStoreError) -> EventLogPage {
        state.withLock { $0.log.read(after: position, limit: limit) }
    }

    public func runtimeIDs() async throws(RuntimeStoreError) -> [RuntimeID] {
        state.withLock { state in
            var ids = Set(state.inputStates.keys).union(state.runtimeStates.keys).union(state.snapshots.keys)
            ids.formUnion(state.ops.keys)
            ids.formUnion(state.receipts.keys.map(\.runtimeID))
            ids.formUnion(state.log.runtimeIDs)
            return ids.sorted()
        }
    }

    public func saveSubscriberPosition(_ name: String, _ position: UInt64) async throws(RuntimeStoreError) {
        state.withLock { state in
            state.subscriberPositions[name] = position
            state.log.heldPosition = state.subscriberPositions.values.min()
            state.writes += 1
        }
    }

    public func loadSubscriberPositions() async throws(RuntimeStoreError) -> [String: UInt64] {
        state.withLock { $0.subscriberPositions }
    }

    public var statistics: RuntimeStoreStatistics {
        state.withLock { state in
            let page = state.log.read(after: 0, limit: 0)
            return RuntimeStoreStatistics(
                commitBatches: state.writes,
                committedWrites: state.writes,
                failedWrites: state.failedWrites,
                maxBatchSize: state.writes == 0 ? 0 : 1,
                lastBatchSize: state.writes == 0 ? 0 : 1,
                retainedEvents: UInt64(state.log.count),
                oldestPosition: page.oldestRetained,
                headPosition: page.head,
                location: "memory"
            )
        }
    }
}
