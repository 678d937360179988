/// How far the epoch's consumers have read the completion feed, by completion sequence.
///
/// Persisted values may lag the consumers; a stale cursor only re-surfaces notices after recovery, never loses one.
public struct OpsCursors: Hashable, Sendable, Codable {
    /// Highest sequence the agent applied at its LLM-call boundary.
    public var agentApplied: UInt64
    /// Highest sequence the runtime loop has read.
    public var runtimeObserved: UInt64
    /// Highest sequence the runtime loop injected as a continuation.
    public var runtimeLastInjected: UInt64

    /// Creates cursors; all zero for a fresh epoch.
    public init(agentApplied: UInt64 = 0, runtimeObserved: UInt64 = 0, runtimeLastInjected: UInt64 = 0) {
        self.agentApplied = agentApplied
        self.runtimeObserved = runtimeObserved
        self.runtimeLastInjected = runtimeLastInjected
    }

    private enum CodingKeys: String, CodingKey {
        case agentApplied = "agent_applied_cursor"
        case runtimeObserved = "runtime_observed_seq"
        case runtimeLastInjected = "runtime_last_injected_seq"
    }
}
