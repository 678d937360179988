import Dispatch
internal import GRDB
import Logging
import Synchronization
import WarrenRuntime

/// Group commit: concurrent writes queue, and one writer drains everything queued into ONE SQLite
/// transaction with one fsync, then resumes every caller (docs/DECISIONS.md D52).
///
/// A write that can be refused on its own merits (a duplicate receipt) runs inside its own savepoint,
/// so it fails only its caller; positions are handed out after it succeeds, so they stay gap-free.
/// Any other error (a full disk, an I/O error) rolls the whole transaction back and fails every caller
/// of the batch: none of them was acknowledged. GRDB's writes block, so the drain runs on a dedicated
/// dispatch queue, never on the cooperative pool; no lock is held across an await.
final class GroupCommitWriter: Sendable {
    typealias Outcome = Result<[RuntimeEventEnvelope], RuntimeStoreError>

    /// The most writes one transaction takes; the rest wait for the next one.
    static let maxBatchSize = 1_024

    private struct Pending: Sendable {
        let write: StoreWrite
        let continuation: CheckedContinuation<Outcome, Never>
    }

    private struct State: Sendable {
        var pending: [Pending] = []
        var inFlight = 0
        var draining = false
        var closed = false
        /// While the writer gathers, the queue length that wakes it (0 when not gathering).
        var gatherTarget = 0
        var statistics: RuntimeStoreStatistics
    }

    private let database: any DatabaseWriter
    private let retention: Int
    private let logger: Logger?
    private let queue = DispatchQueue(label: "warren.sqlite.group-commit")
    private let gathered = DispatchSemaphore(value: 0)
    private let state: Mutex<State>
    /// Touched only inside the writer's transactions, on its queue; the lock is never contended.
    private let runtimeRows = Mutex(RuntimeRowCache())

    /// A writer over `database`, whose log currently has `bounds`.
    init(database: any DatabaseWriter, retention: Int, bounds: EventLogSQL.Bounds, location: String, logger: Logger?) {
        self.database = database
        self.retention = max(1, retention)
        self.logger = logger
        var statistics = RuntimeStoreStatistics(location: location)
        Self.record(bounds, in: &statistics)
        state = Mutex(State(statistics: statistics))
    }

    /// The counters so far.
    var statistics: RuntimeStoreStatistics { state.withLock { $0.statistics } }

    /// Writes waiting for a batch, and writes in the batch being written.
    var pendingWrites: (waiting: Int, writing: Int) { state.withLock { ($0.pending.count, $0.inFlight) } }

    /// Queues `write` and returns once the transaction holding it is on disk (or failed).
    func submit(_ write: StoreWrite) async -> Outcome {
        await withCheckedContinuation { continuation in
            let (start, wake) = state.withLock { state -> (Bool?, Bool) in
                guard !state.closed else { return (nil, false) }
                state.pending.append(Pending(write: write, continuation: continuation))
                defer { state.draining = true }
                let wake = state.gatherTarget > 0 && state.pending.count >= state.gatherTarget
                if wake { state.gatherTarget = 0 }
                return (!state.draining, wake)
            }
            if wake { gathered.signal() }
            switch start {
            case nil: continuation.resume(returning: .failure(.writeFailed("the store is closed")))
            case true?: queue.async { self.drain() }
            case false?: break
            }
        }
    }

    /// Refuses new writes and waits until every queued one has finished.
    func close() {
        state.withLock { $0.closed = true }
        queue.sync {}
    }

    private func drain() {
        var returning = 0
        var gatherLimit = Duration.zero
        while let batch = nextBatch(returning: returning, gatherLimit: gatherLimit) {
            let started = ContinuousClock.now
            let outcomes = run(batch.map(\.write))
            gatherLimit = min(ContinuousClock.now - started, Self.maxGather)
            state.withLock { $0.inFlight = 0 }
            for (pending, outcome) in zip(batch, outcomes) { pending.continuation.resume(returning: outcome) }
            returning = batch.count
        }
    }

    /// The longest the writer waits for callers it just acknowledged to queue their next write.
    static let maxGather = Duration.milliseconds(1)

