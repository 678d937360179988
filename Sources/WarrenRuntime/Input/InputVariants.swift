/// A prompt (input-spec §1.3).
public struct PromptInput: Hashable, Sendable, Codable {
    /// The shared header.
    public var header: InputHeader
    /// The prompt text (the text projection when blocks are present).
    public var text: String
    /// Multimodal content, when present.
    public var blocks: [ContentBlock]
    /// Turn metadata; its handling mode is the input's hint.
    public var turnMetadata: RuntimeTurnMetadata?

    /// Creates a prompt.
    public init(
        header: InputHeader = .init(),
        text: String,
        blocks: [ContentBlock] = [],
        turnMetadata: RuntimeTurnMetadata? = nil
    ) {
        self.header = header
        self.text = text
        self.blocks = blocks
        self.turnMetadata = turnMetadata
    }
}

/// A peer's message, request or response.
public struct PeerInput: Hashable, Sendable, Codable {
    /// The shared header.
    public var header: InputHeader
    /// Message, request, progress or terminal response; nil reads as a message.
    public var convention: PeerConvention?
    /// The text the model sees.
    public var body: String
    /// Multimodal content, when present.
    public var blocks: [ContentBlock]
    /// The input's handling hint (forbidden on response progress).
    public var handlingMode: HandlingMode?

    /// Creates a peer input.
    public init(
        header: InputHeader = .init(source: .peer(peerID: "peer", runtimeID: nil)),
        convention: PeerConvention? = .message,
        body: String,
        blocks: [ContentBlock] = [],
        handlingMode: HandlingMode? = nil
    ) {
        self.header = header
        self.convention = convention
        self.body = body
        self.blocks = blocks
        self.handlingMode = handlingMode
    }
}

/// The peer protocol convention of a ``PeerInput``.
public enum PeerConvention: Hashable, Sendable, Codable {
    /// A plain message.
    case message
    /// A request with an intent (silent intents match on it).
    case request(requestID: String, intent: String)
    /// Progress on an earlier request.
    case responseProgress(requestID: String, phase: ResponseProgressPhase)
    /// The final response to an earlier request.
    case responseTerminal(requestID: String, status: ResponseTerminalStatus)
}

/// Phases of a progress response.
public enum ResponseProgressPhase: String, Hashable, Sendable, CaseIterable, StoredByName {
    case accepted, inProgress, partialResult
}

/// Outcomes of a terminal response.
public enum ResponseTerminalStatus: String, Hashable, Sendable, CaseIterable, StoredByName {
    case completed, failed, cancelled
}

/// A step of a flow.
public struct FlowStepInput: Hashable, Sendable, Codable {
    /// The shared header.
    public var header: InputHeader
    /// The step's id within its flow.
    public var stepID: String
    /// What the step asks for.
    public var instructions: String
    /// Multimodal content, when present.
    public var blocks: [ContentBlock]
    /// Turn metadata; its handling mode is the input's hint.
    public var turnMetadata: RuntimeTurnMetadata?

    /// Creates a flow step.
    public init(
        header: InputHeader = .init(source: .flow(flowID: "flow", stepIndex: 0)),
        stepID: String,
        instructions: String,
        blocks: [ContentBlock] = [],
        turnMetadata: RuntimeTurnMetadata? = nil
    ) {
        self.header = header
        self.stepID = stepID
        self.instructions = instructions
        self.blocks = blocks
        self.turnMetadata = turnMetadata
    }
}

/// An event from outside.
public struct ExternalEventInput: Hashable, Sendable, Codable {
    /// The shared header.
    public var header: InputHeader
    /// The event's type name.
    public var eventType: String
    /// The event's payload as UTF-8 JSON.
    public var payloadJSON: [UInt8]
    /// Multimodal content, when present.
    public var blocks: [ContentBlock]
    /// Handling hint (queue when the sender gives none).
    public var handlingMode: HandlingMode

