import NIOCore
import Testing
import WarrenProto
import WarrenRPC
import WarrenRuntime

@testable import WarrenServer

/// Events encoded once for all their subscribers (D122).
@Suite("Encoded event cache")
struct EncodedEventCacheTests {
    private static func envelope(at position: UInt64, code: String) -> WarrenRuntime.RuntimeEventEnvelope {
        WarrenRuntime.RuntimeEventEnvelope(
            position: position,
            sequence: position,
            eventID: Fixture.eventID,
            timestamp: Fixture.time,
            runtimeID: Fixture.sessionID.runtimeID,
            causationID: nil,
            correlationID: nil,
            event: .published(code: code, payload: [1, 2, 3], contentType: "text/plain", attributes: [:])
        )
    }

    /// The envelope a cached response carries.
    private static func decoded(_ bytes: ByteBuffer) throws -> WarrenRuntime.RuntimeEventEnvelope? {
        guard case .envelope(let wire)? = try MessageCoding.decode(SubscribeResponse.self, from: bytes).item else {
            return nil
        }
        return try WarrenRuntime.RuntimeEventEnvelope(wire: wire, field: "envelope")
    }

    @Test("a response carries its event, and a second subscriber gets the same bytes without encoding again")
    func sharedBytes() throws {
        let cache = EncodedEventCache()
        let envelope = Self.envelope(at: 7, code: "first")
        let first = try cache.response(for: envelope)
        let second = try cache.response(for: envelope)
        #expect(try Self.decoded(first) == envelope)
        #expect(first == second)
        let sameStorage = first.withUnsafeReadableBytes { a in
            second.withUnsafeReadableBytes { a.baseAddress == $0.baseAddress }
        }
        #expect(sameStorage, "the second response shares the first one's storage")
    }

    @Test("positions that share a slot each get their own event")
    func slotCollision() throws {
        let cache = EncodedEventCache()
        let older = Self.envelope(at: 3, code: "older")
        let newer = Self.envelope(at: 3 + UInt64(EncodedEventCache.capacity), code: "newer")
        _ = try cache.response(for: older)
        #expect(try Self.decoded(cache.response(for: newer)) == newer)
        #expect(try Self.decoded(cache.response(for: older)) == older)
    }
}
