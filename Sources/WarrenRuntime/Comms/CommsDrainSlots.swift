import Synchronization

/// The adapter's per-session comms drain slots: a ``CommsDrainLifecycle`` plus the drain task's handle
/// (meerkat-runtime `comms_drain_slots`, adapter-spec §5.13 and §8.3–§8.4).
///
/// All transitions go through the lifecycle under one lock; task handles are spawned, stored and cancelled
/// under that lock too, so an abort can never miss a task that a concurrent reconcile just spawned.
/// The lock is never held across a suspension, and phase-change callbacks run after it is released.
///
/// Deliberate differences from v0.5.2:
/// - `wait` keeps the handle in the slot while it waits (Q4), so a later abort still cancels the task.
/// - A reconcile whose desired mode is nil never creates a slot (Q6).
/// - Every stored handle carries a token; the `wait` safety net fires only if the task it waited on is
///   still the slot's task, so it can never fail a newer drain spawned meanwhile.
/// - `notifyExited` tells the caller not to reconcile after a DISMISS (Q5).
public final class CommsDrainSlots: Sendable {
    /// Called after each transition: session, old phase, new phase, the mode after it, and the exit
    /// reason when the transition was a task exit.
    public typealias PhaseChangeHandler =
        @Sendable (SessionID, CommsDrainPhase, CommsDrainPhase, CommsDrainMode?, DrainExitReason?) -> Void

    private let state = Mutex<State>(State())
    private let onPhaseChange: PhaseChangeHandler?

    /// Creates an empty slot table; `onPhaseChange` lets the adapter publish `commsDrainChanged` events.
    public init(onPhaseChange: PhaseChangeHandler? = nil) {
        self.onPhaseChange = onPhaseChange
    }

    // MARK: Operations

    /// Drives the slot toward `desired` (adapter-spec §8.3 steps 4–8); returns whether this call spawned
    /// a drain task.
    ///
    /// `desired == nil` aborts an existing slot's drain and creates no slot. Otherwise the slot is created
    /// in `inactive` if missing and fed `ensureRunning(desired)`; if the drain already runs, that is
    /// rejected and nothing happens (the running drain keeps its mode). When a spawn is due, `spawn` is
    /// called under the slot lock and its task is recorded before the lock is released — so `spawn` must
    /// only create the task (as ``CommsDrainTask/spawn()`` does), never run its body synchronously.
    @discardableResult
    public func reconcile(
        sessionID: SessionID,
        desired: CommsDrainMode?,
        spawn: (CommsDrainMode) -> Task<Void, Never>
    ) -> Bool {
        var changes: [Change] = []
        let spawned = state.withLock { state -> Bool in
            guard let desired else {
                if var slot = state.slots[sessionID] {
                    Self.abort(&slot, sessionID, &changes)
                    state.slots[sessionID] = slot
                }
                return false
            }
            var slot = state.slots[sessionID] ?? Slot()
            defer { state.slots[sessionID] = slot }
            let effects: [CommsDrainEffect]
            do {
                effects = try Self.apply(.ensureRunning(desired), to: &slot, sessionID, &changes)
            } catch {
                return false  // Already starting or running: the existing task keeps running.
            }
            var didSpawn = false
            for effect in effects {
                switch effect {
                case .spawnDrainTask(let mode):
                    state.nextToken &+= 1
                    slot.task = spawn(mode)
                    slot.token = state.nextToken
                    didSpawn = true
                case .abortDrainTask:
                    slot.cancelTask()
                }
            }
            guard didSpawn else { return false }
            // The task exists now, so close the spawn at once (the reference's spawn obligation).
            _ = try? Self.apply(.taskSpawned, to: &slot, sessionID, &changes)
            return true
        }
        publish(changes)
        return spawned
    }

    /// Stops the session's drain, if it has a slot (the reference's `abort_slot`, §8.4): an active drain
    /// is cancelled and its slot goes to `stopped`; the slot itself is kept.
    public func abort(_ sessionID: SessionID) {
        var changes: [Change] = []
        state.withLock { state in
            guard var slot = state.slots[sessionID] else { return }
            Self.abort(&slot, sessionID, &changes)
            state.slots[sessionID] = slot
        }
        publish(changes)
    }

    /// Stops every drain; slots are kept, in `stopped` (the reference's `abort_comms_drains`).
    public func abortAll() {
        var changes: [Change] = []
        state.withLock { state in
            for sessionID in Array(state.slots.keys) {
                guard var slot = state.slots[sessionID] else { continue }
                Self.abort(&slot, sessionID, &changes)
                state.slots[sessionID] = slot
            }
        }
        publish(changes)
    }

    /// Stops the session's drain and forgets its slot entirely (used by unregister).
    public func remove(_ sessionID: SessionID) {
        var changes: [Change] = []
        state.withLock { state in
            guard var slot = state.slots.removeValue(forKey: sessionID) else { return }
            Self.abort(&slot, sessionID, &changes)
        }
        publish(changes)
    }