    /// The next batch. When fewer writes wait than the callers just acknowledged plus those already
    /// waiting, the writer first gives the acknowledged callers up to `gatherLimit` (one commit's time at
    /// most) to queue again, so they share this batch's fsync instead of paying for the next one (D92).
    private func nextBatch(returning: Int, gatherLimit: Duration) -> [Pending]? {
        let target = state.withLock { state -> Int in
            let target = min(state.pending.count + returning, Self.maxBatchSize)
            guard returning > 0, state.pending.count < target, !state.closed, gatherLimit > .zero else { return 0 }
            state.gatherTarget = target
            return target
        }
        if target > 0 {
            let (seconds, attoseconds) = gatherLimit.components
            _ = gathered.wait(
                timeout: .now() + .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
            )
            state.withLock { $0.gatherTarget = 0 }
        }
        return state.withLock { state in
            guard !state.pending.isEmpty else {
                state.draining = false
                return nil
            }
            let count = min(state.pending.count, Self.maxBatchSize)
            state.inFlight = count
            defer { state.pending.removeFirst(count) }
            return Array(state.pending.prefix(count))
        }
    }

    /// Writes one batch in one transaction; returns each write's outcome, in order.
    private func run(_ writes: [StoreWrite]) -> [Outcome] {
        let head = state.withLock { $0.statistics.headPosition }
        var outcomes: [Outcome] = []
        var bounds = EventLogSQL.Bounds(oldest: head + 1, head: head)
        do {
            try runtimeRows.withLock { rows in
                do {
                    try database.writeWithoutTransaction { db in
                        try db.inTransaction(.immediate) {
                            outcomes = []
                            var next = head
                            let time = Timestamp.now()
                            for write in writes {
                                outcomes.append(try Self.apply(write, db, head: &next, at: time, rows: &rows))
                            }
                            bounds = try EventLogSQL.compact(db, head: next, retention: retention)
                            return .commit
                        }
                    }
                } catch {
                    rows.forgetAll()
                    throw error
                }
            }
        } catch {
            return failBatch(writes.count, error)
        }
        let failed = outcomes.filter { if case .failure = $0 { true } else { false } }.count
        state.withLock { state in
            state.statistics.commitBatches += 1
            state.statistics.fsyncs += 1
            state.statistics.committedWrites += UInt64(writes.count - failed)
            state.statistics.failedWrites += UInt64(failed)
            state.statistics.lastBatchSize = writes.count
            state.statistics.maxBatchSize = max(state.statistics.maxBatchSize, writes.count)
            Self.record(bounds, in: &state.statistics)
        }
        logger?.debug(
            "group commit",
            metadata: [
                "warren.batch_size": "\(writes.count)", "warren.failed": "\(failed)", "warren.head": "\(bounds.head)",
            ]
        )
        return outcomes
    }

    /// One write; a write that can be refused runs in its own savepoint, so its refusal fails it alone.
    /// Anything else aborts the batch.
    private static func apply(
        _ write: StoreWrite,
        _ db: Database,
        head: inout UInt64,
        at time: Timestamp,
        rows: inout RuntimeRowCache
    ) throws -> Outcome {
        var envelopes: [RuntimeEventEnvelope] = []
        if write.canBeRefused {
            do {
                try db.inSavepoint {
                    envelopes = try write.apply(db, after: head, at: time, rows: &rows)
                    return .commit
                }
            } catch let rejection as WriteRejection {
                if let runtimeID = write.runtimeID { rows.forget(runtimeID) }
                return .failure(.writeFailed(rejection.message))
            }
        } else {
            envelopes = try write.apply(db, after: head, at: time, rows: &rows)
        }
        head += UInt64(envelopes.count)
        return .success(envelopes)
    }

    /// Fails every write of a batch whose transaction did not commit, and rereads the log's bounds
    /// from the file (a failed COMMIT must not leave a guessed head behind).
    private func failBatch(_ count: Int, _ error: any Error) -> [Outcome] {
        let reloaded = try? database.read { db in try EventLogSQL.bounds(db) }
        state.withLock { state in
            state.statistics.failedWrites += UInt64(count)
            if let reloaded { Self.record(reloaded, in: &state.statistics) }
        }
        logger?.error("group commit failed", metadata: ["warren.batch_size": "\(count)", "warren.error": "\(error)"])
        let failure = RuntimeStoreError.writeFailed("transaction of \(count) write(s) rolled back: \(error)")
        return Array(repeating: .failure(failure), count: count)
    }

    private static func record(_ bounds: EventLogSQL.Bounds, in statistics: inout RuntimeStoreStatistics) {
        statistics.headPosition = bounds.head
        statistics.oldestPosition = bounds.oldest
        statistics.retainedEvents = bounds.retained
    }
}
