import WarrenProto
import WarrenRPC
import WarrenRuntime

/// RuntimeControlPlane: runtime-keyed ingest, lifecycle, state and receipts.
struct RuntimeControlPlaneBinding: RuntimeControlPlaneServiceProtocol {
    let server: WarrenServer

    private var adapter: RuntimeSessionAdapter { self.server.adapter }

    func ingest(_ request: IngestRequest, context: ServerCallContext) async throws -> IngestResponse {
        let runtime = try RuntimeID(wire: request.runtimeID, field: "runtime_id")
        let input = try ClientInput.read(request.input, field: "input")
        let outcome = try await domainCall { try await self.adapter.ingest(runtime, input) }
        return IngestResponse(outcome: WarrenProto.AcceptOutcome(outcome))
    }

    func publishEvent(_ request: PublishEventRequest, context: ServerCallContext) async throws -> PublishEventResponse {
        let envelope = try requireWire(request.envelope, "envelope")
        let runtime = try RuntimeID(wire: envelope.runtimeID, field: "envelope.runtime_id")
        guard case .published(let event) = envelope.event?.event else {
            throw RPCError(.invalidArgument, "envelope.event: only a `published` event can be published")
        }
        let committed = try await domainCall {
            try await self.adapter.publishEvent(
                runtime,
                code: event.code,
                payload: event.payload,
                contentType: event.contentType.isEmpty ? "application/octet-stream" : event.contentType,
                attributes: event.attributes,
                correlationID: envelope.correlationID.isEmpty ? nil : envelope.correlationID
            )
        }
        return PublishEventResponse(
            position: committed.position,
            sequence: committed.sequence,
            eventID: committed.eventID.rawValue
        )
    }

    func retire(_ request: RetireRequest, context: ServerCallContext) async throws -> RetireResponse {
        let runtime = try RuntimeID(wire: request.runtimeID, field: "runtime_id")
        let report = try await domainCall { try await self.adapter.retire(runtime) }
        return RetireResponse(report: WarrenProto.RetireReport(report))
    }

    func recycle(_ request: RecycleRequest, context: ServerCallContext) async throws -> RecycleResponse {
        let runtime = try RuntimeID(wire: request.runtimeID, field: "runtime_id")
        let report = try await domainCall { try await self.adapter.recycle(runtime) }
        return RecycleResponse(report: WarrenProto.RecycleReport(report))
    }

    func reset(_ request: ResetRequest, context: ServerCallContext) async throws -> ResetResponse {
        let runtime = try RuntimeID(wire: request.runtimeID, field: "runtime_id")
        let report = try await domainCall { try await self.adapter.reset(runtime) }
        return ResetResponse(report: WarrenProto.ResetReport(report))
    }

    func recover(_ request: RecoverRequest, context: ServerCallContext) async throws -> RecoverResponse {
        let runtime = try RuntimeID(wire: request.runtimeID, field: "runtime_id")
        let report = try await domainCall { try await self.adapter.recover(runtime) }
        return RecoverResponse(report: WarrenProto.RecoveryReport(report))
    }

    func destroy(_ request: DestroyRequest, context: ServerCallContext) async throws -> DestroyResponse {
        let runtime = try RuntimeID(wire: request.runtimeID, field: "runtime_id")
        let report = try await domainCall { try await self.adapter.destroy(runtime) }
        return DestroyResponse(report: WarrenProto.DestroyReport(report))
    }

    func runtimeState(
        _ request: ControlPlaneRuntimeStateRequest,
        context: ServerCallContext
    ) async throws -> ControlPlaneRuntimeStateResponse {
        let runtime = try RuntimeID(wire: request.runtimeID, field: "runtime_id")
        let state = try await domainCall { try await self.adapter.runtimeState(runtime) }
        var run: RunID?
        if let session = runtime.sessionID {
            run = try await domainCall { try await self.adapter.currentRunID(session) }
        }
        return ControlPlaneRuntimeStateResponse(state: WarrenProto.RuntimeState(state), currentRunID: run.wireID())
    }

    func loadBoundaryReceipt(
        _ request: LoadBoundaryReceiptRequest,
        context: ServerCallContext
    ) async throws -> LoadBoundaryReceiptResponse {
        let runtime = try RuntimeID(wire: request.runtimeID, field: "runtime_id")
        let run = try RunID(wire: request.runID, field: "run_id")
        // No registration check: receipts stay loadable after UnregisterSession, as in process (D91).
        let receipt = try await domainCall {
            try await self.adapter.loadBoundaryReceipt(runtime, runID: run, sequence: request.sequence)
        }
        return LoadBoundaryReceiptResponse(
            found: receipt != nil,
            receipt: receipt.map(WarrenProto.RunBoundaryReceipt.init)
        )
    }
}
