import DequeModule
import OrderedCollections

/// The state behind `OpsLifecycleRegistry`'s lock, and the status machine that changes it.
///
/// Every method runs with the lock held and must not suspend; work that runs caller code
/// (the background-completion hook) is handed back to the registry to run after unlocking.
struct OpsRegistryState {
    let epochID: EpochID
    let feed: CompletionFeed
    let maxCompleted: Int
    let maxConcurrent: Int?
    // Registration order, so `terminateOwner` and listings are deterministic.
    var records: OrderedDictionary<OperationID, OperationRecord> = [:]
    var completedOrder: Deque<OperationID> = []
    var activeCount = 0
    var nextCompletionSeq: UInt64 = 0
    var waitRequestID: WaitRequestID?
    var waitOperationIDs: [OperationID] = []
    // Outcomes are captured as awaited operations end, so eviction or collection before the
    // barrier completes cannot lose them.
    var waitOutcomes: [OperationID: OperationTerminalOutcome] = [:]
    var waits: [WaitRequestID: WaitSlot] = [:]
    var cursors: OpsCursors
    var onBackgroundCompletion: (@Sendable () -> Void)?
    var onSnapshot: (@Sendable (PersistedOpsSnapshot) -> Void)?

    /// Where one `waitAll` call stands; `.registered` covers the gap before its continuation exists.
    enum WaitSlot {
        case registered
        case awaiting(CheckedContinuation<Result<WaitAllResult, OpsLifecycleError>, Never>)
        case satisfied(WaitAllResult)
        case cancelled
    }

    init(epochID: EpochID, maxCompleted: Int, maxConcurrent: Int?, cursors: OpsCursors, feed: CompletionFeed) {
        self.epochID = epochID
        self.maxCompleted = maxCompleted
        self.maxConcurrent = maxConcurrent
        self.cursors = cursors
        self.feed = feed
    }

    // MARK: Transitions

    mutating func register(_ spec: OperationSpec) throws(OpsLifecycleError) {
        guard records[spec.id] == nil else { throw .alreadyRegistered(spec.id) }
        if let limit = maxConcurrent, activeCount >= limit {
            throw .maxConcurrentExceeded(limit: limit, active: activeCount)
        }
        records[spec.id] = OperationRecord(spec: spec, canonical: OperationCanonicalState(kind: spec.kind))
        activeCount += 1
    }

    /// The operation's record, once `action` is known to be legal for it.
    func check(_ id: OperationID, _ action: OperationAction) throws(OpsLifecycleError) -> OperationRecord {
        guard let record = records[id] else { throw .notFound(id) }
        guard action.allowedFrom.contains(record.canonical.status) else {
            throw .invalidTransition(id: id, status: record.canonical.status, action: action)
        }
        return record
    }

    mutating func provisioningSucceeded(_ id: OperationID) throws(OpsLifecycleError) {
        _ = try check(id, .provisioningSucceeded)
        records[id]?.canonical.status = .running
        records[id]?.startedInstant = .now
    }

    mutating func peerReady(_ id: OperationID, handle: OperationPeerHandle) throws(OpsLifecycleError) {
        // The reference checks kind and readiness before status; the error a caller sees depends on it.
        guard let record = records[id] else { throw .notFound(id) }
        guard record.canonical.kind.expectsPeerChannel else { throw .peerNotExpected(id) }
        guard !record.canonical.peerReady else { throw .alreadyPeerReady(id) }
        _ = try check(id, .peerReady)
        records[id]?.canonical.peerReady = true
        records[id]?.peerHandle = handle
    }

    mutating func reportProgress(_ id: OperationID) throws(OpsLifecycleError) {
        let record = try check(id, .reportProgress)
        records[id]?.canonical.progressCount = record.canonical.progressCount &+ 1
    }

    mutating func requestRetire(_ id: OperationID) throws(OpsLifecycleError) {
        _ = try check(id, .requestRetire)
        records[id]?.canonical.status = .retiring
    }

    /// One legal terminal transition with all its side effects; returns the hooks to run after unlocking.
    mutating func finish(
        _ id: OperationID,
        _ action: OperationAction,
        _ outcome: OperationTerminalOutcome
    ) throws(OpsLifecycleError) -> [@Sendable () -> Void] {
        _ = try check(id, action)
        let woke = end(id, outcome)
        activeCount = max(activeCount - 1, 0)
        settle()
        return woke ? hooks(count: 1) : []
    }

