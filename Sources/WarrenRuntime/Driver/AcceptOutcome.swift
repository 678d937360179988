/// The result of admitting an input (input-spec §3.1).
public enum AcceptOutcome: Hashable, Sendable {
    /// Admitted: its policy and its ledger state after admission (queued, or consumed on accept).
    case accepted(inputID: InputID, policy: PolicyDecision, state: InputState)
    /// An input with the same idempotency key exists; nothing was recorded for the new one.
    case deduplicated(inputID: InputID, existingID: InputID)
    /// Refused by validation; nothing was recorded.
    case rejected(RejectReason)
}

/// Why an admission was rejected.
public enum RejectReason: Hashable, Sendable, CustomStringConvertible {
    /// The runtime does not accept input in its state (surfaces turn the NotReady error into this).
    case notReady(state: RuntimeState)
    /// The durability rules refuse this input.
    case durabilityViolation(detail: String)
    /// A handling hint on a progress response.
    case peerHandlingModeInvalid(detail: String)

    public var description: String {
        switch self {
        case .notReady(let state): "runtime not accepting input while in state: \(state.rawValue)"
        case .durabilityViolation(let detail), .peerHandlingModeInvalid(let detail): detail
        }
    }
}
