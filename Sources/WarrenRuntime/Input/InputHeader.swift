/// The fields every input variant carries (input-spec §1.2).
public struct InputHeader: Hashable, Sendable, Codable {
    /// Unique id, also the ledger key.
    public var id: InputID
    /// Creation time.
    public var timestamp: Timestamp
    /// Where the input came from; durability validation checks it.
    public var source: InputOrigin
    /// Whether the input must be durable before the ack.
    public var durability: InputDurability
    /// Transcript and operator visibility (carried, never read by admission).
    public var visibility: InputVisibility
    /// Deduplication key: a second input with the same key is `deduplicated` (input-spec §3.3).
    public var idempotencyKey: String?
    /// Supersession/coalescing scope key (input-spec §5).
    public var supersessionKey: String?
    /// Tracing id; Warren copies it into the events the input causes.
    public var correlationID: String?

    /// Creates a header; by default a new id, now, operator origin, durable, fully visible.
    public init(
        id: InputID = .make(),
        timestamp: Timestamp = .now(),
        source: InputOrigin = .operator,
        durability: InputDurability = .durable,
        visibility: InputVisibility = .init(),
        idempotencyKey: String? = nil,
        supersessionKey: String? = nil,
        correlationID: String? = nil
    ) {
        self.id = id
        self.timestamp = timestamp
        self.source = source
        self.durability = durability
        self.visibility = visibility
        self.idempotencyKey = idempotencyKey
        self.supersessionKey = supersessionKey
        self.correlationID = correlationID
    }
}

/// Where an input came from.
public enum InputOrigin: Hashable, Sendable, Codable {
    /// A person or tool driving the runtime directly.
    case `operator`
    /// Another agent, optionally naming its runtime.
    case peer(peerID: String, runtimeID: RuntimeID?)
    /// A step of a flow.
    case flow(flowID: String, stepIndex: UInt64)
    /// The runtime itself (continuations, background completions).
    case system
    /// An external event source.
    case external(sourceName: String)
}

/// How durable an input must be.
public enum InputDurability: String, Hashable, Sendable, CaseIterable, StoredByName {
    /// Persisted before the ack.
    case durable
    /// Kept in memory only; dropped on restart.
    case ephemeral
    /// Rebuildable; only system and flow origins may submit it (input-spec §7.1).
    case derived
}

/// Who may see an input.
public struct InputVisibility: Hashable, Sendable, Codable {
    /// The input may appear in the transcript.
    public var transcriptEligible: Bool
    /// The input may be shown to operators.
    public var operatorEligible: Bool

    /// Creates a visibility; both flags default to true.
    public init(transcriptEligible: Bool = true, operatorEligible: Bool = true) {
        self.transcriptEligible = transcriptEligible
        self.operatorEligible = operatorEligible
    }
}
