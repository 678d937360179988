import NIOCore
import Testing
import WarrenProto
import WarrenRPC
import WarrenRuntime

@testable import WarrenServer

/// Events encoded once for all their subscribers (D122).
@Suite("Encoded event cache")
struct EncodedEventCacheTests {
    private static func envelope(at position: UInt64, code: String, payloadSize: Int = 3)
        -> WarrenRuntime.RuntimeEventEnvelope
    {
        WarrenRuntime.RuntimeEventEnvelope(
            position: position,
            sequence: position,
            eventID: Fixture.eventID,
            timestamp: Fixture.time,
            runtimeID: Fixture.sessionID.runtimeID,
            causationID: nil,
            correlationID: nil,
            event: .published(
                code: code,
                payload: [UInt8](repeating: 7, count: payloadSize),
                contentType: "text/plain",
                attributes: [:]
            )
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

    @Test("a response larger than the largest kept is encoded each time, and the cache holds no byte of it")
    func largeResponsesNotKept() throws {
        let cache = EncodedEventCache()
        let large = Self.envelope(at: 11, code: "large", payloadSize: EncodedEventCache.largestCached)
        let first = try cache.response(for: large)
        let second = try cache.response(for: large)
        #expect(first == second)
        #expect(try Self.decoded(first) == large)
        let sameStorage = first.withUnsafeReadableBytes { a in
            second.withUnsafeReadableBytes { a.baseAddress == $0.baseAddress }
        }
        #expect(!sameStorage)
        #expect(cache.byteCount == 0)
        let small = try cache.response(for: Self.envelope(at: 12, code: "small"))
        #expect(cache.byteCount == small.readableBytes)
    }

    @Test("a batch decodes to its events in order, whatever the length of its length prefix")
    func batchesDecode() throws {
        let cache = EncodedEventCache()
        // Positions never repeat: a position names one event for good.
        for (first, count, payloadSize) in [(1, 1, 3), (10, 2, 40), (20, 3, 20_000)] {
            let envelopes = (first..<first + count).map {
                Self.envelope(at: UInt64($0), code: "e\($0)", payloadSize: payloadSize)
            }
            var batch = EventBatchEncoder(expectedEvents: count)
            #expect(batch.isEmpty)
            for envelope in envelopes { #expect(try cache.add(envelope, to: &batch)) }
            let response = try MessageCoding.decode(SubscribeResponse.self, from: batch.take())
            #expect(batch.isEmpty)
            guard case .batch(let wire)? = response.item else {
                Issue.record("not a batch: \(response)")
                continue
            }
            let decoded = try wire.envelopes.map { try WarrenRuntime.RuntimeEventEnvelope(wire: $0, field: "e") }
            #expect(decoded == envelopes)
        }
    }

    @Test("a batch refuses an event past its byte limit, and an empty batch takes any event")
    func batchLimit() throws {
        let cache = EncodedEventCache()
        let event = Self.envelope(at: 1, code: "big", payloadSize: EventBatchEncoder.maxBytes / 2)
        var batch = EventBatchEncoder(expectedEvents: 3)
        #expect(try cache.add(event, to: &batch))
        #expect(
            try !cache.add(Self.envelope(at: 2, code: "big", payloadSize: EventBatchEncoder.maxBytes / 2), to: &batch)
        )
        _ = batch.take()
        let huge = Self.envelope(at: 3, code: "huge", payloadSize: 2 * EventBatchEncoder.maxBytes)
        #expect(try cache.add(huge, to: &batch))
        guard case .batch(let wire)? = try MessageCoding.decode(SubscribeResponse.self, from: batch.take()).item else {
            Issue.record("not a batch")
            return
        }
        #expect(try wire.envelopes.map { try WarrenRuntime.RuntimeEventEnvelope(wire: $0, field: "e") } == [huge])
    }
}
