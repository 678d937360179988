package import WarrenProto
package import WarrenRPC
package import WarrenRuntime

// The closed comms enums. The domain enums are CaseIterable, so their tests loop over every case.

extension WarrenProto.CommsDrainPhase {
    /// The wire form of a drain phase.
    package init(_ phase: WarrenRuntime.CommsDrainPhase) {
        switch phase {
        case .inactive: self = .inactive
        case .starting: self = .starting
        case .running: self = .running
        case .exitedRespawnable: self = .exitedRespawnable
        case .stopped: self = .stopped
        }
    }
}

extension WarrenRuntime.CommsDrainPhase {
    /// Reads a required drain phase.
    package init(wire: WarrenProto.CommsDrainPhase, field: String) throws(RPCError) {
        switch wire {
        case .inactive: self = .inactive
        case .starting: self = .starting
        case .running: self = .running
        case .exitedRespawnable: self = .exitedRespawnable
        case .stopped: self = .stopped
        case .unspecified, .unrecognized: throw invalidEnum(wire, field)
        }
    }
}

extension WarrenProto.CommsDrainMode {
    /// The wire form of an optional drain mode: UNSPECIFIED when absent.
    package init(_ mode: WarrenRuntime.CommsDrainMode?) {
        switch mode {
        case nil: self = .unspecified
        case .attachedSession: self = .attachedSession
        case .persistentHost: self = .persistentHost
        }
    }
}

extension WarrenRuntime.CommsDrainMode {
    /// Reads an optional drain mode: UNSPECIFIED is absent.
    package static func optional(wire: WarrenProto.CommsDrainMode, field: String) throws(RPCError) -> Self? {
        switch wire {
        case .unspecified: nil
        case .attachedSession: .attachedSession
        case .persistentHost: .persistentHost
        case .unrecognized: throw invalidEnum(wire, field)
        }
    }
}

extension WarrenProto.DrainExitReason {
    /// The wire form of an optional exit reason: UNSPECIFIED when absent.
    package init(_ reason: WarrenRuntime.DrainExitReason?) {
        switch reason {
        case nil: self = .unspecified
        case .dismissed: self = .dismissed
        case .failed: self = .failed
        case .aborted: self = .aborted
        case .sessionShutdown: self = .sessionShutdown
        }
    }
}

extension WarrenRuntime.DrainExitReason {
    /// Reads an optional exit reason: UNSPECIFIED is absent.
    package static func optional(wire: WarrenProto.DrainExitReason, field: String) throws(RPCError) -> Self? {
        switch wire {
        case .unspecified: nil
        case .dismissed: .dismissed
        case .failed: .failed
        case .aborted: .aborted
        case .sessionShutdown: .sessionShutdown
        case .unrecognized: throw invalidEnum(wire, field)
        }
    }

    /// Reads a required exit reason (NotifyCommsDrainExited).
    package init(wire: WarrenProto.DrainExitReason, field: String) throws(RPCError) {
        guard let reason = try Self.optional(wire: wire, field: field) else { throw invalidEnum(wire, field) }
        self = reason
    }
}

extension WarrenProto.PeerInputClass {
    /// The wire form of an ingress class.
    package init(_ inputClass: WarrenRuntime.PeerInputClass) {
        switch inputClass {
        case .ack: self = .ack
        case .actionableMessage: self = .actionableMessage
        case .actionableRequest: self = .actionableRequest
        case .response: self = .response
        case .silentRequest: self = .silentRequest
        case .peerLifecycleAdded: self = .peerLifecycleAdded
        case .peerLifecycleRetired: self = .peerLifecycleRetired
        case .peerLifecycleUnwired: self = .peerLifecycleUnwired
        case .peerLifecycleKickoffFailed: self = .peerLifecycleKickoffFailed
        case .peerLifecycleKickoffCancelled: self = .peerLifecycleKickoffCancelled
        case .plainEvent: self = .plainEvent
        }
    }
}

