/// Phases of the comms drain lifecycle (adapter-spec §8.1).
public enum CommsDrainPhase: String, Hashable, Sendable, StoredByName {
    case inactive, starting, running, exitedRespawnable, stopped
}

/// Why a drain runs.
public enum CommsDrainMode: String, Hashable, Sendable, StoredByName {
    /// Live ingress while the session is attached, running or recovering.
    case attachedSession
    /// A long-lived host drain for an idle keep-alive session.
    case persistentHost
}

/// Why a drain task ended.
public enum DrainExitReason: String, Hashable, Sendable, StoredByName {
    case dismissed, failed, aborted, sessionShutdown
}

extension CommsDrainPhase: CaseIterable, CustomStringConvertible {
    /// Starting and Running: a drain task is (about to be) alive, so the mode is set.
    public var isActive: Bool { self == .starting || self == .running }

    /// The reference's display name, used in transition errors.
    public var description: String {
        switch self {
        case .inactive: "Inactive"
        case .starting: "Starting"
        case .running: "Running"
        case .exitedRespawnable: "ExitedRespawnable"
        case .stopped: "Stopped"
        }
    }
}

extension CommsDrainMode: CaseIterable, CustomStringConvertible {
    /// The reference's display name.
    public var description: String {
        switch self {
        case .attachedSession: "AttachedSession"
        case .persistentHost: "PersistentHost"
        }
    }
}

extension DrainExitReason: CaseIterable, CustomStringConvertible {
    /// The reference's display name.
    public var description: String {
        switch self {
        case .dismissed: "Dismissed"
        case .failed: "Failed"
        case .aborted: "Aborted"
        case .sessionShutdown: "SessionShutdown"
        }
    }
}

/// Inputs of the ``CommsDrainLifecycle`` state machine (adapter-spec §8.1).
public enum CommsDrainInput: Hashable, Sendable, CustomStringConvertible {
    /// The adapter wants a drain of this mode running.
    case ensureRunning(CommsDrainMode)
    /// The shell spawned the task the last `ensureRunning` asked for.
    case taskSpawned
    /// The drain task ended on its own (or the wait safety net saw it end).
    case taskExited(DrainExitReason)
    /// The adapter wants the drain stopped (abort).
    case stopRequested
    /// An abort was observed from outside (never fed by the runtime; kept for table parity).
    case abortObserved

    /// The input's name without its payload, as the reference reports it in errors.
    public var description: String {
        switch self {
        case .ensureRunning: "EnsureRunning"
        case .taskSpawned: "TaskSpawned"
        case .taskExited: "TaskExited"
        case .stopRequested: "StopRequested"
        case .abortObserved: "AbortObserved"
        }
    }
}

/// What the shell must do after a ``CommsDrainLifecycle`` transition.
public enum CommsDrainEffect: Hashable, Sendable {
    /// Spawn a drain task of this mode and record its handle.
    case spawnDrainTask(CommsDrainMode)
    /// Cancel the recorded drain task and drop its handle.
    case abortDrainTask
}

/// An input the ``CommsDrainLifecycle`` table does not allow in the current phase; nothing changed.
public struct CommsDrainTransitionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The phase the machine was (and still is) in.
    public let from: CommsDrainPhase
    /// The refused input.
    public let input: CommsDrainInput

    /// Creates the error.
    public init(from: CommsDrainPhase, input: CommsDrainInput) {
        self.from = from
        self.input = input
    }

    /// The reference's message: "illegal comms drain lifecycle transition: <input> in phase <phase>".
    public var description: String { "illegal comms drain lifecycle transition: \(input) in phase \(from)" }
}
