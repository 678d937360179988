package import WarrenProto
package import WarrenRPC
package import WarrenRuntime

extension WarrenProto.CommsDrainState {
    /// The wire form of one session's drain slot and peer-ingress context; the adapter exposes these as
    /// separate readings, so the caller gathers them.
    package init(
        sessionID: SessionID,
        phase: WarrenRuntime.CommsDrainPhase,
        mode: WarrenRuntime.CommsDrainMode?,
        taskActive: Bool,
        keepAlive: Bool,
        commsEnabled: Bool,
        lastExitReason: WarrenRuntime.DrainExitReason?
    ) {
        self.init(
            sessionID: sessionID.rawValue,
            phase: WarrenProto.CommsDrainPhase(phase),
            mode: WarrenProto.CommsDrainMode(mode),
            taskActive: taskActive,
            keepAlive: keepAlive,
            commsEnabled: commsEnabled,
            lastExitReason: WarrenProto.DrainExitReason(lastExitReason)
        )
    }
}

extension WarrenProto.PeerInputCandidate {
    /// The wire form of a classified interaction.
    package init(_ candidate: WarrenRuntime.PeerInputCandidate) {
        self.init(
            interaction: InboxInteraction(candidate.interaction),
            inputClass: WarrenProto.PeerInputClass(candidate.inputClass),
            lifecyclePeer: candidate.lifecyclePeer.wireText
        )
    }
}

extension WarrenRuntime.PeerInputCandidate {
    /// Reads a classified interaction (Comms.SendPeer). An UNSPECIFIED class is derived from the content, as
    /// the schema promises: a sender marked "event:" is a plain event, otherwise message, request or
    /// response by content (silent intents are applied later, at admission).
    package init(wire: WarrenProto.PeerInputCandidate, field: String) throws(RPCError) {
        let interactionPath = "\(field).interaction"
        let interaction = try PeerInteraction(
            wire: requireWire(wire.interaction, interactionPath),
            field: interactionPath
        )
        let inputClass =
            wire.inputClass == .unspecified
            ? Self.derivedClass(of: interaction)
            : try WarrenRuntime.PeerInputClass(wire: wire.inputClass, field: "\(field).input_class")
        self.init(interaction: interaction, inputClass: inputClass, lifecyclePeer: wire.lifecyclePeer.nonEmpty)
    }

    private static func derivedClass(of interaction: PeerInteraction) -> WarrenRuntime.PeerInputClass {
        if interaction.from.hasPrefix("event:") { return .plainEvent }
        switch interaction.content {
        case .message: return .actionableMessage
        case .request: return .actionableRequest
        case .response: return .response
        }
    }
}

extension InboxInteraction {
    /// The wire form of an inbox interaction.
    package init(_ interaction: PeerInteraction) {
        self.init(
            interactionID: interaction.id.rawValue,
            fromPeer: interaction.from,
            content: WarrenProto.InteractionContent(interaction.content),
            renderedText: interaction.renderedText,
            handlingMode: WarrenProto.HandlingMode(interaction.handlingMode),
            renderMetadata: interaction.renderMetadata.map(RenderMetadata.init)
        )
    }
}

extension PeerInteraction {
    /// Reads an inbox interaction; an empty id is assigned here, as the schema says the server does.
    package init(wire: InboxInteraction, field: String) throws(RPCError) {
        let contentPath = "\(field).content"
        self.init(
            id: try InteractionID.optional(wire: wire.interactionID, field: "\(field).interaction_id") ?? .make(),
            from: wire.fromPeer,
            content: try WarrenRuntime.InteractionContent(
                wire: requireWire(wire.content, contentPath),
                field: contentPath
            ),
            renderedText: wire.renderedText,
            handlingMode: try WarrenRuntime.HandlingMode(wire: wire.handlingMode, field: "\(field).handling_mode"),
            renderMetadata: try wire.renderMetadata.map { (metadata) throws(RPCError) in
                try InteractionRenderMetadata(wire: metadata, field: "\(field).render_metadata")
            }
        )
    }
}

extension WarrenProto.InteractionContent {
    /// The wire form of an interaction's content.
    package init(_ content: WarrenRuntime.InteractionContent) {
        switch content {
        case .message(let body, let blocks):
            self.init(
                content: .message(InteractionMessage(body: body, blocks: blocks.map(WarrenProto.ContentBlock.init)))
            )
        case .request(let intent, let paramsJSON):
            self.init(content: .request(InteractionRequest(intent: intent, paramsJson: paramsJSON)))
        case .response(let inReplyTo, let status, let resultJSON):
            self.init(
                content: .response(
                    InteractionResponse(
                        inReplyTo: inReplyTo.rawValue,
                        status: WarrenProto.PeerResponseStatus(status),
                        resultJson: resultJSON
                    )
                )
            )
        }
    }
}

extension WarrenRuntime.InteractionContent {
    /// Reads an interaction's content.
    package init(wire: WarrenProto.InteractionContent, field: String) throws(RPCError) {
        switch try requireOneof(wire.content, field) {
        case .message(let message):
            self = .message(
                body: message.body,
                blocks: try WarrenRuntime.ContentBlock.list(wire: message.blocks, field: "\(field).message.blocks")
            )
        case .request(let request):
            self = .request(intent: request.intent, paramsJSON: request.paramsJson)
        case .response(let response):
            self = .response(
                inReplyTo: try InteractionID(wire: response.inReplyTo, field: "\(field).response.in_reply_to"),
                status: try WarrenRuntime.PeerResponseStatus(wire: response.status, field: "\(field).response.status"),
                resultJSON: response.resultJson
            )
        }
    }
}

extension WarrenProto.InteractionOutcome {
    /// The wire form of an interaction's terminal outcome.
    package init(_ outcome: WarrenRuntime.InteractionOutcome) {
        switch outcome {
        case .complete(let result):
            self.init(outcome: .complete(InteractionComplete(resultText: result)))
        case .callbackPending(let toolName, let argumentsJSON):
            self.init(outcome: .callbackPending(CallbackPending(toolName: toolName, argsJson: argumentsJSON)))
        case .failed(let error):
            self.init(outcome: .failed(InteractionFailed(errorMessage: error)))
        }
    }
}

extension WarrenRuntime.InteractionOutcome {
    /// Reads an interaction's terminal outcome.
    package init(wire: WarrenProto.InteractionOutcome, field: String) throws(RPCError) {
        switch try requireOneof(wire.outcome, field) {
        case .complete(let complete): self = .complete(result: complete.resultText)
        case .callbackPending(let pending):
            self = .callbackPending(toolName: pending.toolName, argumentsJSON: pending.argsJson)
        case .failed(let failed): self = .failed(error: failed.errorMessage)
        }
    }
}
