internal import NIOCore

/// Encodes outbound frames into pending buffers, so a burst of frames costs one gathered write and one flush.
///
/// Small frames are copied behind each other into one buffer. A payload of ``gatherThreshold`` bytes or
/// more (a batch of events, a large message) is not copied: its header closes the buffer before it and
/// the payload follows as a buffer of its own, which the socket's gathering write sends as it is (D123).
struct FrameWriter {
    /// The smallest payload passed to the socket as it is rather than copied.
    static let gatherThreshold = 4 * 1024

    /// Checks headers against the client's maximum frame size (updated from its SETTINGS).
    var encoder = FrameEncoder()
    private let allocator: ByteBufferAllocator
    /// Buffers complete since the last flush, in order, before ``pending``.
    private var ready: [ByteBuffer] = []
    /// Small frames encoded since the last complete buffer.
    private var pending: ByteBuffer
    /// Whether HEADERS, MESSAGE or TRAILERS went out since the last PING received (PING policing, D27).
    var dataSentSinceLastPing = false

    /// Creates a writer allocating from `allocator`.
    init(allocator: ByteBufferAllocator) {
        self.allocator = allocator
        self.pending = allocator.buffer(capacity: 0)
    }

    /// Whether frames wait for a flush.
    var hasPending: Bool { !self.ready.isEmpty || self.pending.readableBytes > 0 }

    /// Encodes `frame` behind the pending ones; nothing is written if its header breaks a rule.
    mutating func append(_ frame: Frame) throws(FrameError) {
        if frame.payload.readableBytes >= Self.gatherThreshold {
            try self.encoder.writeHeader(of: frame, into: &self.pending)
            self.ready.append(self.pending)
            self.ready.append(frame.payload)
            self.pending = self.allocator.buffer(capacity: 0)
        } else {
            try self.encoder.write(frame, into: &self.pending)
        }
        switch frame.type {
        case .headers, .message, .trailers: self.dataSentSinceLastPing = true
        default: break
        }
    }

    /// Takes the pending buffers in order, leaving the writer empty.
    mutating func take() -> [ByteBuffer] {
        var buffers = self.ready
        if self.pending.readableBytes > 0 { buffers.append(self.pending) }
        self.ready.removeAll()
        self.pending = self.allocator.buffer(capacity: 0)
        return buffers
    }
}
