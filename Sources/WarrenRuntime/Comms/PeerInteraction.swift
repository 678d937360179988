extension IdentifierTag {
    /// Tags ``InteractionID``.
    public enum Interaction {}
}

/// The id of one comms interaction (a UUID); it becomes the correlation id of the input it maps to.
public typealias InteractionID = Identifier<IdentifierTag.Interaction>

/// One peer interaction as the comms inbox holds it (meerkat-core `InboxInteraction`).
public struct PeerInteraction: Hashable, Sendable {
    /// The interaction's id.
    public var id: InteractionID
    /// The sender; a leading "event:" names a plain event source (only the class decides how it maps).
    public var from: String
    /// Message, request or response.
    public var content: InteractionContent
    /// The LLM-facing text; empty means "derive the body from the content".
    public var renderedText: String
    /// Queue or steer, as the sender asked.
    public var handlingMode: HandlingMode
    /// Rendering hints, when the sender gave any.
    public var renderMetadata: InteractionRenderMetadata?

    /// Creates an interaction; by default a new id, no rendered text, queue handling and no render hints.
    public init(
        id: InteractionID = .make(),
        from: String,
        content: InteractionContent,
        renderedText: String = "",
        handlingMode: HandlingMode = .queue,
        renderMetadata: InteractionRenderMetadata? = nil
    ) {
        self.id = id
        self.from = from
        self.content = content
        self.renderedText = renderedText
        self.handlingMode = handlingMode
        self.renderMetadata = renderMetadata
    }
}

/// Rendering hints an interaction may carry (meerkat-core `RenderMetadata`).
///
/// Named apart from the proto's `RenderMetadata` so a file importing both modules stays unambiguous.
public struct InteractionRenderMetadata: Hashable, Sendable {
    /// What kind of content this renders as.
    public var renderClass: RenderClass
    /// How prominently it renders.
    public var salience: Salience

    /// Creates render hints; salience defaults to normal, as in the reference.
    public init(renderClass: RenderClass, salience: Salience = .normal) {
        self.renderClass = renderClass
        self.salience = salience
    }

    /// The reference's `RenderClass`.
    public enum RenderClass: String, Hashable, Sendable, CaseIterable {
        case userPrompt = "user_prompt"
        case peerMessage = "peer_message"
        case peerRequest = "peer_request"
        case peerResponse = "peer_response"
        case externalEvent = "external_event"
        case flowStep = "flow_step"
        case continuation
        case systemNotice = "system_notice"
        case toolScopeNotice = "tool_scope_notice"
        case opsProgress = "ops_progress"
    }

    /// The reference's `RenderSalience`.
    public enum Salience: String, Hashable, Sendable, CaseIterable {
        case background, normal, important, urgent
    }
}
