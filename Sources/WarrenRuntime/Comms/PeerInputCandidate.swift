/// One drained unit of peer ingress: an interaction plus its ingress class (meerkat-core `PeerInputCandidate`).
public struct PeerInputCandidate: Hashable, Sendable {
    /// The interaction.
    public var interaction: PeerInteraction
    /// Its class, fixed at ingress.
    public var inputClass: PeerInputClass
    /// For lifecycle classes, the peer that was added, retired or unwired.
    public var lifecyclePeer: String?

    /// Creates a candidate.
    public init(interaction: PeerInteraction, inputClass: PeerInputClass, lifecyclePeer: String? = nil) {
        self.interaction = interaction
        self.inputClass = inputClass
        self.lifecyclePeer = lifecyclePeer
    }
}
