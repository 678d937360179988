import Testing
import WarrenProto

/// Bytes from a hostile or broken peer: every case is a thrown, explained error or a clean decode,
/// never a crash (the suite also runs under AddressSanitizer in CI, which catches leaks).
@Suite("Hostile bytes")
struct HostileBytesTests {
    static func decodingError(_ bytes: [UInt8]) -> ProtoDecodingError? {
        do {
            _ = try CallHeaders(serializedBytes: bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test("an empty input decodes to the default message")
    func emptyInputIsDefault() throws {
        #expect(try CallHeaders(serializedBytes: []) == CallHeaders())
    }

    @Test("a string field sent as a varint is a wire-type error naming the field")
    func wrongWireType() throws {
        let error = try #require(Self.decodingError([0x08, 0x01]))
        #expect(error.kind == .malformed)
        #expect(error.message.contains("warren.v1.CallHeaders.method (#1)"))
        #expect(error.message.contains("wire type varint, expected length-delimited"))
    }

    @Test("a length prefix pointing past the end is reported with both sizes")
    func lengthPastEnd() throws {
        let error = try #require(Self.decodingError([0x0A, 0x05, 0x61]))
        #expect(error.kind == .malformed)
        #expect(error.message.contains("declares 5 bytes but only 1 remain"))
    }

    @Test("a huge declared length is refused without allocating it")
    func hugeDeclaredLength() throws {
        let error = try #require(Self.decodingError([0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x61]))
        #expect(error.kind == .malformed)
        #expect(error.message.contains("declares 4294967295 bytes"))
    }

    @Test("an over-long varint and a truncated varint are malformed")
    func badVarints() throws {
        let overLong = try #require(Self.decodingError([0x10] + [UInt8](repeating: 0xFF, count: 11)))
        #expect(overLong.message.contains("over-long varint"))
        let truncated = try #require(Self.decodingError([0x10, 0xFF, 0xFF]))
        #expect(truncated.message.contains("truncated varint"))
    }

    @Test(
        "group wire types and field number 0 are rejected",
        arguments: [[0x0B, 0x0C], [0x00, 0x01], [0x0F]] as [[UInt8]]
    )
    func unsupportedTags(bytes: [UInt8]) throws {
        let error = try #require(Self.decodingError(bytes))
        #expect(error.kind == .malformed)
        #expect(!error.message.isEmpty)
    }

    @Test(
        "a string that is not UTF-8 is an invalid-string error",
        arguments: [[0xC3, 0x28], [0xED, 0xA0, 0x80], [0xFF], [0xE2, 0x82]] as [[UInt8]]
    )
    func invalidUTF8(bytes: [UInt8]) throws {
        let error = try #require(Self.decodingError([0x0A, UInt8(bytes.count)] + bytes))
        #expect(error.kind == .invalidString)
        #expect(error.message.contains("method"))
    }

    @Test("a NUL inside a string is refused when decoding and when encoding")
    func embeddedNUL() throws {
        let error = try #require(Self.decodingError([0x0A, 0x03, 0x61, 0x00, 0x62]))
        #expect(error.kind == .invalidString)
        #expect(error.message.contains("NUL"))
        #expect(throws: ProtoEncodingError.self) { try CallHeaders(method: "a\u{0}b").serializedBytes() }
        #expect(throws: ProtoEncodingError.self) { try CallHeaders(metadata: ["k": "\u{0}"]).serializedBytes() }
    }

    @Test("unknown fields are skipped, so newer peers stay compatible")
    func unknownFieldsAreSkipped() throws {
        let known = CallHeaders(method: "/warren.v1.Health/Check", timeoutMs: 250)
        let unknown: [UInt8] = [0xF8, 0x06, 0x2A] + [0xFA, 0x06, 0x03, 0x01, 0x02, 0x03] + [0xFD, 0x06, 1, 2, 3, 4]
        let decoded = try CallHeaders(serializedBytes: try known.serializedBytes() + unknown)
        #expect(decoded == known)
    }

    @Test("deeply nested bytes in an unknown field neither recurse nor fail")
    func deeplyNestedUnknownField() throws {
        var nested: [UInt8] = [0x08, 0x01]
        for _ in 0..<2_000 {
            nested = [0x0A] + Self.varint(UInt64(nested.count)) + nested
        }
        let bytes = [0xFA, 0x06] + Self.varint(UInt64(nested.count)) + nested
        #expect(try CallHeaders(serializedBytes: bytes) == CallHeaders())
    }

    @Test("garbage inside a known submessage names the inner message")
    func garbageInSubmessage() throws {
        let inner: [UInt8] = [0x12, 0x09, 0x61]  // a length past the end inside Status.details (#3)
        let bytes: [UInt8] = [0x1A, UInt8(inner.count)] + inner
        do {
            _ = try Status(serializedBytes: bytes)
            Issue.record("garbage in Status.details decoded")
        } catch {
            #expect(error.kind == .malformed)
            #expect(error.message.contains("warren.v1.ErrorDetail"))
        }
    }

    @Test("every truncation of every message either decodes or throws; none crashes")
    func truncationsNeverCrash() throws {
        for type in allArbitraryMessageTypes {
            try Self.truncate(type)
        }
    }

    @Test("random bytes for every message type either decode or throw; none crashes")
    func randomBytesNeverCrash() throws {
        var rng = SplitMix64(seed: 0xBAD_B17E5)
        for type in allArbitraryMessageTypes {
            for _ in 0..<200 {
                let bytes = (0..<Int.random(in: 0...64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng)
                }
                Self.decodeAnything(type, bytes)
            }
        }
    }

    static func truncate<M: ArbitraryMessage>(_ type: M.Type) throws {
        var g = ValueGenerator(mode: .maximal, seed: 1)
        let bytes = try M.arbitrary(&g, oneofChoice: nil).serializedBytes()
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            decodeAnything(type, Array(bytes[0..<length]))
        }
    }

    static func decodeAnything<M: ProtoMessage>(_ type: M.Type, _ bytes: [UInt8]) {
        do {
            let message = try M(serializedBytes: bytes)
            _ = try? message.serializedBytes()
        } catch {
            #expect(!error.message.isEmpty)
        }
    }

    static func varint(_ value: UInt64) -> [UInt8] {
        var value = value
        var out: [UInt8] = []
        while value >= 0x80 {
            out.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        return out + [UInt8(value)]
    }
}
