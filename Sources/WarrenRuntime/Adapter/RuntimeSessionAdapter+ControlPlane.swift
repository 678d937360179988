/// The runtime-keyed control plane (adapter-spec §7). Errors stay typed.
extension RuntimeSessionAdapter: RuntimeControlPlane {
    public func ingest(_ runtimeID: RuntimeID, _ input: Input) async throws(RuntimeControlPlaneError) -> AcceptOutcome {
        try await controlPlane(runtimeID) { (runtime) throws(RuntimeDriverError) in try await runtime.accept(input) }
    }

    public func publishEvent(
        _ runtimeID: RuntimeID,
        code: String,
        payload: [UInt8],
        contentType: String = "application/octet-stream",
        attributes: [String: String] = [:],
        correlationID: String? = nil
    ) async throws(RuntimeControlPlaneError) -> RuntimeEventEnvelope {
        let event = PendingEvent(
            .published(code: code, payload: payload, contentType: contentType, attributes: attributes),
            correlationID: correlationID
        )
        let envelopes = try await controlPlane(runtimeID) { (runtime) throws(RuntimeDriverError) in
            try await runtime.publish([event])
        }
        guard let envelope = envelopes.first else { throw .driver(.internal("the published event was not committed")) }
        return envelope
    }

    public func retire(_ runtimeID: RuntimeID) async throws(RuntimeControlPlaneError) -> RetireReport {
        try await controlPlane(runtimeID) { (runtime) throws(RuntimeDriverError) in try await runtime.retire() }
    }

    public func recycle(_ runtimeID: RuntimeID) async throws(RuntimeControlPlaneError) -> RecycleReport {
        try await controlPlane(runtimeID) { (runtime) throws(RuntimeDriverError) in try await runtime.recycle() }
    }

    public func reset(_ runtimeID: RuntimeID) async throws(RuntimeControlPlaneError) -> ResetReport {
        try await controlPlane(runtimeID) { (runtime) throws(RuntimeDriverError) in try await runtime.reset() }
    }

    public func recover(_ runtimeID: RuntimeID) async throws(RuntimeControlPlaneError) -> RecoveryReport {
        try await controlPlane(runtimeID) { (runtime) throws(RuntimeDriverError) in try await runtime.recover() }
    }

    public func destroy(_ runtimeID: RuntimeID) async throws(RuntimeControlPlaneError) -> DestroyReport {
        try await controlPlane(runtimeID) { (runtime) throws(RuntimeDriverError) in try await runtime.destroy() }
    }

    public func runtimeState(_ runtimeID: RuntimeID) async throws(RuntimeControlPlaneError) -> RuntimeState {
        try await runtime(forRuntimeID: runtimeID).state
    }

    public func loadBoundaryReceipt(_ runtimeID: RuntimeID, runID: RunID, sequence: UInt64)
        async throws(RuntimeControlPlaneError)
        -> RunBoundaryReceipt?
    {
        do {
            return try await store.loadBoundaryReceipt(runtimeID, runID: runID, sequence: sequence)
        } catch {
            throw .storeError(error.description)
        }
    }

    /// Runs a driver operation for a runtime id, mapping its errors: a run in flight is `invalidState`.
    private func controlPlane<T: Sendable>(
        _ runtimeID: RuntimeID,
        _ operation: (SessionRuntime) async throws(RuntimeDriverError) -> T
    ) async throws(RuntimeControlPlaneError) -> T {
        let runtime = try runtime(forRuntimeID: runtimeID)
        do {
            return try await operation(runtime)
        } catch .notReady(let state) where state == .running {
            throw .invalidState(.running)
        } catch {
            throw .driver(error)
        }
    }
}

/// The runtime-keyed control plane of the reference's `RuntimeControlPlane`.
public protocol RuntimeControlPlane: Sendable {
    /// Admits an input.
    func ingest(_ runtimeID: RuntimeID, _ input: Input) async throws(RuntimeControlPlaneError) -> AcceptOutcome
    /// Publishes an event on the runtime's stream; returns its committed envelope (position, sequence, id).
    func publishEvent(
        _ runtimeID: RuntimeID,
        code: String,
        payload: [UInt8],
        contentType: String,
        attributes: [String: String],
        correlationID: String?
    ) async throws(RuntimeControlPlaneError) -> RuntimeEventEnvelope
    /// Retires the runtime.
    func retire(_ runtimeID: RuntimeID) async throws(RuntimeControlPlaneError) -> RetireReport
    /// Recycles the runtime, keeping queued work.
    func recycle(_ runtimeID: RuntimeID) async throws(RuntimeControlPlaneError) -> RecycleReport
    /// Resets the runtime.
    func reset(_ runtimeID: RuntimeID) async throws(RuntimeControlPlaneError) -> ResetReport
    /// Recovers the runtime in place.
    func recover(_ runtimeID: RuntimeID) async throws(RuntimeControlPlaneError) -> RecoveryReport
    /// Destroys the runtime.
    func destroy(_ runtimeID: RuntimeID) async throws(RuntimeControlPlaneError) -> DestroyReport
    /// The runtime's state.
    func runtimeState(_ runtimeID: RuntimeID) async throws(RuntimeControlPlaneError) -> RuntimeState
    /// A committed receipt, exactly as stored.
    func loadBoundaryReceipt(_ runtimeID: RuntimeID, runID: RunID, sequence: UInt64)
        async throws(RuntimeControlPlaneError)
        -> RunBoundaryReceipt?
}
