package import WarrenProto
package import WarrenRPC
package import WarrenRuntime

extension WarrenProto.InputHeader {
    /// The wire form of an input header.
    package init(_ header: WarrenRuntime.InputHeader) {
        self.init(
            inputID: header.id.rawValue,
            timestampUnixNanos: header.timestamp.wire,
            source: WarrenProto.InputOrigin(header.source),
            durability: WarrenProto.InputDurability(header.durability),
            visibility: WarrenProto.InputVisibility(
                transcriptEligible: header.visibility.transcriptEligible,
                operatorEligible: header.visibility.operatorEligible
            ),
            idempotencyKey: header.idempotencyKey.wireText,
            supersessionKey: header.supersessionKey.wireText,
            correlationID: header.correlationID.wireText
        )
    }
}

extension WarrenRuntime.InputHeader {
    /// Reads a header: the id, origin and durability are required; absent visibility is fully visible.
    package init(wire: WarrenProto.InputHeader, field: String) throws(RPCError) {
        self.init(
            id: try InputID(wire: wire.inputID, field: "\(field).input_id"),
            timestamp: Timestamp(unixNanos: wire.timestampUnixNanos),
            source: try InputOrigin(wire: requireWire(wire.source, "\(field).source"), field: "\(field).source"),
            durability: try WarrenRuntime.InputDurability(wire: wire.durability, field: "\(field).durability"),
            visibility: wire.visibility.map {
                WarrenRuntime.InputVisibility(
                    transcriptEligible: $0.transcriptEligible,
                    operatorEligible: $0.operatorEligible
                )
            } ?? WarrenRuntime.InputVisibility(),
            idempotencyKey: wire.idempotencyKey.nonEmpty,
            supersessionKey: wire.supersessionKey.nonEmpty,
            correlationID: wire.correlationID.nonEmpty
        )
    }
}

extension WarrenProto.InputOrigin {
    /// The wire form of an origin.
    package init(_ origin: WarrenRuntime.InputOrigin) {
        switch origin {
        case .operator:
            self.init(origin: .operatorOrigin(InputOriginOperator()))
        case .peer(let peerID, let runtimeID):
            self.init(origin: .peerOrigin(InputOriginPeer(peerID: peerID, runtimeID: runtimeID.wireID())))
        case .flow(let flowID, let stepIndex):
            self.init(origin: .flowOrigin(InputOriginFlow(flowID: flowID, stepIndex: stepIndex)))
        case .system:
            self.init(origin: .systemOrigin(InputOriginSystem()))
        case .external(let sourceName):
            self.init(origin: .externalOrigin(InputOriginExternal(sourceName: sourceName)))
        }
    }
}

extension WarrenRuntime.InputOrigin {
    /// Reads an origin.
    package init(wire: WarrenProto.InputOrigin, field: String) throws(RPCError) {
        switch try requireOneof(wire.origin, field) {
        case .operatorOrigin: self = .operator
        case .peerOrigin(let peer):
            self = .peer(
                peerID: peer.peerID,
                runtimeID: try RuntimeID.optional(wire: peer.runtimeID, field: "\(field).peer_origin.runtime_id")
            )
        case .flowOrigin(let flow): self = .flow(flowID: flow.flowID, stepIndex: flow.stepIndex)
        case .systemOrigin: self = .system
        case .externalOrigin(let external): self = .external(sourceName: external.sourceName)
        }
    }
}

extension WarrenProto.InputDurability {
    /// The wire form of a durability.
    package init(_ durability: WarrenRuntime.InputDurability) {
        switch durability {
        case .durable: self = .durable
        case .ephemeral: self = .ephemeral
        case .derived: self = .derived
        }
    }
}

extension WarrenRuntime.InputDurability {
    /// Reads a required durability.
    package init(wire: WarrenProto.InputDurability, field: String) throws(RPCError) {
        switch wire {
        case .durable: self = .durable
        case .ephemeral: self = .ephemeral
        case .derived: self = .derived
        case .unspecified, .unrecognized: throw invalidEnum(wire, field)
        }
    }
}
