import Testing
import WarrenClient
import WarrenProto
import WarrenRPC

/// RuntimeControlPlane over real TCP (keyed by runtime id, which is the session id): every RPC's happy
/// path and its main error.
@Suite("RuntimeControlPlane end to end")
struct ControlPlaneTests {
    @Test("ingest runs through the session's executor; its receipt loads by run id and sequence, also after unregister")
    func ingestAndLoadReceipt() async throws {
        try await withLiveServer { server in
            let plane = server.client.controlPlane
            let runtime = try await Sessions.withEcho(server)
            let ingested = try await plane.ingest(IngestRequest(runtimeID: runtime, input: Wire.prompt("via plane")))
            let inputID = try #require(Wire.acceptedID(ingested.outcome))
            let done = try await server.client.adapter.awaitCompletion(
                AwaitCompletionRequest(sessionID: runtime, inputID: inputID)
            )
            let state = try #require(done.state)
            let sequence = try #require(state.lastBoundarySequence?.value)
            let receipt = try await plane.loadBoundaryReceipt(
                LoadBoundaryReceiptRequest(runtimeID: runtime, runID: state.lastRunID, sequence: sequence)
            )
            #expect(receipt.found)
            #expect(receipt.receipt?.runID == state.lastRunID)
            let missing = try await plane.loadBoundaryReceipt(
                LoadBoundaryReceiptRequest(runtimeID: runtime, runID: state.lastRunID, sequence: sequence + 100)
            )
            #expect(!missing.found)
            let current = try await plane.runtimeState(ControlPlaneRuntimeStateRequest(runtimeID: runtime))
            #expect(current.state != .unspecified)
            _ = try await server.client.adapter.unregisterSession(UnregisterSessionRequest(sessionID: runtime))
            let kept = try await plane.loadBoundaryReceipt(
                LoadBoundaryReceiptRequest(runtimeID: runtime, runID: state.lastRunID, sequence: sequence)
            )
            #expect(kept.receipt == receipt.receipt, "receipts outlive registration, as in process (D91)")
        }
    }

    @Test("recycle, reset, recover, retire and destroy each report, and destroy ends the runtime")
    func lifecycle() async throws {
        try await withLiveServer { server in
            let plane = server.client.controlPlane
            let runtime = try await Sessions.withEcho(server)
            #expect(try await plane.recycle(RecycleRequest(runtimeID: runtime)).report != nil)
            #expect(try await plane.reset(ResetRequest(runtimeID: runtime)).report != nil)
            #expect(try await plane.recover(RecoverRequest(runtimeID: runtime)).report != nil)
            #expect(try await plane.retire(RetireRequest(runtimeID: runtime)).report != nil)
            #expect(try await plane.destroy(DestroyRequest(runtimeID: runtime)).report != nil)
            let state = try await plane.runtimeState(ControlPlaneRuntimeStateRequest(runtimeID: runtime))
            #expect(state.state == .destroyed)
            try await Expect.status(.failedPrecondition) {
                _ = try await plane.ingest(IngestRequest(runtimeID: runtime, input: Wire.prompt("too late")))
            }
        }
    }

    @Test("a published event gets the next position and reaches subscribers")
    func publishEvent() async throws {
        try await withLiveServer { server in
            let runtime = try await Sessions.withEcho(server)
            var envelope = RuntimeEventEnvelope()
            envelope.runtimeID = runtime
            envelope.event = RuntimeEvent(
                event: .published(
                    PublishedEvent(code: "test.topic", payload: Array("{}".utf8), contentType: "application/json")
                )
            )
            let published = try await server.client.controlPlane.publishEvent(PublishEventRequest(envelope: envelope))
            #expect(published.position > 0)
            let replayed = try await EventLog.replay(server, runtime: runtime)
            #expect(replayed.contains { $0.position == published.position })
        }
    }

    @Test("an unknown runtime is NOT_FOUND for every runtime-keyed call but a receipt lookup, which finds none")
    func unknownRuntime() async throws {
        try await withLiveServer { server in
            let plane = server.client.controlPlane
            let unknown = Wire.newSessionID()
            try await Expect.status(.notFound) {
                _ = try await plane.ingest(IngestRequest(runtimeID: unknown, input: Wire.prompt("x")))
            }
            try await Expect.status(.notFound) { _ = try await plane.retire(RetireRequest(runtimeID: unknown)) }
            try await Expect.status(.notFound) { _ = try await plane.recycle(RecycleRequest(runtimeID: unknown)) }
            try await Expect.status(.notFound) { _ = try await plane.reset(ResetRequest(runtimeID: unknown)) }
            try await Expect.status(.notFound) { _ = try await plane.recover(RecoverRequest(runtimeID: unknown)) }
            try await Expect.status(.notFound) { _ = try await plane.destroy(DestroyRequest(runtimeID: unknown)) }
            try await Expect.status(.notFound) {
                _ = try await plane.runtimeState(ControlPlaneRuntimeStateRequest(runtimeID: unknown))
            }
            // Receipts outlive registration (D91), so a lookup answers rather than refuses.
            let receipt = try await plane.loadBoundaryReceipt(
                LoadBoundaryReceiptRequest(runtimeID: unknown, runID: Wire.newSessionID(), sequence: 1)
            )
            #expect(!receipt.found)
            #expect(receipt.receipt == nil)
        }
    }
}

/// Reading the event log through Subscribe.
enum EventLog {
    /// Every retained event (of `runtime`, when given) up to the caught-up marker.
    static func replay(_ server: LiveServer, runtime: String? = nil) async throws -> [RuntimeEventEnvelope] {
        let filter = EventFilter(runtimeIDs: runtime.map { [$0] } ?? [])
        let request = SubscribeRequest(filter: filter, start: .beginning(SubscribeFromBeginning()))
        return try await server.client.events.subscribe(request) { stream in
            var envelopes: [RuntimeEventEnvelope] = []
            for try await item in stream {
                switch item.item {
                case .envelope(let envelope): envelopes.append(envelope)
                case .batch(let batch): envelopes += batch.envelopes
                case .caughtUp: return envelopes
                case .lagged, nil: continue
                }
            }
            return envelopes
        }
    }
}
