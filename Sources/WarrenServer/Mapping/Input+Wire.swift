package import WarrenProto
package import WarrenRPC
package import WarrenRuntime

extension WarrenProto.Input {
    /// The wire form of an input.
    package init(_ input: WarrenRuntime.Input) {
        switch input {
        case .prompt(let prompt):
            self.init(
                variant: .prompt(
                    WarrenProto.PromptInput(
                        header: WarrenProto.InputHeader(prompt.header),
                        text: prompt.text,
                        blocks: prompt.blocks.map(WarrenProto.ContentBlock.init),
                        turnMetadata: prompt.turnMetadata.map { WarrenProto.RuntimeTurnMetadata($0) }
                    )
                )
            )
        case .peer(let peer):
            self.init(
                variant: .peer(
                    WarrenProto.PeerInput(
                        header: WarrenProto.InputHeader(peer.header),
                        convention: peer.convention.map(WarrenProto.PeerConvention.init),
                        body: peer.body,
                        blocks: peer.blocks.map(WarrenProto.ContentBlock.init),
                        handlingMode: WarrenProto.HandlingMode(peer.handlingMode)
                    )
                )
            )
        case .flowStep(let step):
            self.init(
                variant: .flowStep(
                    WarrenProto.FlowStepInput(
                        header: WarrenProto.InputHeader(step.header),
                        stepID: step.stepID,
                        instructions: step.instructions,
                        blocks: step.blocks.map(WarrenProto.ContentBlock.init),
                        turnMetadata: step.turnMetadata.map { WarrenProto.RuntimeTurnMetadata($0) }
                    )
                )
            )
        case .externalEvent(let event):
            self.init(
                variant: .externalEvent(
                    WarrenProto.ExternalEventInput(
                        header: WarrenProto.InputHeader(event.header),
                        eventType: event.eventType,
                        payloadJson: event.payloadJSON,
                        blocks: event.blocks.map(WarrenProto.ContentBlock.init),
                        handlingMode: WarrenProto.HandlingMode(event.handlingMode)
                    )
                )
            )
        case .continuation(let continuation):
            self.init(
                variant: .continuation(
                    WarrenProto.ContinuationInput(
                        header: WarrenProto.InputHeader(continuation.header),
                        reason: continuation.reason,
                        handlingMode: WarrenProto.HandlingMode(continuation.handlingMode),
                        requestID: continuation.requestID.wireText
                    )
                )
            )
        case .operation(let operation):
            // The domain keeps the ops event as opaque JSON, which has no typed wire form here (D43).
            self.init(
                variant: .operation(
                    WarrenProto.OperationInput(
                        header: WarrenProto.InputHeader(operation.header),
                        operationID: operation.operationID.rawValue
                    )
                )
            )
        }
    }
}

extension WarrenRuntime.Input {
    /// Reads an input: a variant must be set and its header present.
    package init(wire: WarrenProto.Input, field: String) throws(RPCError) {
        switch try requireOneof(wire.variant, field) {
        case .prompt(let prompt):
            let path = "\(field).prompt"
            self = .prompt(
                WarrenRuntime.PromptInput(
                    header: try Self.header(prompt.header, path),
                    text: prompt.text,
                    blocks: try WarrenRuntime.ContentBlock.list(wire: prompt.blocks, field: "\(path).blocks"),
                    turnMetadata: try prompt.turnMetadata.map { (metadata) throws(RPCError) in
                        try WarrenRuntime.RuntimeTurnMetadata(wire: metadata, field: "\(path).turn_metadata")
                    }
                )
            )
        case .peer(let peer):
            let path = "\(field).peer"
            self = .peer(
                WarrenRuntime.PeerInput(
                    header: try Self.header(peer.header, path),
                    convention: try peer.convention.map { (convention) throws(RPCError) in
                        try WarrenRuntime.PeerConvention(wire: convention, field: "\(path).convention")
                    },
                    body: peer.body,
                    blocks: try WarrenRuntime.ContentBlock.list(wire: peer.blocks, field: "\(path).blocks"),
                    handlingMode: try WarrenRuntime.HandlingMode.optional(
                        wire: peer.handlingMode,
                        field: "\(path).handling_mode"
                    )
                )
            )
        case .flowStep(let step):
            let path = "\(field).flow_step"
            self = .flowStep(
                WarrenRuntime.FlowStepInput(
                    header: try Self.header(step.header, path),
                    stepID: step.stepID,
                    instructions: step.instructions,
                    blocks: try WarrenRuntime.ContentBlock.list(wire: step.blocks, field: "\(path).blocks"),
                    turnMetadata: try step.turnMetadata.map { (metadata) throws(RPCError) in
                        try WarrenRuntime.RuntimeTurnMetadata(wire: metadata, field: "\(path).turn_metadata")
                    }
                )
            )
        case .externalEvent(let event):
            let path = "\(field).external_event"
            self = .externalEvent(
                WarrenRuntime.ExternalEventInput(
                    header: try Self.header(event.header, path),
                    eventType: event.eventType,
                    payloadJSON: event.payloadJson,
                    blocks: try WarrenRuntime.ContentBlock.list(wire: event.blocks, field: "\(path).blocks"),
                    handlingMode: try WarrenRuntime.HandlingMode(
                        wire: event.handlingMode,
                        field: "\(path).handling_mode"
                    )
                )
            )
        case .continuation(let continuation):
            let path = "\(field).continuation"
            self = .continuation(
                WarrenRuntime.ContinuationInput(
                    header: try Self.header(continuation.header, path),
                    reason: continuation.reason,
                    handlingMode: try WarrenRuntime.HandlingMode(
                        wire: continuation.handlingMode,
                        field: "\(path).handling_mode"
                    ),
                    requestID: continuation.requestID.nonEmpty
                )
            )
        case .operation(let operation):
            let path = "\(field).operation"
            self = .operation(
                WarrenRuntime.OperationInput(
                    header: try Self.header(operation.header, path),
                    operationID: try OperationID(wire: operation.operationID, field: "\(path).operation_id"),
                    // The domain keeps the event as JSON: its proto3 JSON text, "{}" when absent (D43).
                    eventJSON: Array((operation.event?.jsonValue().jsonText ?? "{}").utf8)
                )
            )
        }
    }

