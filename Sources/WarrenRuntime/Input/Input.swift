/// Something submitted to a runtime: one of six variants, each with an ``InputHeader`` (input-spec §1.3).
public enum Input: Hashable, Sendable, Codable {
    /// A prompt from an operator or surface.
    case prompt(PromptInput)
    /// A message, request or response from a peer agent.
    case peer(PeerInput)
    /// A step of a flow.
    case flowStep(FlowStepInput)
    /// An event from an external source.
    case externalEvent(ExternalEventInput)
    /// A system continuation (resume pending work).
    case continuation(ContinuationInput)
    /// An ops lifecycle event (consumed on accept).
    case operation(OperationInput)

    /// The shared header.
    public var header: InputHeader {
        get {
            switch self {
            case .prompt(let input): input.header
            case .peer(let input): input.header
            case .flowStep(let input): input.header
            case .externalEvent(let input): input.header
            case .continuation(let input): input.header
            case .operation(let input): input.header
            }
        }
        set {
            switch self {
            case .prompt(var input): input.header = newValue; self = .prompt(input)
            case .peer(var input): input.header = newValue; self = .peer(input)
            case .flowStep(var input): input.header = newValue; self = .flowStep(input)
            case .externalEvent(var input): input.header = newValue; self = .externalEvent(input)
            case .continuation(var input): input.header = newValue; self = .continuation(input)
            case .operation(var input): input.header = newValue; self = .operation(input)
            }
        }
    }

    /// The input's id.
    public var id: InputID { header.id }

    /// The policy key (input-spec §1.4).
    public var kind: InputKind {
        switch self {
        case .prompt: .prompt
        case .peer(let input):
            switch input.convention {
            case .request: .peerRequest
            case .responseProgress: .peerResponseProgress
            case .responseTerminal: .peerResponseTerminal
            case .message, nil: .peerMessage
            }
        case .flowStep: .flowStep
        case .externalEvent: .externalEvent
        case .continuation: .continuation
        case .operation: .operation
        }
    }

    /// The input's own handling-mode hint, which overrides the kind's default policy.
    public var handlingMode: HandlingMode? {
        switch self {
        case .prompt(let input): input.turnMetadata?.handlingMode
        case .peer(let input): input.handlingMode
        case .flowStep(let input): input.turnMetadata?.handlingMode
        case .externalEvent(let input): input.handlingMode
        case .continuation(let input): input.handlingMode
        case .operation: nil
        }
    }

    /// Continuations resume pending work; everything else is a content turn.
    public var executionKind: RuntimeExecutionKind {
        if case .continuation = self { return .resumePending }
        return .contentTurn
    }

    /// The text an executor sees for this input: prompt text, peer body, step instructions, event body.
    public var text: String {
        switch self {
        case .prompt(let input): input.text
        case .peer(let input): input.body
        case .flowStep(let input): input.instructions
        case .externalEvent(let input): String(decoding: input.payloadJSON, as: UTF8.self)
        case .continuation(let input): input.reason
        case .operation: ""
        }
    }

    /// Whether this is a prompt (prompts always get a run of their own).
    public var isPrompt: Bool {
        if case .prompt = self { return true }
        return false
    }
}

/// The policy key of an input (input-spec §1.4).
public enum InputKind: String, Hashable, Sendable, CaseIterable, Codable {
    case prompt
    case peerMessage = "peer_message"
    case peerRequest = "peer_request"
    case peerResponseProgress = "peer_response_progress"
    case peerResponseTerminal = "peer_response_terminal"
    case flowStep = "flow_step"
    case externalEvent = "external_event"
    case continuation
    case operation
}

/// Queue or steer: the handling hint an input may carry.
public enum HandlingMode: String, Hashable, Sendable, CaseIterable, StoredByName {
    /// Wait for the next turn (the default).
    case queue
    /// Steer the current turn at its next checkpoint.
    case steer
}

/// What kind of turn a run is.
public enum RuntimeExecutionKind: Hashable, Sendable {
    /// A turn with new content.
    case contentTurn
    /// Resuming pending work (a batch made only of continuations).
    case resumePending
}
