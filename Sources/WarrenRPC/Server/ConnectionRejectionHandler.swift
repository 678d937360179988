internal import NIOCore
internal import WarrenProto

/// Answers a connection the server will not serve (over the connection limit) with one GOAWAY and a close,
/// without waiting for its preface: the client learns why, and the server spends nothing more on it.
final class ConnectionRejectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let goAway: GoAway

    /// Creates a handler sending GOAWAY NO_ERROR with `reason`.
    init(reason: String) {
        self.goAway = GoAway(lastStreamID: 0, code: .noError, message: reason)
    }

    func channelActive(context: ChannelHandlerContext) {
        var bytes = context.channel.allocator.buffer(capacity: 64)
        if let frame = try? Frame.goAway(self.goAway) { try? FrameEncoder().write(frame, into: &bytes) }
        context.writeAndFlush(self.wrapOutboundOut(bytes)).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
}
