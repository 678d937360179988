/// The ingress classification of an interaction, computed once by the comms service
/// (meerkat-core `PeerInputClass`); the drain routes on it and never re-classifies.
public enum PeerInputClass: String, Hashable, Sendable, CaseIterable {
    /// An acknowledgement envelope (filtered at ingress; the drain skips it).
    case ack
    /// A peer message for the runtime.
    case actionableMessage = "actionable_message"
    /// A peer request for the runtime.
    case actionableRequest = "actionable_request"
    /// A response to an earlier outbound request.
    case response
    /// A request whose intent is one of the session's silent intents.
    case silentRequest = "silent_request"
    /// A peer was added.
    case peerLifecycleAdded = "peer_lifecycle_added"
    /// A peer was retired.
    case peerLifecycleRetired = "peer_lifecycle_retired"
    /// A peer was unwired.
    case peerLifecycleUnwired = "peer_lifecycle_unwired"
    /// A member's kickoff failed.
    case peerLifecycleKickoffFailed = "peer_lifecycle_kickoff_failed"
    /// A member's kickoff was cancelled.
    case peerLifecycleKickoffCancelled = "peer_lifecycle_kickoff_cancelled"
    /// A plain (unauthenticated) event from an external source; it maps to an external event input.
    case plainEvent = "plain_event"

    /// Whether the class is actionable runtime ingress (the reference's `is_actionable`).
    public var isActionable: Bool {
        switch self {
        case .actionableMessage, .actionableRequest, .response, .plainEvent, .peerLifecycleKickoffFailed,
            .peerLifecycleKickoffCancelled:
            true
        case .ack, .silentRequest, .peerLifecycleAdded, .peerLifecycleRetired, .peerLifecycleUnwired:
            false
        }
    }
}
