/// The validations of the admission pipeline (input-spec §6.1, §6.2, §7.1).
enum AdmissionValidation {
    /// Durability rules: derived inputs only from system or flow origins, and only for some kinds.
    static func durabilityViolation(of input: Input) -> RejectReason? {
        let header = input.header
        guard header.durability == .derived else { return nil }
        switch header.source {
        case .operator, .peer, .external:
            return .durabilityViolation(detail: "External ingress cannot submit derived inputs")
        case .system, .flow: break
        }
        // A peer input without a convention may be derived (input-spec §7.1), although its kind reads as a message.
        if case .peer(let peer) = input, peer.convention == nil { return nil }
        switch input.kind {
        case .prompt, .peerMessage, .peerRequest, .peerResponseTerminal, .flowStep:
            // Warren writes the kind once; v0.5.2 wrote "peer_peer_message" (see docs/DECISIONS.md).
            return .durabilityViolation(detail: "Derived durability forbidden for \(input.kind.rawValue)")
        case .peerResponseProgress, .externalEvent, .continuation, .operation:
            return nil
        }
    }

    /// A handling hint is forbidden on progress responses.
    static func peerHandlingModeViolation(of input: Input) -> RejectReason? {
        guard case .peer(let peer) = input, peer.handlingMode != nil, case .responseProgress? = peer.convention else {
            return nil
        }
        return .peerHandlingModeInvalid(detail: "handling_mode is forbidden on ResponseProgress peer inputs")
    }

    /// A peer request whose intent is silenced is queued without waking the runtime.
    static func applySilentIntents(_ intents: Set<String>, to input: Input, policy: inout PolicyDecision) -> Bool {
        guard !intents.isEmpty, case .peer(let peer) = input, case .request(_, let intent)? = peer.convention,
            intents.contains(intent)
        else { return false }
        policy.applyMode = .stageRunStart
        policy.wakeMode = .none
        return true
    }
}
