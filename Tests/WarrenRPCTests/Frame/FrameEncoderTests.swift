import NIOCore
import NIOEmbedded
import Testing
import WarrenRPC

/// `FrameEncoder` writes only frames the peer's decoder will accept.
@Suite("FrameEncoder")
struct FrameEncoderTests {
    @Test("until SETTINGS raise it, the peer's limit is the protocol minimum of 16 KiB")
    func defaultLimit() throws {
        var encoder = FrameEncoder()
        var buffer = ByteBuffer()
        let fits = Frame.message(streamID: 1, payload: ByteBuffer(repeating: 0, count: 16_384))
        let tooBig = Frame.message(streamID: 1, payload: ByteBuffer(repeating: 0, count: 16_385))
        try encoder.write(fits, into: &buffer)
        #expect(buffer.readableBytes == 10 + 16_384)
        #expect(throws: FrameError.frameTooLarge(declared: 16_385, limit: 16_384)) {
            try encoder.write(tooBig, into: &buffer)
        }
        encoder.maxFrameSize = Frame.defaultMaxFrameSize
        try encoder.write(tooBig, into: &buffer)
    }

    @Test(
        "a frame breaking a header rule is refused and nothing is written",
        arguments: [
            (
                Frame(type: .headers, streamID: 0),
                FrameError.badStreamID(.headers, streamID: 0, rule: .stream)
            ),
            (
                Frame(type: .ping, streamID: 0, payload: ByteBuffer(bytes: [1])),
                .badLength(.ping, length: 1, required: 8)
            ),
            (
                Frame(type: .trailers, flags: .endStream, streamID: 1),
                .badFlags(.trailers, flags: .endStream, allowed: [])
            ),
            (
                Frame(type: .settings, flags: .ack, streamID: 0, payload: ByteBuffer(bytes: [8, 1])),
                .badLength(.settings, length: 2, required: 0)
            ),
        ]
    )
    func refused(frame: Frame, error: FrameError) {
        var buffer = ByteBuffer()
        #expect(throws: error) { try FrameEncoder().write(frame, into: &buffer) }
        #expect(buffer.readableBytes == 0)
    }

    @Test("as a MessageToByteEncoder it writes frames to the channel")
    func inPipeline() throws {
        let channel = EmbeddedChannel(handler: MessageToByteHandler(FrameEncoder()))
        let frame = Frame.ping(PingData(7), ack: true)
        try channel.writeOutbound(frame)
        #expect(try channel.readOutbound(as: ByteBuffer.self) == frame.encoded)
        #expect(try channel.finish().isClean)
    }
}
