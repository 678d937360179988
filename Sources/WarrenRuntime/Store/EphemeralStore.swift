import Synchronization

/// The store of an ephemeral adapter: no state is kept, only the event log, in memory.
final class EphemeralStore: RuntimeStore {
    private let log: Mutex<InMemoryEventLog>

    init(eventRetention: Int) {
        log = Mutex(InMemoryEventLog(retention: eventRetention))
    }

    var persistsState: Bool { false }

    func commit(_ transaction: StoreTransaction) async throws(RuntimeStoreError) -> [RuntimeEventEnvelope] {
        guard !transaction.events.isEmpty else { return [] }
        return log.withLock { $0.append(transaction.events, runtimeID: transaction.runtimeID) }
    }

    func loadInputStates(_ runtimeID: RuntimeID) async throws(RuntimeStoreError) -> [InputState] { [] }

    func loadRuntimeState(_ runtimeID: RuntimeID) async throws(RuntimeStoreError) -> RuntimeState? { nil }

    func loadBoundaryReceipt(_ runtimeID: RuntimeID, runID: RunID, sequence: UInt64) async throws(RuntimeStoreError)
        -> RunBoundaryReceipt?
    { nil }

    func persistOpsLifecycle(_ runtimeID: RuntimeID, _ snapshot: PersistedOpsSnapshot) async throws(RuntimeStoreError) {
    }

    func loadOpsLifecycle(_ runtimeID: RuntimeID) async throws(RuntimeStoreError) -> PersistedOpsSnapshot? { nil }

    func readEvents(after position: UInt64, limit: Int) async throws(RuntimeStoreError) -> EventLogPage {
        log.withLock { $0.read(after: position, limit: limit) }
    }
}
