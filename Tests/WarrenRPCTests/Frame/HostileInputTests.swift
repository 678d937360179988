import NIOCore
import Testing
import WarrenProto
import WarrenRPC

/// Random and corrupted bytes from a hostile peer: every input decodes or throws a typed error, never
/// crashes. Seeds are fixed, so any failure replays.
@Suite("Hostile input")
struct HostileInputTests {
    @Test("random bytes never crash the frame decoder", arguments: [1, 2, 3, 4] as [UInt64])
    func randomFrames(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        for _ in 0..<1_000 {
            let bytes = random.bytes(count: Int.random(in: 0...64, using: &random))
            Self.feedFrames(bytes, chunk: Int.random(in: 1...16, using: &random))
        }
    }

    @Test("corrupted valid frames never crash the frame decoder", arguments: [5, 6] as [UInt64])
    func corruptedFrames(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let frames = SampleFrames.all.map { Array($0.encoded.readableBytesView) }
        for _ in 0..<2_000 {
            var bytes = frames.randomElement(using: &random)!
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            Self.feedFrames(bytes, chunk: Int.random(in: 1...bytes.count, using: &random))
        }
    }

    @Test("random bytes never crash the preface decoder", arguments: [7, 8] as [UInt64])
    func randomPrefaces(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        for _ in 0..<2_000 {
            var bytes = [0x57, 0x52, 0x4E, 0x00, 0x00, 0x01, 0x00, 0x00] as [UInt8]
            bytes[Int.random(in: 0..<8, using: &random)] = UInt8.random(in: 0...255, using: &random)
            let count = Int.random(in: 0...8, using: &random)
            var buffer = ByteBuffer(bytes: bytes.prefix(count))
            var decoder = PrefaceDecoder()
            do {
                if let preface = try decoder.decode(buffer: &buffer) {
                    #expect(preface.version == 1 && buffer.readableBytes == 0)
                }
            } catch {
                #expect(buffer.readableBytes == count)
            }
        }
    }

    @Test("random payloads never crash the payload accessors", arguments: [9, 10] as [UInt64])
    func randomPayloads(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        for _ in 0..<1_000 {
            let payload = ByteBuffer(bytes: random.bytes(count: Int.random(in: 0...40, using: &random)))
            _ = try? Frame(type: .headers, streamID: 1, payload: payload).decodeCallHeaders()
            _ = try? Frame(type: .headers, streamID: 1, payload: payload).decodeResponseHeaders()
            _ = try? Frame(type: .trailers, streamID: 1, payload: payload).decodeStatus()
            _ = try? Frame(type: .settings, streamID: 0, payload: payload).decodeSettings()
            _ = try? Frame(type: .goAway, streamID: 0, payload: payload).decodeGoAway()
            _ = try? Frame(type: .windowUpdate, streamID: 0, payload: payload).decodeWindowIncrement()
            _ = try? Frame(type: .ping, streamID: 0, payload: payload).decodePingData()
        }
    }

    /// Feeds `bytes` to a fresh decoder in chunks; every frame it yields obeys its type's header rules.
    private static func feedFrames(_ bytes: [UInt8], chunk: Int) {
        var decoder = FrameDecoder(maxFrameSize: Frame.minimumMaxFrameSize)
        var buffer = ByteBuffer()
        do {
            for start in stride(from: 0, to: bytes.count, by: chunk) {
                buffer.writeBytes(bytes[start..<min(start + chunk, bytes.count)])
                for frame in try decoder.decodeAll(&buffer) {
                    #expect(frame.type.streamIDRule.permits(frame.streamID))
                    #expect(frame.type.allowedFlags.isSuperset(of: frame.flags))
                }
            }
        } catch {
            #expect(error.goAwayCode == .protocolError || error.goAwayCode == .frameTooLarge)
        }
    }
}
