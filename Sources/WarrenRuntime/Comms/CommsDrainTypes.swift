/// Phases of the comms drain lifecycle (adapter-spec §8.1).
public enum CommsDrainPhase: Hashable, Sendable {
    case inactive, starting, running, exitedRespawnable, stopped
}

/// Why a drain runs.
public enum CommsDrainMode: Hashable, Sendable {
    /// Live ingress while the session is attached, running or recovering.
    case attachedSession
    /// A long-lived host drain for an idle keep-alive session.
    case persistentHost
}

/// Why a drain task ended.
public enum DrainExitReason: Hashable, Sendable {
    case dismissed, failed, aborted, sessionShutdown
}