    private static func header(_ wire: WarrenProto.InputHeader?, _ path: String) throws(RPCError)
        -> WarrenRuntime.InputHeader
    {
        try WarrenRuntime.InputHeader(wire: requireWire(wire, "\(path).header"), field: "\(path).header")
    }
}

extension WarrenProto.PeerConvention {
    /// The wire form of a peer convention.
    package init(_ convention: WarrenRuntime.PeerConvention) {
        switch convention {
        case .message:
            self.init(variant: .message(PeerConventionMessage()))
        case .request(let requestID, let intent):
            self.init(variant: .request(PeerConventionRequest(requestID: requestID, intent: intent)))
        case .responseProgress(let requestID, let phase):
            self.init(
                variant: .responseProgress(
                    PeerConventionResponseProgress(
                        requestID: requestID,
                        phase: WarrenProto.ResponseProgressPhase(phase)
                    )
                )
            )
        case .responseTerminal(let requestID, let status):
            self.init(
                variant: .responseTerminal(
                    PeerConventionResponseTerminal(
                        requestID: requestID,
                        status: WarrenProto.ResponseTerminalStatus(status)
                    )
                )
            )
        }
    }
}

extension WarrenRuntime.PeerConvention {
    /// Reads a peer convention.
    package init(wire: WarrenProto.PeerConvention, field: String) throws(RPCError) {
        switch try requireOneof(wire.variant, field) {
        case .message: self = .message
        case .request(let request): self = .request(requestID: request.requestID, intent: request.intent)
        case .responseProgress(let progress):
            self = .responseProgress(
                requestID: progress.requestID,
                phase: try WarrenRuntime.ResponseProgressPhase(
                    wire: progress.phase,
                    field: "\(field).response_progress.phase"
                )
            )
        case .responseTerminal(let terminal):
            self = .responseTerminal(
                requestID: terminal.requestID,
                status: try WarrenRuntime.ResponseTerminalStatus(
                    wire: terminal.status,
                    field: "\(field).response_terminal.status"
                )
            )
        }
    }
}

extension WarrenProto.ResponseProgressPhase {
    /// The wire form of a progress phase.
    package init(_ phase: WarrenRuntime.ResponseProgressPhase) {
        switch phase {
        case .accepted: self = .accepted
        case .inProgress: self = .inProgress
        case .partialResult: self = .partialResult
        }
    }
}

extension WarrenRuntime.ResponseProgressPhase {
    /// Reads a progress phase.
    package init(wire: WarrenProto.ResponseProgressPhase, field: String) throws(RPCError) {
        switch wire {
        case .accepted: self = .accepted
        case .inProgress: self = .inProgress
        case .partialResult: self = .partialResult
        case .unspecified, .unrecognized: throw invalidEnum(wire, field)
        }
    }
}

extension WarrenProto.ResponseTerminalStatus {
    /// The wire form of a terminal response status.
    package init(_ status: WarrenRuntime.ResponseTerminalStatus) {
        switch status {
        case .completed: self = .completed
        case .failed: self = .failed
        case .cancelled: self = .cancelled
        }
    }
}

extension WarrenRuntime.ResponseTerminalStatus {
    /// Reads a terminal response status.
    package init(wire: WarrenProto.ResponseTerminalStatus, field: String) throws(RPCError) {
        switch wire {
        case .completed: self = .completed
        case .failed: self = .failed
        case .cancelled: self = .cancelled
        case .unspecified, .unrecognized: throw invalidEnum(wire, field)
        }
    }
}
