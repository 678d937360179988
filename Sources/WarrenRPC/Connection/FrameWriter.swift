internal import NIOCore

/// Encodes outbound frames into one pending buffer, so a burst of frames costs one write and one flush.
struct FrameWriter {
    /// Checks headers against the client's maximum frame size (updated from its SETTINGS).
    var encoder = FrameEncoder()
    private let allocator: ByteBufferAllocator
    /// Frames encoded since the last flush.
    private var pending: ByteBuffer
    /// Whether HEADERS, MESSAGE or TRAILERS went out since the last PING received (PING policing, D27).
    var dataSentSinceLastPing = false

    /// Creates a writer allocating from `allocator`.
    init(allocator: ByteBufferAllocator) {
        self.allocator = allocator
        self.pending = allocator.buffer(capacity: 0)
    }

    /// Whether frames wait for a flush.
    var hasPending: Bool { self.pending.readableBytes > 0 }

    /// Encodes `frame` behind the pending ones; nothing is written if its header breaks a rule.
    mutating func append(_ frame: Frame) throws(FrameError) {
        try self.encoder.write(frame, into: &self.pending)
        switch frame.type {
        case .headers, .message, .trailers: self.dataSentSinceLastPing = true
        default: break
        }
    }

    /// Takes the pending bytes, leaving the writer empty.
    mutating func take() -> ByteBuffer {
        defer { self.pending = self.allocator.buffer(capacity: 0) }
        return self.pending
    }
}
