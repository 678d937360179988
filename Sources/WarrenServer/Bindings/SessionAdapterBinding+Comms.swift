import WarrenProto
import WarrenRPC
import WarrenRuntime

/// The comms drain half of RuntimeSessionAdapter: peer ingress context and the drain task's lifecycle.
extension SessionAdapterBinding {
    func updatePeerIngressContext(
        _ request: UpdatePeerIngressContextRequest,
        context: ServerCallContext
    ) async throws -> UpdatePeerIngressContextResponse {
        let session = try self.registered(request.sessionID)
        let inbox = request.commsEnabled ? self.server.peers.inbox(for: session) : nil
        if !request.commsEnabled { self.server.peers.remove(session) }
        let spawned = await self.adapter.updatePeerIngressContext(session, keepAlive: request.keepAlive, inbox: inbox)
        return UpdatePeerIngressContextResponse(
            drainSpawned: spawned,
            drain: self.drainState(session, keepAlive: request.keepAlive)
        )
    }

    func notifyCommsDrainExited(
        _ request: NotifyCommsDrainExitedRequest,
        context: ServerCallContext
    ) async throws -> NotifyCommsDrainExitedResponse {
        let session = try self.registered(request.sessionID)
        let reason = try WarrenRuntime.DrainExitReason(wire: request.reason, field: "reason")
        let before = self.adapter.commsDrainPhase(session)
        await self.adapter.notifyCommsDrainExited(session, reason: reason)
        let after = self.adapter.commsDrainPhase(session)
        return NotifyCommsDrainExitedResponse(
            drainSpawned: after == .running && before != .running,
            drain: self.drainState(session, lastExit: reason)
        )
    }

    func abortCommsDrains(_ request: AbortCommsDrainsRequest, context: ServerCallContext) async throws
        -> AbortCommsDrainsResponse
    {
        let active = self.adapter.sessionIDs.filter { Self.isActive(self.adapter.commsDrainPhase($0)) }.count
        self.adapter.abortCommsDrains()
        return AbortCommsDrainsResponse(slotsAborted: UInt32(active))
    }

    func abortCommsDrain(_ request: AbortCommsDrainRequest, context: ServerCallContext) async throws
        -> AbortCommsDrainResponse
    {
        let session = try self.registered(request.sessionID)
        let active = Self.isActive(self.adapter.commsDrainPhase(session))
        self.adapter.abortCommsDrain(session)
        return AbortCommsDrainResponse(aborted: active, drain: self.drainState(session))
    }

    func waitCommsDrain(_ request: WaitCommsDrainRequest, context: ServerCallContext) async throws
        -> WaitCommsDrainResponse
    {
        let session = try self.registered(request.sessionID)
        await self.adapter.waitCommsDrain(session)
        return WaitCommsDrainResponse(drain: self.drainState(session))
    }

    /// The session id of a registered session; NOT_FOUND (NotReady destroyed) otherwise.
    private func registered(_ wire: String) throws(RPCError) -> SessionID {
        let session = try SessionID(wire: wire, field: "session_id")
        guard self.adapter.containsSession(session) else {
            throw RPCError(domain: RuntimeDriverError.notReady(state: .destroyed))
        }
        return session
    }

    private func drainState(
        _ session: SessionID,
        keepAlive: Bool = false,
        lastExit: WarrenRuntime.DrainExitReason? = nil
    ) -> WarrenProto.CommsDrainState {
        let phase = self.adapter.commsDrainPhase(session) ?? .inactive
        return WarrenProto.CommsDrainState(
            sessionID: session,
            phase: phase,
            mode: nil,
            taskActive: Self.isActive(phase),
            keepAlive: keepAlive,
            commsEnabled: self.adapter.sessionHasComms(session),
            lastExitReason: lastExit
        )
    }

    private static func isActive(_ phase: WarrenRuntime.CommsDrainPhase?) -> Bool {
        phase == .starting || phase == .running
    }
}
