/// Where a run's primitive applied.
public enum RunBoundary: String, Hashable, Sendable, CaseIterable, StoredByName {
    case immediate, runStart, runCheckpoint
}

/// Durable proof that a run applied and its effects committed (persistence-spec §3.1).
public struct RunBoundaryReceipt: Hashable, Sendable, Codable {
    /// The run it belongs to.
    public var runID: RunID
    /// Where the primitive applied.
    public var boundary: RunBoundary
    /// The batch, in order; must equal the run's inputs.
    public var contributingInputIDs: [InputID]
    /// SHA-256 of the session's messages, when a snapshot was committed.
    public var conversationDigest: String?
    /// The snapshot's message count.
    public var messageCount: UInt64
    /// Per-(runtime, run) sequence from 0.
    public var sequence: UInt64

    /// Creates a receipt.
    public init(
        runID: RunID,
        boundary: RunBoundary,
        contributingInputIDs: [InputID],
        conversationDigest: String? = nil,
        messageCount: UInt64 = 0,
        sequence: UInt64 = 0
    ) {
        self.runID = runID
        self.boundary = boundary
        self.contributingInputIDs = contributingInputIDs
        self.conversationDigest = conversationDigest
        self.messageCount = messageCount
        self.sequence = sequence
    }
}
