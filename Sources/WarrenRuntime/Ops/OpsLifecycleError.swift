/// Why an ops lifecycle registry call was refused.
public enum OpsLifecycleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The registry does not know the operation (never registered, evicted or collected).
    case notFound(OperationID)
    /// The id is already in the registry, live or retained as terminal.
    case alreadyRegistered(OperationID)
    /// Registering would exceed the configured number of non-terminal operations.
    case maxConcurrentExceeded(limit: Int, active: Int)
    /// The operation's status does not allow the action.
    case invalidTransition(id: OperationID, status: OperationStatus, action: OperationAction)
    /// `peerReady` on an operation whose kind has no peer channel.
    case peerNotExpected(OperationID)
    /// `peerReady` a second time.
    case alreadyPeerReady(OperationID)
    /// `waitAll` while another `waitAll` is pending.
    case waitAlreadyActive
    /// `waitAll` named the same operation twice.
    case duplicateWaitOperation(OperationID)
    /// The task awaiting `waitAll` was cancelled; the wait was withdrawn.
    case waitCancelled

    /// The message, worded as the reference words it.
    public var description: String {
        switch self {
        case .notFound(let id): "operation not found: \(id)"
        case .alreadyRegistered(let id): "operation already registered: \(id)"
        case .maxConcurrentExceeded(let limit, let active):
            "max concurrent operations exceeded (limit: \(limit), active: \(active))"
        case .invalidTransition(let id, let status, let action):
            "invalid lifecycle transition for \(id): \(status.rawValue) -> \(action.rawValue)"
        case .peerNotExpected(let id): "operation does not expect a peer handoff: \(id)"
        case .alreadyPeerReady(let id): "operation is already peer-ready: \(id)"
        case .waitAlreadyActive: "wait_all already active"
        case .duplicateWaitOperation(let id): "wait_all contains duplicate operation id: \(id)"
        case .waitCancelled: "wait_all cancelled by its waiting task"
        }
    }
}
