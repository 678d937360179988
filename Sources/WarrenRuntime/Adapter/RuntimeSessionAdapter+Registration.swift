import Synchronization

/// Registration, executor attachment and unregistration (adapter-spec §5.2–§5.5).
extension RuntimeSessionAdapter {
    /// Registers a session (recovering it from the store when one is kept); true when this call created it.
    ///
    /// Idempotent: an existing session keeps its runtime, epoch and waiters.
    @discardableResult
    public func registerSession(_ id: SessionID) async throws(RuntimeDriverError) -> Bool {
        if entry(id) != nil { return false }
        let runtime = try await makeRuntime(id)
        let (ops, persistence) = await makeOpsRegistry(id)
        let inserted = sessions.withLock { sessions -> Bool in
            guard sessions[id] == nil else { return false }
            sessions[id] = SessionEntry(runtime: runtime, ops: ops, opsPersistence: persistence)
            return true
        }
        guard inserted else {
            persistence?.finish()
            return false
        }
        ops.onBackgroundCompletion = { [runtime] in
            // The hook runs synchronously inside the registry; the runtime is an actor.
            Task { await runtime.noteBackgroundCompletion() }
        }
        // Commit what creation or recovery produced (the normalised states and their events).
        try await runtime.perform { (_: inout RuntimeDriver) throws(RuntimeDriverError) in }
        return true
    }

    /// Builds a session's runtime: recovered from the store, or new.
    private func makeRuntime(_ id: SessionID) async throws(RuntimeDriverError) -> SessionRuntime {
        let runtimeID = id.runtimeID
        var driver = RuntimeDriver(runtimeID: runtimeID)
        if store.persistsState {
            do {
                let states = try await store.loadInputStates(runtimeID)
                let persisted = try await store.loadRuntimeState(runtimeID)
                var receipts: [String: RunBoundaryReceipt] = [:]
                for record in states where !record.state.isTerminal {
                    guard let run = record.lastRunID, let sequence = record.lastBoundarySequence else { continue }
                    receipts["\(run)#\(sequence)"] = try await store.loadBoundaryReceipt(
                        runtimeID,
                        runID: run,
                        sequence: sequence
                    )
                }
                if !states.isEmpty || persisted != nil {
                    driver = try RuntimeDriver.recovered(
                        runtimeID: runtimeID,
                        states: states,
                        persistedState: persisted
                    ) {
                        record in
                        guard let run = record.lastRunID, let sequence = record.lastBoundarySequence else { return nil }
                        return receipts["\(run)#\(sequence)"]
                    }.driver
                } else {
                    driver.emit(.runtimeCreated)
                }
            } catch let error as RuntimeStoreError {
                throw .internal("recovery of \(id) failed: \(error)")
            } catch let error as RuntimeDriverError {
                throw error
            } catch {
                throw .internal("recovery of \(id) failed: \(error)")
            }
        } else {
            driver.emit(.runtimeCreated)
        }
        return SessionRuntime(sessionID: id, store: store, blobs: blobs, bus: bus, driver: driver)
    }

    /// The session's ops registry: recovered from the store's snapshot (same epoch, cursors and
    /// completions) or new; with a store, every snapshot it reports is persisted, newest wins.
    private func makeOpsRegistry(_ id: SessionID) async
        -> (OpsLifecycleRegistry, AsyncStream<PersistedOpsSnapshot>.Continuation?)
    {
        guard store.persistsState else { return (OpsLifecycleRegistry(), nil) }
        let (snapshots, continuation) = AsyncStream<PersistedOpsSnapshot>.makeStream(
            bufferingPolicy: .bufferingNewest(1)
        )
        let store = self.store
        let runtimeID = id.runtimeID
        // The snapshot hook runs synchronously under the registry's lock, so one task per session turns
        // it into ordered store writes; only the newest unwritten snapshot is kept.
        Task {
            for await snapshot in snapshots { try? await store.persistOpsLifecycle(runtimeID, snapshot) }
        }
        let onSnapshot: @Sendable (PersistedOpsSnapshot) -> Void = { continuation.yield($0) }
        if let stored = try? await store.loadOpsLifecycle(runtimeID) {
            return (OpsLifecycleRegistry(recoveringFrom: stored, onSnapshot: onSnapshot), continuation)
        }
        return (OpsLifecycleRegistry(onSnapshot: onSnapshot), continuation)
    }

    /// Guarantees one live loop per session, registering it first if needed; queued work then drains.
    ///
    /// Unlike the reference, the outcome is reported: a second executor is refused, not silently dropped (Q3).
    @discardableResult
    public func ensureSessionWithExecutor(_ id: SessionID, executor: any Executor) async throws(RuntimeDriverError)
        -> EnsureExecutorOutcome
    {
        try await registerSession(id)
        let claimed = sessions.withLock { sessions -> SessionRuntime? in
            guard var entry = sessions[id], !entry.attaching else { return nil }
            entry.attaching = true
            sessions[id] = entry
            return entry.runtime
        }
        guard let runtime = claimed else { return .alreadyAttached }
        defer { sessions.withLock { $0[id]?.attaching = false } }
        guard try await runtime.attach(executor) else { return .alreadyAttached }
        if entry(id)?.runtime !== runtime {
            await runtime.endLoop()
            throw .notReady(state: .destroyed)
        }
        return .attached
    }

    /// Removes a session: its waiters end with "runtime session unregistered" and its loop winds down
    /// after the run in flight.
    @discardableResult
    public func unregisterSession(_ id: SessionID) async -> Bool {
        guard let removed = sessions.withLock({ $0.removeValue(forKey: id) }) else { return false }
        commsDrains.remove(id)
        removed.opsPersistence?.finish()
        await removed.runtime.unregistered()
        return true
    }

    /// Whether the session is registered, in any state.
    public func containsSession(_ id: SessionID) -> Bool { entry(id) != nil }

    /// Whether an executor is attached (or being attached) with a live loop.
    public func sessionHasExecutor(_ id: SessionID) async -> Bool {
        guard let entry = entry(id) else { return false }
        if entry.attaching { return true }
        return await entry.runtime.hasLiveLoop
    }

    /// The ids of every registered session.
    public var sessionIDs: [SessionID] { sessions.withLock { Array($0.keys) } }
}

/// What ``RuntimeSessionAdapter/ensureSessionWithExecutor(_:executor:)`` did.
public enum EnsureExecutorOutcome: Hashable, Sendable {
    /// This executor is now attached and its loop runs.
    case attached
    /// Another executor is attached or being attached; this one was not used.
    case alreadyAttached
}
