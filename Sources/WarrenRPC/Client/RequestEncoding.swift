internal import NIOCore
internal import WarrenProto

/// How a call's requests go on the wire: deflated from a size on (when the server inflates), within the
/// server's message and frame limits.
struct RequestEncoding: Sendable {
    /// Requests at least this large are deflated; nil deflates none.
    var compressionThreshold: Int?
    /// The largest request message the server accepts, when it announced one.
    var maxMessageSize: Int?
    /// The largest frame the server accepts.
    var maxFrameSize: Int

    /// The encoding for a call on a connection whose server announced `peer`.
    init(peer: ClientConnectionStateMachine.PeerSettings, compress: Bool, threshold: Int) {
        self.compressionThreshold = compress && peer.acceptsDeflate ? threshold : nil
        self.maxMessageSize = peer.maxMessageSize
        self.maxFrameSize = peer.maxFrameSize
    }

    /// The `message_encoding` announced in the call's HEADERS.
    var headerValue: String { self.compressionThreshold == nil ? "identity" : MessageCompression.encodingName }

    /// The payload and COMPRESSED flag for one request; RESOURCE_EXHAUSTED when it exceeds a server limit.
    func encode(_ message: ByteBuffer) throws(RPCError) -> (ByteBuffer, Bool) {
        if let limit = self.maxMessageSize, message.readableBytes > limit {
            throw RPCError(
                .resourceExhausted,
                "request of \(message.readableBytes) bytes exceeds the server's maximum message size of \(limit) bytes"
            )
        }
        guard let threshold = self.compressionThreshold, message.readableBytes >= threshold else {
            return try self.checkFrame(message, compressed: false)
        }
        let deflated = message.withUnsafeReadableBytes { MessageCompression.deflate($0) }
        return try self.checkFrame(ByteBuffer(bytes: deflated), compressed: true)
    }

    private func checkFrame(_ payload: ByteBuffer, compressed: Bool) throws(RPCError) -> (ByteBuffer, Bool) {
        guard payload.readableBytes <= self.maxFrameSize else {
            throw RPCError(
                .resourceExhausted,
                "request of \(payload.readableBytes) bytes exceeds the server's maximum frame size of \(self.maxFrameSize) bytes"
            )
        }
        return (payload, compressed)
    }
}
