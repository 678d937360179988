/// What an interaction carries (meerkat-core `InteractionContent`).
public enum InteractionContent: Hashable, Sendable {
    /// A message: text plus optional multimodal blocks.
    case message(body: String, blocks: [ContentBlock] = [])
    /// A request: an intent and its parameters as UTF-8 JSON.
    case request(intent: String, paramsJSON: [UInt8])
    /// A response to an earlier request: its status and result as UTF-8 JSON.
    case response(inReplyTo: InteractionID, status: PeerResponseStatus, resultJSON: [UInt8])
}

/// The status of a peer response (meerkat-core `ResponseStatus`).
public enum PeerResponseStatus: String, Hashable, Sendable, CaseIterable {
    /// The request was accepted and is being worked on (progress, not terminal).
    case accepted
    /// The request completed.
    case completed
    /// The request failed.
    case failed

    /// Completed and failed end the request; accepted is progress.
    public var isTerminal: Bool { self != .accepted }
}
