package import NIOCore

/// Writes ``Frame``s straight into an outbound `ByteBuffer`, refusing any that breaks the header rules.
///
/// The connection handler keeps one encoder and sets ``maxFrameSize`` from the peer's SETTINGS; as a
/// `MessageToByteEncoder` it also works inside a `MessageToByteHandler`. The encoder checks the header
/// (size, fixed length, flags, stream id) exactly as ``FrameDecoder`` will on the other side, but does
/// not look inside payloads: the typed constructors on ``Frame`` build those.
package struct FrameEncoder: MessageToByteEncoder {
    /// The encoder takes frames.
    package typealias OutboundIn = Frame

    /// The largest payload the peer accepts: its advertised `max_frame_size`, and until that arrives
    /// ``Frame/minimumMaxFrameSize``, which every peer accepts.
    package var maxFrameSize: UInt32

    /// Creates an encoder for a peer that accepts payloads of up to `maxFrameSize` bytes.
    package init(maxFrameSize: UInt32 = Frame.minimumMaxFrameSize) {
        self.maxFrameSize = maxFrameSize
    }

    /// Appends `frame`'s header and payload to `buffer`; nothing is written if it throws.
    ///
    /// - Throws: ``FrameError/frameTooLarge(declared:limit:)`` when the payload exceeds ``maxFrameSize``,
    ///   or the ``FrameError`` of the first header rule `frame` breaks.
    package func write(_ frame: Frame, into buffer: inout ByteBuffer) throws(FrameError) {
        buffer.reserveCapacity(minimumWritableBytes: FrameHeader.byteCount + frame.payload.readableBytes)
        try self.writeHeader(of: frame, into: &buffer)
        buffer.writeImmutableBuffer(frame.payload)
    }

    /// Appends only `frame`'s header, checked as ``write(_:into:)`` checks it: the caller sends the payload
    /// right after it.
    package func writeHeader(of frame: Frame, into buffer: inout ByteBuffer) throws(FrameError) {
        let length = frame.payload.readableBytes
        guard length <= Int(self.maxFrameSize) else {
            throw .frameTooLarge(declared: length, limit: Int(self.maxFrameSize))
        }
        let header = FrameHeader(
            length: UInt32(length),
            type: frame.type,
            flags: frame.flags,
            streamID: frame.streamID
        )
        try header.validate(maxFrameSize: self.maxFrameSize)
        header.write(into: &buffer)
    }

    /// `MessageToByteEncoder` entry point: ``write(_:into:)``.
    package func encode(data: Frame, out: inout ByteBuffer) throws(FrameError) {
        try self.write(data, into: &out)
    }
}