    /// Ends every non-terminal operation as terminated; returns the hooks to run after unlocking.
    mutating func terminateOwner(reason: String) -> [@Sendable () -> Void] {
        let live = records.values.filter { !$0.canonical.status.isTerminal }.map(\.spec.id)
        guard !live.isEmpty else { return [] }
        var wakes = 0
        for id in live where end(id, .terminated(reason: reason)) { wakes += 1 }
        activeCount = 0
        settle()
        return hooks(count: wakes)
    }

    /// The per-operation part of a terminal transition; returns whether it should wake the session.
    private mutating func end(_ id: OperationID, _ outcome: OperationTerminalOutcome) -> Bool {
        guard var record = records[id] else { return false }
        nextCompletionSeq += 1
        let now = ContinuousClock.now
        record.canonical.status = outcome.status
        record.canonical.terminalOutcome = outcome
        record.canonical.terminalBuffered = true
        record.canonical.watcherCount = 0
        record.completedInstant = now
        let watches = record.watches
        record.watches = []
        records[id] = record
        completedOrder.append(id)
        if waitRequestID != nil, waitOperationIDs.contains(id) { waitOutcomes[id] = outcome }
        // Watchers and the feed are served before eviction, so even an operation evicted by its own
        // transition (max_completed 0) reaches its watchers and the feed in full.
        for watch in watches { watch.resolve(outcome) }
        feed.append(
            CompletionEntry(
                seq: nextCompletionSeq,
                operationID: id,
                kind: record.canonical.kind,
                displayName: record.spec.displayName,
                terminalOutcome: outcome,
                completedAt: record.wallTime(at: now)
            )
        )
        return record.canonical.kind == .backgroundToolOp
    }

    /// The registry-wide part of a terminal transition: barrier, retention, persistence.
    private mutating func settle() {
        satisfyWaitIfComplete()
        while completedOrder.count > maxCompleted {
            let oldest = completedOrder.removeFirst()
            if records[oldest]?.canonical.status.isTerminal == true { records[oldest] = nil }
        }
        // Called with the lock held so snapshots reach the persister in transition order.
        onSnapshot?(persistedSnapshot())
    }

    private func hooks(count: Int) -> [@Sendable () -> Void] {
        guard let hook = onBackgroundCompletion, count > 0 else { return [] }
        return Array(repeating: hook, count: count)
    }

    // MARK: Watching and collecting

    mutating func registerWatcher(_ id: OperationID) throws(OpsLifecycleError) -> OperationCompletionWatch {
        guard let record = records[id] else { throw .notFound(id) }
        if let outcome = record.canonical.terminalOutcome { return .resolved(id, outcome) }
        let watch = OperationCompletionWatch(operationID: id)
        records[id]?.watches.append(watch)
        records[id]?.canonical.watcherCount = record.canonical.watcherCount &+ 1
        return watch
    }

    mutating func collectCompleted() -> [OperationOutcomeRecord] {
        let drained = completedOrder
        completedOrder.removeAll()
        return drained.compactMap { id in
            guard let outcome = records.removeValue(forKey: id)?.canonical.terminalOutcome else { return nil }
            return OperationOutcomeRecord(operationID: id, outcome: outcome)
        }
    }

    // MARK: wait_all

    /// Starts a barrier; returns its result at once when every operation is already terminal.
    mutating func beginWait(
        _ request: WaitRequestID,
        _ ids: [OperationID]
    ) throws(OpsLifecycleError) -> WaitAllResult? {
        guard waitRequestID == nil else { throw .waitAlreadyActive }
        var seen = Set<OperationID>()
        for id in ids where !seen.insert(id).inserted { throw .duplicateWaitOperation(id) }
        for id in ids where records[id] == nil { throw .notFound(id) }
        var outcomes: [OperationID: OperationTerminalOutcome] = [:]
        for id in ids { outcomes[id] = records[id]?.canonical.terminalOutcome }
        if outcomes.count == ids.count { return Self.waitResult(request, ids, outcomes) }
        waitRequestID = request
        waitOperationIDs = ids
        waitOutcomes = outcomes
        waits[request] = .registered
        return nil
    }

