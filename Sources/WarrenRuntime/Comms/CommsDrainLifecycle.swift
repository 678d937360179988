// The comms drain authority (meerkat-core `CommsDrainLifecycleAuthority`, adapter-spec §8.1).
//
// States: a phase plus an optional mode.
//   inactive          — never started (mode nil)
//   starting          — a spawn was requested and not yet confirmed (mode set)
//   running           — the drain task is alive (mode set)
//   exitedRespawnable — a PersistentHost drain failed; EnsureRunning respawns it
//   stopped           — exited or aborted; NOT terminal, EnsureRunning respawns it
// Error classes: one only — `CommsDrainTransitionError{from, input}` for every (phase, input) pair the
// table does not list. A rejected input leaves phase and mode untouched; in particular EnsureRunning
// while starting/running is rejected (the drain already runs) and does not relabel the mode.

/// The comms drain lifecycle state machine: a pure value, so the slot owner serialises it under its lock.
public struct CommsDrainLifecycle: Hashable, Sendable {
    /// The current phase.
    public private(set) var phase: CommsDrainPhase = .inactive
    /// The mode of the last spawn; set in every active phase, nil only before the first spawn.
    public private(set) var mode: CommsDrainMode?

    /// A machine in `inactive` with no mode.
    public init() {}

    /// Applies one input and returns the effects the shell must carry out, or throws and changes nothing.
    @discardableResult
    public mutating func apply(_ input: CommsDrainInput) throws(CommsDrainTransitionError) -> [CommsDrainEffect] {
        switch (phase, input) {
        case (.inactive, .ensureRunning(let newMode)),
            (.exitedRespawnable, .ensureRunning(let newMode)),
            (.stopped, .ensureRunning(let newMode)):
            phase = .starting
            mode = newMode
            return [.spawnDrainTask(newMode)]
        case (.starting, .taskSpawned):
            phase = .running
            return []
        case (.starting, .taskExited(let reason)), (.running, .taskExited(let reason)):
            // Only a failed host drain may come back on its own; everything else needs a fresh EnsureRunning
            // from Stopped (which is equally legal — the labels differ, and StopRequested is legal only here).
            phase = reason == .failed && mode == .persistentHost ? .exitedRespawnable : .stopped
            return []
        case (.starting, .stopRequested), (.running, .stopRequested):
            phase = .stopped
            return [.abortDrainTask]
        case (.starting, .abortObserved), (.running, .abortObserved):
            phase = .stopped
            return []
        case (.exitedRespawnable, .stopRequested):
            // No task is alive, so there is nothing to abort.
            phase = .stopped
            return []
        default:
            throw CommsDrainTransitionError(from: phase, input: input)
        }
    }
}
