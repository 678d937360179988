internal import NIOCore

/// The server's view of its inbound bytes: the 8-byte preface once, then frames.
///
/// One decoder with two phases, so a single `NIOSingleStepByteToMessageProcessor` keeps the bytes that follow
/// the preface in the same segment for the frame decoder.
struct ServerInboundDecoder: NIOSingleStepByteToMessageDecoder {
    /// What the decoder yields.
    enum Inbound {
        case preface(Preface)
        case frame(Frame)
    }

    typealias InboundOut = Inbound

    /// The preface decoder until the preface has arrived, nil afterwards.
    private var preface: PrefaceDecoder?
    private var frames: FrameDecoder

    /// Creates a decoder accepting frames of up to `maxFrameSize` payload bytes.
    init(maxFrameSize: UInt32) {
        self.preface = PrefaceDecoder()
        self.frames = FrameDecoder(maxFrameSize: maxFrameSize)
    }

    /// Yields the preface, then frames; throws a `PrefaceError` or a `FrameError`.
    mutating func decode(buffer: inout ByteBuffer) throws -> Inbound? {
        if var prefaceDecoder = self.preface {
            guard let preface = try prefaceDecoder.decode(buffer: &buffer) else { return nil }
            self.preface = nil
            return .preface(preface)
        }
        return try self.frames.decode(buffer: &buffer).map(Inbound.frame)
    }

    /// Decodes what remains at the end of the stream.
    mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> Inbound? {
        try self.decode(buffer: &buffer)
    }
}
