import Testing
import WarrenProto

/// Per-message zlib compression and its hard inflate cap.
@Suite("Message compression")
struct CompressionTests {
    @Test("deflate then inflate returns the original bytes", arguments: [0, 1, 256, 100_000])
    func roundTrip(size: Int) throws {
        var rng = SplitMix64(seed: UInt64(size))
        let original = (0..<size).map { _ in UInt8.random(in: 0...15, using: &rng) }
        let compressed = MessageCompression.deflate(original)
        #expect(try MessageCompression.inflate(compressed, limit: size) == original)
    }

    @Test("a decompression bomb stops at the limit with limitExceeded")
    func bombHitsTheCap() throws {
        let bomb = MessageCompression.deflate([UInt8](repeating: 0, count: 64 << 20))
        #expect(bomb.count < 100_000)
        #expect(throws: CompressionError.limitExceeded(limit: 4 << 20)) {
            try MessageCompression.inflate(bomb, limit: 4 << 20)
        }
    }

    @Test("output of exactly the limit is allowed, one byte more is not")
    func limitIsInclusive() throws {
        let compressed = MessageCompression.deflate([UInt8](repeating: 7, count: 1000))
        #expect(try MessageCompression.inflate(compressed, limit: 1000).count == 1000)
        #expect(throws: CompressionError.limitExceeded(limit: 999)) {
            try MessageCompression.inflate(compressed, limit: 999)
        }
    }

    @Test("corrupt and truncated streams are refused as corrupt")
    func corruptStreams() throws {
        let compressed = MessageCompression.deflate([UInt8](repeating: 1, count: 5000))
        #expect(throws: CompressionError.corrupt) { try MessageCompression.inflate([1, 2, 3, 4], limit: 1 << 20) }
        #expect(throws: CompressionError.corrupt) {
            try MessageCompression.inflate(Array(compressed.dropLast(3)), limit: 1 << 20)
        }
        #expect(throws: CompressionError.corrupt) { try MessageCompression.inflate([], limit: 1 << 20) }
    }

    @Test("a compressed message decodes to the same message")
    func compressedMessage() throws {
        var g = ValueGenerator(mode: .maximal, seed: 3)
        let message = CallHeaders.arbitrary(&g, oneofChoice: nil)
        let bytes = try message.serializedBytes()
        let restored = try MessageCompression.inflate(MessageCompression.deflate(bytes), limit: bytes.count)
        #expect(try CallHeaders(serializedBytes: restored) == message)
    }
}
