/// Errors of the session-keyed surface and the driver (adapter-spec §7).
public enum RuntimeDriverError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The runtime is not in a state that allows this (`Destroyed` for an unknown session).
    case notReady(state: RuntimeState)
    /// The request is invalid for this call (for example a rejected admission with completion).
    case validationFailed(reason: String)
    /// The runtime is destroyed.
    case destroyed
    /// A store failure or an illegal internal transition.
    case `internal`(String)

    public var description: String {
        switch self {
        case .notReady(let state): "Runtime not ready: \(state.rawValue)"
        case .validationFailed(let reason): "Input validation failed: \(reason)"
        case .destroyed: "Runtime destroyed"
        case .internal(let message): "Internal error: \(message)"
        }
    }
}

/// Errors of the runtime-keyed control plane; typed, never collapsed to strings (runtime-spec §2.1).
public enum RuntimeControlPlaneError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No registered runtime has this id.
    case notFound(RuntimeID)
    /// The runtime's state forbids the operation (for example reset while running).
    case invalidState(RuntimeState)
    /// The store failed.
    case storeError(String)
    /// A driver error, kept typed.
    case driver(RuntimeDriverError)

    public var description: String {
        switch self {
        case .notFound(let id): "Runtime not found: \(id)"
        case .invalidState(let state): "Invalid state for operation: \(state.rawValue)"
        case .storeError(let message): "Store error: \(message)"
        case .driver(let error): error.description
        }
    }
}
