/// Feed entries past a cursor, with the watermark read in the same critical section.
public struct CompletionBatch: Hashable, Sendable {
    /// Entries with `seq` greater than the requested cursor, oldest first.
    public var entries: [CompletionEntry]
    /// The highest sequence written when the entries were read; no entry can land between the two reads.
    public var watermark: UInt64

    /// Creates a batch.
    public init(entries: [CompletionEntry], watermark: UInt64) {
        self.entries = entries
        self.watermark = watermark
    }
}
