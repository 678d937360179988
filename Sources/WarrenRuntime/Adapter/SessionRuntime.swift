import DequeModule

/// One session's runtime: its driver, its completion waiters and its runtime loop, behind one actor.
///
/// Every change goes through ``perform(_:)``: it runs the driver change, commits what it changed and
/// the events it emitted in one store transaction, and restores the driver if the commit fails, so
/// memory never runs ahead of the store and the events describe exactly the committed state. An async
/// lock keeps those changes in order across the commit's suspension (the reference's driver lock).
actor SessionRuntime {
    let sessionID: SessionID
    let runtimeID: RuntimeID
    let store: any RuntimeStore
    /// Where admitted images go before their input commits; nil keeps them inline.
    let blobs: (any BlobStore)?
    let bus: EventBus
    var driver: RuntimeDriver
    var completions = CompletionRegistry()
    /// Inputs whose run's boundary commit is in flight: the ledger already says how they ended, but their
    /// waiters, and the run's result, come once the commit is on disk (D93).
    var outcomesInFlight: Set<InputID> = []
    /// Admissions and publications waiting to share the session's next commit (D94, D121).
    var sharedCommits = SharedCommitQueue()
    /// How recent inputs ended, so a later AwaitCompletion gets the run's result, not just "consumed".
    private var recentOutcomes: [InputID: CompletionOutcome] = [:]
    private var recentOrder = Deque<InputID>()
    static let recentOutcomeLimit = 4_096
    private var lockHeld = false
    private var lockWaiters: [CheckedContinuation<Void, Never>] = []

    /// The attached executor and its loop, while one is attached.
    var loop: LoopState?

    struct LoopState {
        let executor: any Executor
        let wake: AsyncStream<Void>.Continuation
        var task: Task<Void, Never>?
        var runControl: AsyncStream<RunControlCommand>.Continuation?
        /// An interrupt that came while a run was staged but not yet handed to its executor (no control stream
        /// yet): that run's control stream gets it first.
        var pendingInterrupt: (runID: RunID, reason: String)?
        var stopReason: String?
        /// A background operation completed since the loop last injected a continuation (the detached wake).
        var backgroundCompletionPending = false
        /// Set when the loop must end after the run in flight (unregister, destroy).
        var ending = false
        var exited = false
    }

    init(sessionID: SessionID, store: any RuntimeStore, blobs: (any BlobStore)?, bus: EventBus, driver: RuntimeDriver) {
        self.sessionID = sessionID
        self.runtimeID = sessionID.runtimeID
        self.store = store
        self.blobs = blobs
        self.bus = bus
        self.driver = driver
    }

    // MARK: Queries

    var state: RuntimeState { driver.state }
    var activeInputIDs: [InputID] { driver.activeInputIDs }
    func inputState(_ id: InputID) -> InputState? { driver[id] }
    var hasLiveLoop: Bool { loop.map { !$0.exited } ?? false }
    var currentRunID: RunID? { driver.currentRun?.runID }
    var executorName: String? { loop.flatMap { $0.exited ? nil : $0.executor.name } }

    /// Changes driver fields that are not persisted (silent intents).
    func withDriver(_ body: (inout RuntimeDriver) -> Void) {
        body(&driver)
    }

    // MARK: Ordered, committed changes

    func acquire() async {
        if !lockHeld {
            lockHeld = true
            return
        }
        await withCheckedContinuation { lockWaiters.append($0) }
    }

    func release() {
        if lockWaiters.isEmpty {
            lockHeld = false
        } else {
            lockWaiters.removeFirst().resume()
        }
    }

    /// Applies `change` to the driver and commits it; on any error the driver is left as it was.
    func perform<T: Sendable>(
        receipt: RunBoundaryReceipt? = nil,
        sessionSnapshot: [UInt8]? = nil,
        _ change: (inout RuntimeDriver) throws(RuntimeDriverError) -> T
    ) async throws(RuntimeDriverError) -> T {
        await acquire()
        defer { release() }
        driver.beginChange()
        let result: T
        do {
            result = try change(&driver)
        } catch {
            driver.rollBackChange()
            throw error
        }
        _ = try await commitChange(receipt: receipt, sessionSnapshot: sessionSnapshot)
        return result
    }

    /// Commits the driver's change since `beginChange()` (its states and events) in one transaction and
    /// delivers the events; rolls the change back if the commit fails. Call with the lock held.
    func commitChange(receipt: RunBoundaryReceipt? = nil, sessionSnapshot: [UInt8]? = nil)
        async throws(RuntimeDriverError) -> [RuntimeEventEnvelope]
    {
        let transaction = StoreTransaction(
            runtimeID: runtimeID,
            inputStates: driver.takeChangedStates(),
            runtimeState: driver.state == .attached || driver.state == .running ? .idle : driver.state,
            receipt: receipt,
            sessionSnapshot: sessionSnapshot,
            events: driver.takeEvents()
        )
        let envelopes: [RuntimeEventEnvelope]
        do {
            envelopes = try await store.commit(transaction)
        } catch {
            driver.rollBackChange()
            throw .internal("persist failed: \(error)")
        }
        bus.deliver(envelopes)
        driver.commitChange()
        return envelopes
    }

    /// Commits events that change no state (for example a published event), sharing the session's next
    /// commit with concurrent admissions and publications (D121); returns their envelopes.
    func publish(_ events: [PendingEvent]) async throws(RuntimeDriverError) -> [RuntimeEventEnvelope] {
        guard case .published(let envelopes) = try await commitShared(.publication(events)) else {
            throw .internal("a publication was answered as an admission")
        }
        return envelopes
    }

    // MARK: Completions

    /// Resolves the waiters of every listed input that is now terminal, by how it ended.
    func resolveTerminalWaiters(_ ids: [InputID], success: CompletionOutcome? = nil) {
        for id in ids {
            guard let record = driver[id], record.state.isTerminal else { continue }
            finish(id, with: Self.outcome(of: record, success: success))
        }
    }

    /// Records how an input ended and resolves its waiters.
    func finish(_ id: InputID, with outcome: CompletionOutcome) {
        if recentOutcomes.updateValue(outcome, forKey: id) == nil {
            recentOrder.append(id)
            if recentOrder.count > Self.recentOutcomeLimit, let oldest = recentOrder.popFirst() {
                recentOutcomes[oldest] = nil
            }
        }
        completions.resolve(id, with: outcome)
    }

    /// How a terminal input ended: the recorded outcome, else what its state says.
    func terminalOutcome(of record: InputState) -> CompletionOutcome {
        recentOutcomes[record.inputID] ?? Self.outcome(of: record, success: nil)
    }

    static func outcome(of record: InputState, success: CompletionOutcome?) -> CompletionOutcome {
        switch record.terminalOutcome {
        case .consumed?: success ?? .completedWithoutResult
        case .abandoned(.cancelled)?: .cancelled(reason: "run cancelled")
        case .abandoned(let reason)?: .abandoned(reason: reason.description)
        case .superseded(let by)?: .abandoned(reason: "superseded by \(by)")
        case .coalesced(let into)?: .abandoned(reason: "coalesced into \(into)")
        case nil: .completedWithoutResult
        }
    }

    /// Ends every waiter with `runtimeTerminated(reason)`, except those of `keep`.
    func terminateWaiters(_ reason: String, except keep: Set<InputID> = []) {
        completions.resolveAll(with: .runtimeTerminated(reason: reason), except: keep)
    }
}
