/// The peer channel a mob member exposes once it is ready (`peerReady`).
public struct OperationPeerHandle: Hashable, Sendable, Codable {
    /// A peer the owning session may trust for comms (the reference's `TrustedPeerSpec`).
    public struct TrustedPeer: Hashable, Sendable, Codable {
        /// The peer's name.
        public var name: String
        /// The peer's id.
        public var peerID: String
        /// Where the peer is reached.
        public var address: String

        /// Creates a trusted peer.
        public init(name: String, peerID: String, address: String) {
            self.name = name
            self.peerID = peerID
            self.address = address
        }

        private enum CodingKeys: String, CodingKey {
            case name
            case peerID = "peer_id"
            case address
        }
    }

    /// The name the owning session addresses the peer by.
    public var peerName: String
    /// The peer to trust.
    public var trustedPeer: TrustedPeer

    /// Creates a peer handle.
    public init(peerName: String, trustedPeer: TrustedPeer) {
        self.peerName = peerName
        self.trustedPeer = trustedPeer
    }

    private enum CodingKeys: String, CodingKey {
        case peerName = "peer_name"
        case trustedPeer = "trusted_peer"
    }
}
