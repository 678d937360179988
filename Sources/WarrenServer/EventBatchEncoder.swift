import NIOCore

/// Packs encoded one-event `SubscribeResponse`s into one response carrying a `batch` item, without encoding
/// any event again (D123).
///
/// A `SubscribeResponse` whose item is `envelope` (field 1) is, byte for byte, an `EnvelopeBatch` holding
/// that envelope (its `envelopes` is field 1 too), so a batch's body is the cached responses laid end to
/// end. They are copied straight behind room left for the `batch` field's tag and length, which are
/// written in front of the body once it is complete.
struct EventBatchEncoder {
    /// The most body bytes in one batch; a single larger event still goes alone.
    static let maxBytes = 64 * 1024
    /// `SubscribeResponse.batch`: field 4, length-delimited.
    private static let batchTag: UInt8 = 4 << 3 | 2
    /// Room for the tag and a length of up to 2^35 - 1 bytes as a varint.
    private static let prefixRoom = 6

    private let expectedEvents: Int
    private var message = ByteBuffer()

    /// An empty batch about to receive about `expectedEvents` events (a hint for its first allocation).
    init(expectedEvents: Int) {
        self.expectedEvents = max(1, expectedEvents)
    }

    /// Whether no event was added.
    var isEmpty: Bool { self.bodyBytes == 0 }

    private var bodyBytes: Int { max(0, self.message.readableBytes - Self.prefixRoom) }

    /// Adds an encoded `SubscribeResponse` whose item is `envelope`; false, adding nothing, when it would take
    /// a non-empty batch past ``maxBytes``.
    mutating func append(_ response: ByteBuffer) -> Bool {
        let size = response.readableBytes
        if self.isEmpty {
            let capacity = min(Self.maxBytes, self.expectedEvents * size)
            self.message.clear(minimumCapacity: Self.prefixRoom + max(capacity, size))
            self.message.writeRepeatingByte(0, count: Self.prefixRoom)
        } else if self.bodyBytes + size > Self.maxBytes {
            return false
        }
        // Through a pointer: `writeImmutableBuffer` would retain the shared buffer, a write to a reference
        // count that every subscriber's core contends for.
        _ = response.withUnsafeReadableBytes { self.message.writeBytes($0) }
        return true
    }

    /// The encoded `SubscribeResponse` carrying every event added, in order; the encoder is empty after.
    mutating func take() -> ByteBuffer {
        var length = UInt64(self.bodyBytes)
        var varint: [UInt8] = []
        repeat {
            varint.append(UInt8(truncatingIfNeeded: length & 0x7F) | (length >= 0x80 ? 0x80 : 0))
            length >>= 7
        } while length > 0
        let start = Self.prefixRoom - varint.count - 1
        self.message.setInteger(Self.batchTag, at: self.message.readerIndex + start)
        self.message.setBytes(varint, at: self.message.readerIndex + start + 1)
        self.message.moveReaderIndex(forwardBy: start)
        defer { self.message = ByteBuffer() }
        return self.message
    }
}