extension WarrenRuntime.PeerInputClass {
    /// Reads a set ingress class (UNSPECIFIED is handled by the candidate, which derives one).
    package init(wire: WarrenProto.PeerInputClass, field: String) throws(RPCError) {
        switch wire {
        case .ack: self = .ack
        case .actionableMessage: self = .actionableMessage
        case .actionableRequest: self = .actionableRequest
        case .response: self = .response
        case .silentRequest: self = .silentRequest
        case .peerLifecycleAdded: self = .peerLifecycleAdded
        case .peerLifecycleRetired: self = .peerLifecycleRetired
        case .peerLifecycleUnwired: self = .peerLifecycleUnwired
        case .peerLifecycleKickoffFailed: self = .peerLifecycleKickoffFailed
        case .peerLifecycleKickoffCancelled: self = .peerLifecycleKickoffCancelled
        case .plainEvent: self = .plainEvent
        case .unspecified, .unrecognized: throw invalidEnum(wire, field)
        }
    }
}

extension WarrenProto.PeerResponseStatus {
    /// The wire form of a peer response status.
    package init(_ status: WarrenRuntime.PeerResponseStatus) {
        switch status {
        case .accepted: self = .accepted
        case .completed: self = .completed
        case .failed: self = .failed
        }
    }
}

extension WarrenRuntime.PeerResponseStatus {
    /// Reads a required peer response status.
    package init(wire: WarrenProto.PeerResponseStatus, field: String) throws(RPCError) {
        switch wire {
        case .accepted: self = .accepted
        case .completed: self = .completed
        case .failed: self = .failed
        case .unspecified, .unrecognized: throw invalidEnum(wire, field)
        }
    }
}

extension RenderMetadata {
    /// The wire form of an interaction's render hints.
    package init(_ metadata: InteractionRenderMetadata) {
        self.init(renderClass: RenderClass(metadata.renderClass), salience: RenderSalience(metadata.salience))
    }
}

extension InteractionRenderMetadata {
    /// Reads render hints: the class is required, an UNSPECIFIED salience is normal (the reference default).
    package init(wire: RenderMetadata, field: String) throws(RPCError) {
        self.init(
            renderClass: try RenderClass(wire: wire.renderClass, field: "\(field).render_class"),
            salience: try Salience(wire: wire.salience, field: "\(field).salience")
        )
    }
}

extension WarrenProto.RenderClass {
    /// The wire form of a render class.
    package init(_ renderClass: InteractionRenderMetadata.RenderClass) {
        switch renderClass {
        case .userPrompt: self = .userPrompt
        case .peerMessage: self = .peerMessage
        case .peerRequest: self = .peerRequest
        case .peerResponse: self = .peerResponse
        case .externalEvent: self = .externalEvent
        case .flowStep: self = .flowStep
        case .continuation: self = .continuation
        case .systemNotice: self = .systemNotice
        case .toolScopeNotice: self = .toolScopeNotice
        case .opsProgress: self = .opsProgress
        }
    }
}

extension InteractionRenderMetadata.RenderClass {
    /// Reads a required render class.
    package init(wire: WarrenProto.RenderClass, field: String) throws(RPCError) {
        switch wire {
        case .userPrompt: self = .userPrompt
        case .peerMessage: self = .peerMessage
        case .peerRequest: self = .peerRequest
        case .peerResponse: self = .peerResponse
        case .externalEvent: self = .externalEvent
        case .flowStep: self = .flowStep
        case .continuation: self = .continuation
        case .systemNotice: self = .systemNotice
        case .toolScopeNotice: self = .toolScopeNotice
        case .opsProgress: self = .opsProgress
        case .unspecified, .unrecognized: throw invalidEnum(wire, field)
        }
    }
}

extension RenderSalience {
    /// The wire form of a salience.
    package init(_ salience: InteractionRenderMetadata.Salience) {
        switch salience {
        case .background: self = .background
        case .normal: self = .normal
        case .important: self = .important
        case .urgent: self = .urgent
        }
    }
}

extension InteractionRenderMetadata.Salience {
    /// Reads a salience: UNSPECIFIED is normal.
    package init(wire: RenderSalience, field: String) throws(RPCError) {
        switch wire {
        case .background: self = .background
        case .unspecified, .normal: self = .normal
        case .important: self = .important
        case .urgent: self = .urgent
        case .unrecognized: throw invalidEnum(wire, field)
        }
    }
}
