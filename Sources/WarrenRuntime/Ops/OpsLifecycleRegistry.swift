import OrderedCollections
import Synchronization

/// One session's registry of async operations (child mob members, background tool jobs) and their
/// lifecycle: the status machine, watchers, the completion feed and the `waitAll` barrier
/// (persistence-spec §5).
///
/// Every call is synchronous under one lock except the two that wait (`waitAll` and the watches it
/// hands out); no lock is held across a suspension.
public final class OpsLifecycleRegistry: Sendable {
    /// How many terminal operations a registry retains by default before evicting the oldest.
    public static let defaultMaxCompleted = 256

    /// The epoch this registry orders completions in; recovery from a snapshot keeps it.
    public let epochID: EpochID
    /// The feed of terminal transitions, shared with the agent boundary and the runtime loop.
    public let completionFeed: CompletionFeed
    let state: Mutex<OpsRegistryState>

    /// Creates an empty registry for a fresh epoch.
    ///
    /// - Parameters:
    ///   - maxCompleted: terminal operations retained before the oldest is evicted.
    ///   - maxConcurrent: non-terminal operations allowed at once; `nil` is unlimited.
    ///   - onBackgroundCompletion: the detached wake, called once per background tool op that ends.
    ///   - onSnapshot: receives a snapshot after every terminal transition (see ``onSnapshot``).
    public convenience init(
        epochID: EpochID = .make(),
        maxCompleted: Int = OpsLifecycleRegistry.defaultMaxCompleted,
        maxConcurrent: Int? = nil,
        cursors: OpsCursors = OpsCursors(),
        onBackgroundCompletion: (@Sendable () -> Void)? = nil,
        onSnapshot: (@Sendable (PersistedOpsSnapshot) -> Void)? = nil
    ) {
        let maxCompleted = max(maxCompleted, 0)
        let feed = CompletionFeed(capacity: CompletionFeed.capacity(forMaxCompleted: maxCompleted))
        var initial = OpsRegistryState(
            epochID: epochID,
            maxCompleted: maxCompleted,
            maxConcurrent: maxConcurrent,
            cursors: cursors,
            feed: feed
        )
        initial.onBackgroundCompletion = onBackgroundCompletion
        initial.onSnapshot = onSnapshot
        self.init(initial)
    }

    init(_ initial: OpsRegistryState) {
        epochID = initial.epochID
        completionFeed = initial.feed
        state = Mutex(initial)
    }

    deinit {
        // Watches do not keep the registry alive; without this their waiters would hang forever.
        let pending = state.withLock { $0.records.values.flatMap(\.watches) }
        for watch in pending { watch.resolve(.terminated(reason: "operation completion watch dropped")) }
    }

    /// The detached wake: called once for each background tool op that becomes terminal, after the
    /// registry's lock is released, so it may call back into the registry.
    public var onBackgroundCompletion: (@Sendable () -> Void)? {
        get { state.withLock { $0.onBackgroundCompletion } }
        set { state.withLock { $0.onBackgroundCompletion = newValue } }
    }

    /// Receives a persistence snapshot after every terminal transition.
    ///
    /// Warren persists every terminal transition (including `provisioningFailed`, `markRetired` and
    /// `terminateOwner`), where the reference only snapshots after complete, fail, abort and cancel. The
    /// hook runs with the registry's lock held so snapshots arrive in transition order: it must return
    /// quickly (hand the snapshot to a stream or queue) and must not call back into the registry.
    public var onSnapshot: (@Sendable (PersistedOpsSnapshot) -> Void)? {
        get { state.withLock { $0.onSnapshot } }
        set { state.withLock { $0.onSnapshot = newValue } }
    }

    // MARK: Status machine (§5.2)

    /// Adds an operation in `provisioning`.
    /// - Throws: `alreadyRegistered` (also for retained terminal ids), `maxConcurrentExceeded`.
    public func registerOperation(_ spec: OperationSpec) throws(OpsLifecycleError) {
        try state.withLock { (state) throws(OpsLifecycleError) in try state.register(spec) }
    }

    /// Provisioning → running; records the start time.
    public func provisioningSucceeded(_ id: OperationID) throws(OpsLifecycleError) {
        try state.withLock { (state) throws(OpsLifecycleError) in try state.provisioningSucceeded(id) }
    }

