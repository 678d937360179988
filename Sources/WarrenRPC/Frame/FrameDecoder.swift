package import NIOCore

/// Cuts an inbound byte stream into ``Frame``s, rejecting a bad header before waiting for its payload.
///
/// States:
/// - `awaitingHeader`: fewer than 10 bytes of the next frame have arrived; nothing is consumed.
/// - `awaitingPayload`: a header passed ``FrameHeader/validate(maxFrameSize:)`` and was consumed; the
///   decoder waits until its whole payload is readable, then yields the frame.
/// - `failed`: a header broke a rule. The error is thrown once and again on every later call, so a
///   broken stream can never resynchronise on garbage.
///
/// Because the header is checked as soon as its 10 bytes are present, a frame declaring a payload over
/// `maxFrameSize` is refused without buffering any of it. Frames of unknown types are checked for size
/// only and yielded as ``FrameType/unknown(_:)`` so the connection can skip them.
package struct FrameDecoder: NIOSingleStepByteToMessageDecoder {
    /// The decoder yields frames.
    package typealias InboundOut = Frame

    /// Where the decoder is in the frame it is reading.
    private enum State {
        case awaitingHeader
        case awaitingPayload(FrameHeader)
        case failed(FrameError)
    }

    /// The largest payload accepted: the `max_frame_size` this side advertises in SETTINGS.
    package let maxFrameSize: UInt32

    private var state: State = .awaitingHeader

    /// Creates a decoder accepting payloads of up to `maxFrameSize` bytes.
    ///
    /// - Precondition: `maxFrameSize` is at least ``Frame/minimumMaxFrameSize``.
    package init(maxFrameSize: UInt32 = Frame.defaultMaxFrameSize) {
        precondition(
            maxFrameSize >= Frame.minimumMaxFrameSize,
            "max frame size \(maxFrameSize) is below the protocol minimum \(Frame.minimumMaxFrameSize)"
        )
        self.maxFrameSize = maxFrameSize
    }

    /// Yields the next frame, or nil until its bytes have all arrived.
    ///
    /// - Throws: the ``FrameError`` of the first header that breaks a rule, then the same error forever.
    package mutating func decode(buffer: inout ByteBuffer) throws(FrameError) -> Frame? {
        switch self.state {
        case .failed(let error):
            throw error
        case .awaitingHeader:
            guard let header = try self.readHeader(from: &buffer) else { return nil }
            return self.readPayload(of: header, from: &buffer)
        case .awaitingPayload(let header):
            return self.readPayload(of: header, from: &buffer)
        }
    }

    /// Decodes what remains at the end of the stream; an incomplete frame is left for NIO to report.
    package mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws(FrameError) -> Frame? {
        try self.decode(buffer: &buffer)
    }

    /// Reads and validates a header, moving to `awaitingPayload`, or returns nil if it is incomplete.
    private mutating func readHeader(from buffer: inout ByteBuffer) throws(FrameError) -> FrameHeader? {
        guard let header = FrameHeader.read(from: &buffer) else { return nil }
        do {
            try header.validate(maxFrameSize: self.maxFrameSize)
        } catch {
            self.state = .failed(error)
            throw error
        }
        self.state = .awaitingPayload(header)
        return header
    }

    /// Takes the payload of `header` once it is all readable, moving back to `awaitingHeader`.
    private mutating func readPayload(of header: FrameHeader, from buffer: inout ByteBuffer) -> Frame? {
        guard let payload = buffer.readSlice(length: Int(header.length)) else { return nil }
        self.state = .awaitingHeader
        return Frame(type: header.type, flags: header.flags, streamID: header.streamID, payload: payload)
    }
}
