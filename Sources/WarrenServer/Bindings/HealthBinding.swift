import WarrenProto
import WarrenRPC
import WarrenRuntime

/// Health: liveness per service and the server's counters.
struct HealthBinding: HealthServiceProtocol {
    let server: WarrenServer

    /// The services `Check` answers for by name.
    static let serviceNames: Set<String> = [
        "warren.v1.RuntimeControlPlane", "warren.v1.SessionServiceRuntimeExt", "warren.v1.RuntimeSessionAdapter",
        "warren.v1.RuntimeEvents", "warren.v1.Executor", "warren.v1.Comms", "warren.v1.Health",
    ]

    func check(_ request: HealthCheckRequest, context: ServerCallContext) async throws -> HealthCheckResponse {
        guard request.service.isEmpty || Self.serviceNames.contains(request.service) else {
            return HealthCheckResponse(status: .serviceUnknown)
        }
        let draining = self.server.rpcStatistics?.isDraining ?? false
        return HealthCheckResponse(status: draining ? .draining : .serving)
    }

    func serverInfo(_ request: ServerInfoRequest, context: ServerCallContext) async throws -> ServerInfoResponse {
        let transport = self.server.rpcStatistics
        let adapter = self.server.adapter
        // One snapshot of the registry, so `sessions` and `sessions_with_executor` count the same sessions.
        let sessions = adapter.sessionIDs
        var sessionsWithExecutor: UInt64 = 0
        for session in sessions where await adapter.sessionHasExecutor(session) { sessionsWithExecutor += 1 }
        return ServerInfoResponse(
            serverVersion: self.server.version,
            protocolVersion: 1,
            startedAtUnixNanos: self.server.counters.startedAtUnixNanos,
            uptimeMs: self.server.counters.uptimeMilliseconds,
            openConnections: UInt64(transport?.openConnections ?? 0),
            openStreams: UInt64(transport?.openStreams ?? 0),
            totalCalls: UInt64(transport?.totalCalls ?? 0),
            failedCalls: UInt64(transport?.failedCalls ?? 0),
            sessions: UInt64(sessions.count),
            sessionsWithExecutor: sessionsWithExecutor,
            subscribers: UInt64(self.server.counters.subscribers),
            durableSubscribers: UInt64(self.server.durableSubscribers.count),
            attachedExecutors: UInt64(self.server.executors.count),
            store: self.storeInfo()
        )
    }

    private func storeInfo() -> StoreInfo {
        let statistics = self.server.adapter.store.statistics
        return StoreInfo(
            backend: self.server.storage.backend,
            location: statistics.location,
            commitBatches: statistics.commitBatches,
            committedWrites: statistics.committedWrites,
            maxBatchSize: UInt64(statistics.maxBatchSize),
            fsyncs: statistics.fsyncs,
            retainedEvents: statistics.retainedEvents,
            oldestPosition: statistics.oldestPosition,
            headPosition: statistics.headPosition
        )
    }
}