    /// Records that the session's drain task ended on its own (§5.13 `notify_comms_drain_exited`): the
    /// handle is dropped without cancelling (the caller is usually the task itself) and the lifecycle is
    /// fed `taskExited(reason)`; a rejection changes nothing.
    ///
    /// Returns whether the adapter should reconcile now. The reference always does; Warren does not after
    /// a DISMISS (Q5), because the executor stop it requested is asynchronous and a reconcile could see
    /// the session still attached and respawn a drain the peer just dismissed.
    @discardableResult
    public func notifyExited(_ sessionID: SessionID, reason: DrainExitReason) -> Bool {
        var changes: [Change] = []
        state.withLock { state in
            guard var slot = state.slots[sessionID] else { return }
            slot.task = nil
            slot.token = nil
            _ = try? Self.apply(.taskExited(reason), to: &slot, sessionID, &changes)
            state.slots[sessionID] = slot
        }
        publish(changes)
        return reason != .dismissed
    }

    /// Waits for the session's drain task to end (§5.13 `wait_comms_drain`); returns at once when there
    /// is no slot or no task. A healthy drain ends only on DISMISS or abort.
    ///
    /// The handle stays in the slot while waiting (Q4), so ``abort(_:)`` still cancels the task. Safety
    /// net: if the task ended without notifying and is still the slot's task in `running`, the lifecycle
    /// is fed `taskExited(.failed)`; this never reconciles or respawns.
    public func wait(_ sessionID: SessionID) async {
        let waited = state.withLock { state -> (token: UInt64, task: Task<Void, Never>)? in
            guard var slot = state.slots[sessionID], let task = slot.task, let token = slot.token else { return nil }
            slot.waiters += 1
            state.slots[sessionID] = slot
            return (token, task)
        }
        guard let waited else { return }
        await waited.task.value
        var changes: [Change] = []
        state.withLock { state in
            guard var slot = state.slots[sessionID] else { return }
            slot.waiters -= 1
            if slot.token == waited.token, slot.lifecycle.phase == .running {
                slot.task = nil
                slot.token = nil
                _ = try? Self.apply(.taskExited(.failed), to: &slot, sessionID, &changes)
            }
            state.slots[sessionID] = slot
        }
        publish(changes)
    }

    // MARK: Queries

    /// The session's drain phase, or nil when it has no slot.
    public func phase(of sessionID: SessionID) -> CommsDrainPhase? {
        state.withLock { $0.slots[sessionID]?.lifecycle.phase }
    }

    /// The mode of the session's last spawn, or nil.
    public func mode(of sessionID: SessionID) -> CommsDrainMode? {
        state.withLock { $0.slots[sessionID]?.lifecycle.mode }
    }

    /// Whether the session has a slot.
    public func contains(_ sessionID: SessionID) -> Bool {
        state.withLock { $0.slots[sessionID] != nil }
    }

    /// Whether the session's slot holds a drain task handle.
    public func hasTask(_ sessionID: SessionID) -> Bool {
        state.withLock { $0.slots[sessionID]?.task != nil }
    }

    /// How many ``wait(_:)`` calls are currently waiting on the session's drain (diagnostics and tests).
    public func waiterCount(of sessionID: SessionID) -> Int {
        state.withLock { $0.slots[sessionID]?.waiters ?? 0 }
    }

    // MARK: Internals

    private struct State {
        var slots: [SessionID: Slot] = [:]
        var nextToken: UInt64 = 0
    }

    private struct Slot {
        var lifecycle = CommsDrainLifecycle()
        var task: Task<Void, Never>?
        /// Identifies `task` among all tasks ever spawned, so late observers can tell it from a successor.
        var token: UInt64?
        var waiters = 0

        mutating func cancelTask() {
            task?.cancel()
            task = nil
            token = nil
        }
    }

    private struct Change {
        let sessionID: SessionID
        let from: CommsDrainPhase
        let to: CommsDrainPhase
        let mode: CommsDrainMode?
        let reason: DrainExitReason?
    }

    private static func apply(
        _ input: CommsDrainInput,
        to slot: inout Slot,
        _ sessionID: SessionID,
        _ changes: inout [Change]
    ) throws(CommsDrainTransitionError) -> [CommsDrainEffect] {
        let from = slot.lifecycle.phase
        let effects = try slot.lifecycle.apply(input)
        var reason: DrainExitReason?
        if case .taskExited(let exit) = input { reason = exit }
        changes.append(
            Change(
                sessionID: sessionID,
                from: from,
                to: slot.lifecycle.phase,
                mode: slot.lifecycle.mode,
                reason: reason
            )
        )
        return effects
    }

    /// `abort_slot`: feed StopRequested and cancel the task it names. A rejection (inactive, stopped) or
    /// ExitedRespawnable still cancels any leftover handle, so no task outlives an abort.
    private static func abort(_ slot: inout Slot, _ sessionID: SessionID, _ changes: inout [Change]) {
        _ = try? apply(.stopRequested, to: &slot, sessionID, &changes)
        slot.cancelTask()
    }

    private func publish(_ changes: [Change]) {
        guard let onPhaseChange else { return }
        for change in changes { onPhaseChange(change.sessionID, change.from, change.to, change.mode, change.reason) }
    }
}