    /// Creates an external event.
    public init(
        header: InputHeader = .init(source: .external(sourceName: "external")),
        eventType: String,
        payloadJSON: [UInt8] = Array("{}".utf8),
        blocks: [ContentBlock] = [],
        handlingMode: HandlingMode = .queue
    ) {
        self.header = header
        self.eventType = eventType
        self.payloadJSON = payloadJSON
        self.blocks = blocks
        self.handlingMode = handlingMode
    }
}

/// A system continuation.
public struct ContinuationInput: Hashable, Sendable, Codable {
    /// The shared header.
    public var header: InputHeader
    /// Why the runtime continues.
    public var reason: String
    /// Handling hint (queue when the sender gives none).
    public var handlingMode: HandlingMode
    /// The request this continues, if any.
    public var requestID: String?

    /// Creates a continuation.
    public init(
        header: InputHeader = .init(source: .system, durability: .derived),
        reason: String,
        handlingMode: HandlingMode = .steer,
        requestID: String? = nil
    ) {
        self.header = header
        self.reason = reason
        self.handlingMode = handlingMode
        self.requestID = requestID
    }
}

extension ContinuationInput {
    /// The continuation the runtime injects after background operations complete: system origin,
    /// derived, invisible, steer (input-spec §1.3).
    public static func detachedBackgroundOpCompleted() -> ContinuationInput {
        ContinuationInput(
            header: InputHeader(
                source: .system,
                durability: .derived,
                visibility: InputVisibility(transcriptEligible: false, operatorEligible: false)
            ),
            reason: "detached_background_op_completed",
            handlingMode: .steer
        )
    }
}

/// An ops lifecycle event delivered as an input (consumed on accept).
public struct OperationInput: Hashable, Sendable, Codable {
    /// The shared header.
    public var header: InputHeader
    /// The operation it concerns.
    public var operationID: OperationID
    /// The event, as UTF-8 JSON.
    public var eventJSON: [UInt8]

    /// Creates an operation input.
    public init(
        header: InputHeader = .init(source: .system),
        operationID: OperationID,
        eventJSON: [UInt8] = Array("{}".utf8)
    ) {
        self.header = header
        self.operationID = operationID
        self.eventJSON = eventJSON
    }
}

/// A piece of multimodal content.
public enum ContentBlock: Hashable, Sendable, Codable {
    /// Plain text.
    case text(String)
    /// An image, inline (base64) or by blob reference.
    case image(mediaType: String, source: ImageSource)
}

/// Where an image's bytes are.
public enum ImageSource: Hashable, Sendable, Codable {
    /// Base64 data carried inline.
    case inline(base64: String)
    /// A content-addressed blob (`sha256:…`).
    case blob(id: String)
}

/// Optional per-turn metadata (runtime-spec §3.2).
public struct RuntimeTurnMetadata: Hashable, Sendable, Codable {
    /// The handling hint.
    public var handlingMode: HandlingMode?
    /// Keep the session alive after the turn.
    public var keepAlive: Bool?
    /// Skill references (accumulate across a batch).
    public var skillReferences: [String]
    /// Additional instructions (accumulate across a batch).
    public var additionalInstructions: [String]
    /// Model override.
    public var model: String?
    /// Provider override.
    public var provider: String?

    /// Creates turn metadata.
    public init(
        handlingMode: HandlingMode? = nil,
        keepAlive: Bool? = nil,
        skillReferences: [String] = [],
        additionalInstructions: [String] = [],
        model: String? = nil,
        provider: String? = nil
    ) {
        self.handlingMode = handlingMode
        self.keepAlive = keepAlive
        self.skillReferences = skillReferences
        self.additionalInstructions = additionalInstructions
        self.model = model
        self.provider = provider
    }

    /// Merges a later input's metadata into this batch's: scalars last-wins, lists accumulate.
    public mutating func merge(_ later: RuntimeTurnMetadata) {
        handlingMode = later.handlingMode ?? handlingMode
        keepAlive = later.keepAlive ?? keepAlive
        skillReferences += later.skillReferences
        additionalInstructions += later.additionalInstructions
        model = later.model ?? model
        provider = later.provider ?? provider
    }
}
