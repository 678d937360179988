package import WarrenProto
package import WarrenRPC
package import WarrenRuntime

extension WarrenProto.PolicyDecision {
    /// The wire form of a policy decision (both booleans always written, as the schema asks).
    package init(_ policy: WarrenRuntime.PolicyDecision) {
        self.init(
            applyMode: WarrenProto.ApplyMode(policy.applyMode),
            wakeMode: WarrenProto.WakeMode(policy.wakeMode),
            queueMode: WarrenProto.QueueMode(policy.queueMode),
            consumePoint: WarrenProto.ConsumePoint(policy.consumePoint),
            drainPolicy: WarrenProto.DrainPolicy(policy.drainPolicy),
            routingDisposition: WarrenProto.RoutingDisposition(policy.routingDisposition),
            recordTranscript: policy.recordTranscript,
            emitOperatorContent: policy.emitOperatorContent,
            policyVersion: policy.policyVersion
        )
    }
}

extension WarrenRuntime.PolicyDecision {
    /// Reads a policy decision; drain policy and routing default as the schema says when UNSPECIFIED.
    package init(wire: WarrenProto.PolicyDecision, field: String) throws(RPCError) {
        self.init(
            applyMode: try WarrenRuntime.ApplyMode(wire: wire.applyMode, field: "\(field).apply_mode"),
            wakeMode: try WarrenRuntime.WakeMode(wire: wire.wakeMode, field: "\(field).wake_mode"),
            queueMode: try WarrenRuntime.QueueMode(wire: wire.queueMode, field: "\(field).queue_mode"),
            consumePoint: try WarrenRuntime.ConsumePoint(wire: wire.consumePoint, field: "\(field).consume_point"),
            drainPolicy: try WarrenRuntime.DrainPolicy(wire: wire.drainPolicy, field: "\(field).drain_policy"),
            routingDisposition: try WarrenRuntime.RoutingDisposition(
                wire: wire.routingDisposition,
                field: "\(field).routing_disposition"
            ),
            recordTranscript: wire.recordTranscript,
            emitOperatorContent: wire.emitOperatorContent,
            policyVersion: wire.policyVersion
        )
    }
}

extension WarrenProto.ApplyMode {
    /// The wire form of an apply mode.
    package init(_ mode: WarrenRuntime.ApplyMode) {
        switch mode {
        case .stageRunStart: self = .stageRunStart
        case .stageRunBoundary: self = .stageRunBoundary
        case .injectNow: self = .injectNow
        case .ignore: self = .ignore
        }
    }
}

extension WarrenRuntime.ApplyMode {
    /// Reads a required apply mode.
    package init(wire: WarrenProto.ApplyMode, field: String) throws(RPCError) {
        switch wire {
        case .stageRunStart: self = .stageRunStart
        case .stageRunBoundary: self = .stageRunBoundary
        case .injectNow: self = .injectNow
        case .ignore: self = .ignore
        case .unspecified, .unrecognized: throw invalidEnum(wire, field)
        }
    }
}

extension WarrenProto.WakeMode {
    /// The wire form of a wake mode.
    package init(_ mode: WarrenRuntime.WakeMode) {
        switch mode {
        case .wakeIfIdle: self = .wakeIfIdle
        case .none: self = .none
        }
    }
}

extension WarrenRuntime.WakeMode {
    /// Reads a required wake mode.
    package init(wire: WarrenProto.WakeMode, field: String) throws(RPCError) {
        switch wire {
        case .wakeIfIdle: self = .wakeIfIdle
        case .none: self = .none
        case .unspecified, .unrecognized: throw invalidEnum(wire, field)
        }
    }
}

extension WarrenProto.QueueMode {
    /// The wire form of a queue mode.
    package init(_ mode: WarrenRuntime.QueueMode) {
        switch mode {
        case .none: self = .none
        case .fifo: self = .fifo
        case .coalesce: self = .coalesce
        case .supersede: self = .supersede
        case .priority: self = .priority
        }
    }
}

extension WarrenRuntime.QueueMode {
    /// Reads a required queue mode.
    package init(wire: WarrenProto.QueueMode, field: String) throws(RPCError) {
        switch wire {
        case .none: self = .none
        case .fifo: self = .fifo
        case .coalesce: self = .coalesce
        case .supersede: self = .supersede
        case .priority: self = .priority
        case .unspecified, .unrecognized: throw invalidEnum(wire, field)
        }
    }
}

extension WarrenProto.ConsumePoint {
    /// The wire form of a consume point.
    package init(_ point: WarrenRuntime.ConsumePoint) {
        switch point {
        case .onAccept: self = .onAccept
        case .onApply: self = .onApply
        case .onRunStart: self = .onRunStart
        case .onRunComplete: self = .onRunComplete
        case .explicitAck: self = .explicitAck
        }
    }
}

extension WarrenRuntime.ConsumePoint {
    /// Reads a required consume point.
    package init(wire: WarrenProto.ConsumePoint, field: String) throws(RPCError) {
        switch wire {
        case .onAccept: self = .onAccept
        case .onApply: self = .onApply
        case .onRunStart: self = .onRunStart
        case .onRunComplete: self = .onRunComplete
        case .explicitAck: self = .explicitAck
        case .unspecified, .unrecognized: throw invalidEnum(wire, field)
        }
    }
}

extension WarrenProto.DrainPolicy {
    /// The wire form of a drain policy.
    package init(_ policy: WarrenRuntime.DrainPolicy) {
        switch policy {
        case .queueNextTurn: self = .queueNextTurn
        case .steerBatch: self = .steerBatch
        case .immediate: self = .immediate
        case .ignore: self = .ignore
        }
    }
}

extension WarrenRuntime.DrainPolicy {
    /// Reads a drain policy: UNSPECIFIED is queue_next_turn, the schema's default.
    package init(wire: WarrenProto.DrainPolicy, field: String) throws(RPCError) {
        switch wire {
        case .unspecified, .queueNextTurn: self = .queueNextTurn
        case .steerBatch: self = .steerBatch
        case .immediate: self = .immediate
        case .ignore: self = .ignore
        case .unrecognized: throw invalidEnum(wire, field)
        }
    }
}

extension WarrenProto.RoutingDisposition {
    /// The wire form of a routing disposition.
    package init(_ disposition: WarrenRuntime.RoutingDisposition) {
        switch disposition {
        case .queue: self = .queue
        case .steer: self = .steer
        case .immediate: self = .immediate
        case .drop: self = .drop
        }
    }
}

extension WarrenRuntime.RoutingDisposition {
    /// Reads a routing disposition: UNSPECIFIED is queue, the schema's default.
    package init(wire: WarrenProto.RoutingDisposition, field: String) throws(RPCError) {
        switch wire {
        case .unspecified, .queue: self = .queue
        case .steer: self = .steer
        case .immediate: self = .immediate
        case .drop: self = .drop
        case .unrecognized: throw invalidEnum(wire, field)
        }
    }
}