    /// Hands the barrier its continuation, or the result that arrived before it.
    mutating func attachWaiter(
        _ request: WaitRequestID,
        _ continuation: CheckedContinuation<Result<WaitAllResult, OpsLifecycleError>, Never>
    ) -> Result<WaitAllResult, OpsLifecycleError>? {
        switch waits[request] {
        case .registered:
            waits[request] = .awaiting(continuation)
            return nil
        case .satisfied(let result):
            waits[request] = nil
            return .success(result)
        case .cancelled, .awaiting, nil:
            waits[request] = nil
            return .failure(.waitCancelled)
        }
    }

    /// Withdraws a barrier whose task was cancelled; returns the continuation to fail, if already attached.
    mutating func cancelWait(
        _ request: WaitRequestID
    ) -> CheckedContinuation<Result<WaitAllResult, OpsLifecycleError>, Never>? {
        if waitRequestID == request {
            waitRequestID = nil
            waitOperationIDs = []
            waitOutcomes = [:]
        }
        switch waits[request] {
        case .awaiting(let continuation):
            waits[request] = nil
            return continuation
        case .registered:
            waits[request] = .cancelled
            return nil
        case .satisfied, .cancelled, nil:
            return nil
        }
    }

    private mutating func satisfyWaitIfComplete() {
        guard let request = waitRequestID, waitOutcomes.count == waitOperationIDs.count else { return }
        let result = Self.waitResult(request, waitOperationIDs, waitOutcomes)
        waitRequestID = nil
        waitOperationIDs = []
        waitOutcomes = [:]
        switch waits[request] {
        case .registered:
            waits[request] = .satisfied(result)
        case .awaiting(let continuation):
            waits[request] = nil
            continuation.resume(returning: .success(result))
        case .satisfied, .cancelled, nil:
            break
        }
    }

    private static func waitResult(
        _ request: WaitRequestID,
        _ ids: [OperationID],
        _ outcomes: [OperationID: OperationTerminalOutcome]
    ) -> WaitAllResult {
        let records = ids.compactMap { id in
            outcomes[id].map { OperationOutcomeRecord(operationID: id, outcome: $0) }
        }
        return WaitAllResult(
            outcomes: records,
            satisfied: WaitAllSatisfied(waitRequestID: request, operationIDs: ids)
        )
    }

    // MARK: Persistence

    func persistedSnapshot() -> PersistedOpsSnapshot {
        var operations: [OperationID: OperationCanonicalState] = [:]
        var specs: [OperationID: OperationSpec] = [:]
        for (id, record) in records {
            operations[id] = record.canonical
            specs[id] = record.spec
        }
        return PersistedOpsSnapshot(
            epochID: epochID,
            authorityState: OpsAuthorityState(
                operations: operations,
                completedOrder: Array(completedOrder),
                maxCompleted: maxCompleted,
                maxConcurrent: maxConcurrent,
                activeCount: activeCount,
                waitRequestID: waitRequestID,
                waitOperationIDs: waitOperationIDs,
                nextCompletionSeq: nextCompletionSeq
            ),
            operationSpecs: specs,
            completionEntries: feed.bufferedEntries,
            cursors: cursors
        )
    }

    /// The §5.4 rebuild: terminal operations, order, limits, sequence and feed survive; live operations
    /// and any wait are forgotten, and shells start fresh (new clocks, no watchers, no peer handles).
    init(recovering snapshot: PersistedOpsSnapshot) {
        let authority = snapshot.authorityState
        let feed = CompletionFeed(
            capacity: CompletionFeed.capacity(forMaxCompleted: authority.maxCompleted),
            seed: snapshot.completionEntries
        )
        self.init(
            epochID: snapshot.epochID,
            maxCompleted: authority.maxCompleted,
            maxConcurrent: authority.maxConcurrent,
            cursors: snapshot.cursors,
            feed: feed
        )
        completedOrder = Deque(authority.completedOrder)
        nextCompletionSeq = authority.nextCompletionSeq
        // Completed order first keeps the survivors in the order they ended; the rest sort by id.
        let ordered = authority.completedOrder + authority.operations.keys.sorted()
        for id in ordered where records[id] == nil {
            guard var canonical = authority.operations[id], canonical.terminalOutcome != nil,
                let spec = snapshot.operationSpecs[id]
            else { continue }
            canonical.watcherCount = 0
            records[id] = OperationRecord(spec: spec, canonical: canonical)
        }
    }
}
