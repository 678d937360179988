import WarrenProto
import WarrenRPC
import WarrenRuntime

/// Comms.SendPeer: delivers a peer interaction into a session's inbox, where the comms drain turns it into
/// a Peer input; optionally waits for the interaction's outcome.
struct CommsBinding: CommsServiceProtocol {
    let server: WarrenServer

    func sendPeer(_ request: SendPeerRequest, context: ServerCallContext) async throws -> SendPeerResponse {
        let session = try SessionID(wire: request.sessionID, field: "session_id")
        guard self.server.adapter.containsSession(session) else {
            throw RPCError(domain: RuntimeDriverError.notReady(state: .destroyed))
        }
        guard let inbox = self.server.peers.existingInbox(for: session) else {
            throw RPCError(
                .failedPrecondition,
                "session \(session) has no peer ingress: enable it with UpdatePeerIngressContext(comms_enabled: true)"
            )
        }
        var wire = try requireWire(request.candidate, "candidate")
        var interaction = try requireWire(wire.interaction, "candidate.interaction")
        if interaction.interactionID.isEmpty { interaction.interactionID = InteractionID.make().rawValue }
        wire.interaction = interaction
        let candidate = try WarrenRuntime.PeerInputCandidate(wire: wire, field: "candidate")
        if request.waitForCompletion { inbox.recordOutcome(of: candidate.interaction.id) }
        inbox.deliver(candidate)
        var response = SendPeerResponse(
            interactionID: candidate.interaction.id.rawValue,
            inputClass: WarrenProto.PeerInputClass(candidate.inputClass),
            inboxDepth: UInt64(inbox.pendingCount)
        )
        if request.waitForCompletion, await inbox.awaitCompletion(of: candidate.interaction.id),
            let outcome = inbox.recordedOutcome(of: candidate.interaction.id)
        {
            response.outcome = WarrenProto.InteractionOutcome(outcome)
        }
        return response
    }
}
