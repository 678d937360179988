import NIOCore
import Testing

@testable import WarrenRPC

/// The connection's outbound frames: copied together when small, a large payload handed on as it is.
@Suite("FrameWriter")
struct FrameWriterTests {
    private static let large = ByteBuffer(repeating: 0xCD, count: FrameWriter.gatherThreshold)

    private static func written(_ buffers: [ByteBuffer]) -> ByteBuffer {
        var all = ByteBuffer()
        for var buffer in buffers { all.writeBuffer(&buffer) }
        return all
    }

    @Test("the buffers taken are the frames' encodings in order, whatever their sizes")
    func sameBytes() throws {
        let frames =
            SampleFrames.all + [
                .message(streamID: 3, payload: Self.large),
                .message(streamID: 3, payload: Self.large, endStream: true),
            ] + SampleFrames.all
        var writer = FrameWriter(allocator: ByteBufferAllocator())
        writer.encoder.maxFrameSize = 1 << 20
        for frame in frames { try writer.append(frame) }
        #expect(writer.hasPending)
        let buffers = writer.take()
        #expect(!writer.hasPending)
        #expect(writer.take().isEmpty)
        #expect(Self.written(buffers) == Self.written(frames.map(\.encoded)))
    }

    @Test("a large payload is passed on without a copy; small ones share one buffer")
    func largePayloadNotCopied() throws {
        var writer = FrameWriter(allocator: ByteBufferAllocator())
        writer.encoder.maxFrameSize = 1 << 20
        try writer.append(.message(streamID: 1, payload: ByteBuffer(bytes: [1, 2, 3])))
        try writer.append(.message(streamID: 1, payload: Self.large))
        try writer.append(.message(streamID: 1, payload: ByteBuffer(bytes: [4])))
        let buffers = writer.take()
        #expect(
            buffers.map(\.readableBytes) == [
                2 * FrameHeader.byteCount + 3, Self.large.readableBytes, FrameHeader.byteCount + 1,
            ]
        )
        let shared = buffers[1].withUnsafeReadableBytes { sent in
            Self.large.withUnsafeReadableBytes { sent.baseAddress == $0.baseAddress }
        }
        #expect(shared, "the large payload is the frame's own storage")
    }

    @Test("a frame whose header breaks a rule leaves nothing behind")
    func refusedFrame() throws {
        var writer = FrameWriter(allocator: ByteBufferAllocator())
        let tooLarge = ByteBuffer(repeating: 0xCD, count: Int(writer.encoder.maxFrameSize) + 1)
        #expect(throws: FrameError.self) { try writer.append(.message(streamID: 1, payload: tooLarge)) }
        #expect(!writer.hasPending)
    }
}
