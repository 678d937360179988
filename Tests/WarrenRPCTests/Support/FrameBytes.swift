import NIOCore
import WarrenRPC

extension Frame {
    /// The frame's wire bytes, written by an encoder that allows the default maximum frame size.
    var encoded: ByteBuffer {
        var buffer = ByteBuffer()
        try! FrameEncoder(maxFrameSize: Frame.defaultMaxFrameSize).write(self, into: &buffer)
        return buffer
    }
}

/// Builds raw frame bytes by hand, for headers no encoder would write.
enum RawFrame {
    /// A 10-byte header, followed by `payloadLength` zero bytes when `withPayload` is true.
    static func bytes(
        length: UInt32,
        type: UInt8,
        flags: UInt8 = 0,
        streamID: UInt32,
        withPayload: Bool = false
    ) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeMultipleIntegers(length, type, flags, streamID, endianness: .big)
        if withPayload {
            buffer.writeRepeatingByte(0, count: Int(length))
        }
        return buffer
    }
}

extension ByteBuffer {
    /// The readable bytes as upper-case hex pairs separated by spaces, such as `00 0A FF`.
    var hexDump: String {
        self.readableBytesView.map { byte in
            let text = String(byte, radix: 16, uppercase: true)
            return byte < 0x10 ? "0" + text : text
        }.joined(separator: " ")
    }
}

extension FrameDecoder {
    /// Decodes every frame in `buffer`, stopping at the first incomplete one.
    mutating func decodeAll(_ buffer: inout ByteBuffer) throws(FrameError) -> [Frame] {
        var frames: [Frame] = []
        while let frame = try self.decode(buffer: &buffer) {
            frames.append(frame)
        }
        return frames
    }
}