    /// Provisioning → failed with `error`.
    public func provisioningFailed(_ id: OperationID, error: String) throws(OpsLifecycleError) {
        try finish(id, .provisioningFailed, .failed(error: error))
    }

    /// Provisioning → aborted.
    public func abortProvisioning(_ id: OperationID, reason: String? = nil) throws(OpsLifecycleError) {
        try finish(id, .abortProvisioning, .aborted(reason: reason))
    }

    /// Exposes a running mob member's peer channel, once.
    /// - Throws: `peerNotExpected` for other kinds, `alreadyPeerReady` the second time.
    public func peerReady(_ id: OperationID, handle: OperationPeerHandle) throws(OpsLifecycleError) {
        try state.withLock { (state) throws(OpsLifecycleError) in try state.peerReady(id, handle: handle) }
    }

    /// Counts a progress report of a running or retiring operation.
    public func reportProgress(
        _ id: OperationID,
        _ update: OperationProgressUpdate = OperationProgressUpdate(message: "")
    ) throws(OpsLifecycleError) {
        // Only the count is lifecycle truth; the content belongs to whoever displays progress.
        try state.withLock { (state) throws(OpsLifecycleError) in try state.reportProgress(id) }
    }

    /// Running → retiring.
    public func requestRetire(_ id: OperationID) throws(OpsLifecycleError) {
        try state.withLock { (state) throws(OpsLifecycleError) in try state.requestRetire(id) }
    }

    /// Running or retiring → retired.
    public func markRetired(_ id: OperationID) throws(OpsLifecycleError) {
        try finish(id, .markRetired, .retired)
    }

    /// Running or retiring → completed with `result`.
    public func completeOperation(_ id: OperationID, result: OperationResult) throws(OpsLifecycleError) {
        try finish(id, .completeOperation, .completed(result: result))
    }

    /// Any non-terminal status → failed with `error`.
    public func failOperation(_ id: OperationID, error: String) throws(OpsLifecycleError) {
        try finish(id, .failOperation, .failed(error: error))
    }

    /// Any non-terminal status → cancelled.
    public func cancelOperation(_ id: OperationID, reason: String? = nil) throws(OpsLifecycleError) {
        try finish(id, .cancelOperation, .cancelled(reason: reason))
    }

    /// Ends every non-terminal operation as terminated (the owning session is going away).
    public func terminateOwner(reason: String) {
        let wakes = state.withLock { $0.terminateOwner(reason: reason) }
        for wake in wakes { wake() }
    }

    private func finish(
        _ id: OperationID,
        _ action: OperationAction,
        _ outcome: OperationTerminalOutcome
    ) throws(OpsLifecycleError) {
        let wakes = try state.withLock { (state) throws(OpsLifecycleError) in try state.finish(id, action, outcome) }
        for wake in wakes { wake() }
    }

    // MARK: Watching, collecting, listing

    /// A watch on the operation's terminal outcome; already resolved when the operation is terminal.
    public func registerWatcher(_ id: OperationID) throws(OpsLifecycleError) -> OperationCompletionWatch {
        try state.withLock { (state) throws(OpsLifecycleError) in try state.registerWatcher(id) }
    }

    /// Removes every operation that became terminal since the last call and returns how each ended,
    /// oldest first.
    public func collectCompleted() -> [OperationOutcomeRecord] {
        state.withLock { $0.collectCompleted() }
    }

    /// A view of one operation, or `nil` when the registry does not hold it.
    public func snapshot(of id: OperationID) -> OperationLifecycleSnapshot? {
        state.withLock { $0.records[id]?.snapshot }
    }

    /// Views of every held operation, sorted by display name.
    public func listOperations() -> [OperationLifecycleSnapshot] {
        let snapshots = state.withLock { $0.records.values.map(\.snapshot) }
        return snapshots.sorted { $0.displayName < $1.displayName }
    }

    // MARK: Cursors

    /// The consumers' feed cursors, as a persisted snapshot would record them.
    public var cursors: OpsCursors { state.withLock { $0.cursors } }

    /// Changes the feed cursors; consumers call this as they read or inject completions.
    public func updateCursors(_ update: (inout OpsCursors) -> Void) {
        state.withLock { update(&$0.cursors) }
    }
}
