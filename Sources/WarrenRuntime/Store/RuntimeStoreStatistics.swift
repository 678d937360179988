/// Counters a store keeps about its writes and its event log, for ServerInfo and operators.
public struct RuntimeStoreStatistics: Sendable, Hashable {
    /// Write transactions that carried at least one write (one group-commit batch each).
    public var commitBatches: UInt64
    /// Writes (commits, ops snapshots, subscriber positions) that were acknowledged.
    public var committedWrites: UInt64
    /// Writes that failed (their callers got an error; nothing of them is stored).
    public var failedWrites: UInt64
    /// The largest number of writes that shared one transaction.
    public var maxBatchSize: Int
    /// The writes in the most recent batch.
    public var lastBatchSize: Int
    /// Durable syncs: one per committed write transaction with `synchronous=FULL`, zero in memory.
    public var fsyncs: UInt64
    /// Events currently kept in the log.
    public var retainedEvents: UInt64
    /// The oldest retained position (head + 1 when the log is empty).
    public var oldestPosition: UInt64
    /// The newest position written.
    public var headPosition: UInt64
    /// Where the store keeps its data: a file path, or "memory".
    public var location: String

    /// Creates statistics; every counter defaults to zero.
    public init(
        commitBatches: UInt64 = 0,
        committedWrites: UInt64 = 0,
        failedWrites: UInt64 = 0,
        maxBatchSize: Int = 0,
        lastBatchSize: Int = 0,
        fsyncs: UInt64 = 0,
        retainedEvents: UInt64 = 0,
        oldestPosition: UInt64 = 1,
        headPosition: UInt64 = 0,
        location: String = "memory"
    ) {
        self.commitBatches = commitBatches
        self.committedWrites = committedWrites
        self.failedWrites = failedWrites
        self.maxBatchSize = maxBatchSize
        self.lastBatchSize = lastBatchSize
        self.fsyncs = fsyncs
        self.retainedEvents = retainedEvents
        self.oldestPosition = oldestPosition
        self.headPosition = headPosition
        self.location = location
    }

    /// Writes per batch on average (0 before the first batch).
    public var meanBatchSize: Double {
        commitBatches == 0 ? 0 : Double(committedWrites) / Double(commitBatches)
    }
}
