import NIOCore
import Testing
import WarrenProto

/// Property-based round trips of every message type of the schema through libprotobuf-c.
@Suite("Codec round trip")
struct CodecRoundTripTests {
    static let seeds: [UInt64] = Array(1...40)

    @Test("every message survives encode then decode with empty, maximal and random contents")
    func everyMessageRoundTrips() throws {
        for type in allArbitraryMessageTypes {
            try Self.checkRoundTrips(type)
        }
    }

    @Test("decoding through a ByteBuffer matches decoding from bytes, and serialize(into:) appends")
    func byteBufferPathMatchesArrayPath() throws {
        for type in allArbitraryMessageTypes {
            try Self.checkByteBuffer(type)
        }
    }

    @Test("the schema has messages and the registry lists every generated type")
    func registryListsEveryType() {
        #expect(allArbitraryMessageTypes.count == ProtoRegistry.messageTypes.count)
        for type in allArbitraryMessageTypes {
            #expect(ProtoRegistry.messageTypes[type.protoName] == type)
        }
    }

    static func samples<M: ArbitraryMessage>(_ type: M.Type) -> [M] {
        var result: [M] = []
        for mode in [ValueGenerator.Mode.empty, .maximal] {
            var g = ValueGenerator(mode: mode, seed: 0)
            result.append(M.arbitrary(&g, oneofChoice: nil))
        }
        for seed in seeds {
            var g = ValueGenerator(mode: .random, seed: seed)
            result.append(M.arbitrary(&g, oneofChoice: nil))
        }
        for choice in 0..<M.oneofChoiceCount {
            for mode in [ValueGenerator.Mode.empty, .maximal, .random] {
                var g = ValueGenerator(mode: mode, seed: UInt64(choice))
                result.append(M.arbitrary(&g, oneofChoice: choice))
            }
        }
        return result
    }

    static func checkRoundTrips<M: ArbitraryMessage>(_ type: M.Type) throws {
        for (index, original) in samples(type).enumerated() {
            let bytes = try original.serializedBytes()
            let decoded = try M(serializedBytes: bytes)
            #expect(decoded == original, "\(M.protoName) sample \(index) changed in a round trip")
            #expect(try decoded.serializedBytes() == bytes, "\(M.protoName) sample \(index) re-encodes differently")
            #expect(try original.serializedSize() == bytes.count)
        }
    }

    static func checkByteBuffer<M: ArbitraryMessage>(_ type: M.Type) throws {
        for original in samples(type).prefix(8) {
            var buffer = ByteBuffer(bytes: [0xAA, 0xBB])
            let written = try original.serialize(into: &buffer)
            #expect(buffer.readableBytes == written + 2)
            buffer.moveReaderIndex(forwardBy: 2)
            #expect(try M(buffer: buffer) == original)
            #expect(Array(buffer.readableBytesView) == (try original.serializedBytes()))
        }
    }
}
