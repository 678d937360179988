import Synchronization

/// Peer ingress and the comms drain of each session (adapter-spec §5.13, §8).
extension RuntimeSessionAdapter: CommsDrainHost {
    /// Whether the session has a peer inbox.
    public func sessionHasComms(_ id: SessionID) -> Bool { entry(id)?.inbox != nil }

    /// Stores the session's keep-alive flag and peer inbox (nil clears it), then reconciles its drain;
    /// returns whether this call spawned a drain. False for an unknown session, which stores nothing.
    @discardableResult
    public func updatePeerIngressContext(_ id: SessionID, keepAlive: Bool, inbox: (any PeerInbox)?) async -> Bool {
        let known = sessions.withLock { sessions -> Bool in
            guard sessions[id] != nil else { return false }
            sessions[id]?.keepAlive = keepAlive
            sessions[id]?.inbox = inbox
            return true
        }
        guard known else { return false }
        return await reconcilePeerIngress(id)
    }

    /// Told by a drain that it ended on its own; reconciles unless the peer dismissed it (Q5).
    public func notifyCommsDrainExited(_ id: SessionID, reason: DrainExitReason) async {
        if commsDrains.notifyExited(id, reason: reason) { _ = await reconcilePeerIngress(id) }
    }

    /// Aborts every session's drain; the slots stay, stopped, and the ingress context is kept.
    public func abortCommsDrains() { commsDrains.abortAll() }

    /// Aborts one session's drain, if it has one.
    public func abortCommsDrain(_ id: SessionID) { commsDrains.abort(id) }

    /// Waits until the session's drain task has ended (in practice: a DISMISS or an abort).
    public func waitCommsDrain(_ id: SessionID) async { await commsDrains.wait(id) }

    /// The drain phase of a session, for observers and tests.
    public func commsDrainPhase(_ id: SessionID) -> CommsDrainPhase? { commsDrains.phase(of: id) }

    /// Drives the session's drain toward the mode its state and context call for (§8.3).
    func reconcilePeerIngress(_ id: SessionID) async -> Bool {
        guard let entry = entry(id) else { return false }
        let state = await entry.runtime.state
        let desired = entry.inbox.flatMap { _ in
            desiredPeerIngressMode(runtimeState: state, commsEnabled: true, keepAlive: entry.keepAlive)
        }
        let spawned = commsDrains.reconcile(sessionID: id, desired: desired) { _ in
            CommsDrainTask(sessionID: id, host: self, inbox: entry.inbox!).spawn()
        }
        if !containsSession(id) {  // unregistered meanwhile: leave no slot behind (Q6)
            commsDrains.remove(id)
            return false
        }
        return spawned
    }

    /// Publishes a drain phase change on the session's event stream.
    func publishDrainChange(
        _ id: SessionID,
        from: CommsDrainPhase,
        to: CommsDrainPhase,
        mode: CommsDrainMode?,
        reason: DrainExitReason?
    ) {
        guard let runtime = entry(id)?.runtime else { return }
        let event = PendingEvent(.commsDrainChanged(from: from, to: to, mode: mode, exitReason: reason))
        // The slots report phase changes synchronously under their lock; the commit must happen on the
        // session's actor, so it is handed over here.
        Task { try? await runtime.publish([event]) }
    }
}

/// What a session surface needs to build a session on the adapter's runtime (adapter-spec §5.12).
public struct SessionRuntimeBindings: Sendable {
    /// The session these bindings are for: an identity witness for the caller.
    public let sessionID: SessionID
    /// The entry's epoch: stable across calls, distinct between sessions.
    public let epochID: EpochID
    /// The entry's ops lifecycle registry (the same instance on every call).
    public let opsLifecycle: OpsLifecycleRegistry
}

/// Why bindings could not be prepared.
public enum RuntimeBindingsError: Error, Hashable, Sendable {
    /// The session could not be registered, or was unregistered concurrently.
    case sessionNotFound(SessionID)
}

extension RuntimeSessionAdapter {
    /// Registers the session if needed and returns its bindings; the session stays without an executor.
    public func prepareBindings(_ id: SessionID) async throws(RuntimeBindingsError) -> SessionRuntimeBindings {
        _ = try? await registerSession(id)
        guard let entry = entry(id) else { throw .sessionNotFound(id) }
        return SessionRuntimeBindings(sessionID: id, epochID: entry.ops.epochID, opsLifecycle: entry.ops)
    }

    /// The session's ops lifecycle registry, if it is registered.
    public func opsLifecycleRegistry(_ id: SessionID) -> OpsLifecycleRegistry? { entry(id)?.ops }
}
