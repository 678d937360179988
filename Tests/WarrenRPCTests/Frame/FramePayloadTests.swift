import NIOCore
import Testing
import WarrenProto
import WarrenRPC

/// The `decode…()` accessors refuse payloads that the header rules cannot catch.
@Suite("Frame payloads")
struct FramePayloadTests {
    @Test("a WINDOW_UPDATE increment of 0 or above 2^31-1 is refused", arguments: [0, 0x8000_0000, UInt32.max])
    func badIncrement(increment: UInt32) {
        var payload = ByteBuffer()
        payload.writeInteger(increment)
        let frame = Frame(type: .windowUpdate, streamID: 0, payload: payload)
        #expect(throws: FrameError.badWindowIncrement(increment)) { try frame.decodeWindowIncrement() }
    }

    @Test("fixed payloads of a hand-built frame are length-checked", arguments: [0, 3, 9])
    func fixedLengths(length: Int) {
        let payload = ByteBuffer(repeating: 1, count: length)
        let window = Frame(type: .windowUpdate, streamID: 1, payload: payload)
        #expect(throws: FrameError.badLength(.windowUpdate, length: length, required: 4)) {
            try window.decodeWindowIncrement()
        }
        let ping = Frame(type: .ping, streamID: 0, payload: payload)
        #expect(throws: FrameError.badLength(.ping, length: length, required: 8)) { try ping.decodePingData() }
    }

    @Test("an undecodable protobuf payload is a typed error naming the frame type")
    func undecodable() {
        let truncated = ByteBuffer(bytes: [0x0A, 0x05, 0x61])
        let frame = Frame(type: .headers, streamID: 1, payload: truncated)
        do {
            _ = try frame.decodeCallHeaders()
            Issue.record("decoded a truncated CallHeaders")
        } catch {
            guard case .undecodablePayload(.headers, let cause) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(cause.kind == .malformed)
            #expect(error.description.hasPrefix("HEADERS frame payload: cannot decode warren.v1.CallHeaders: "))
            #expect(error.goAwayCode == .protocolError)
        }
    }

    @Test("a string with U+0000 cannot be put in a frame")
    func nulInString() {
        #expect(throws: ProtoEncodingError.self) { try Frame.goAway(GoAway(message: "a\u{0}b")) }
    }

    @Test("END_STREAM, COMPRESSED and ACK are read only on the types that define them")
    func flagAccessors() {
        let bit0 = Frame(type: .ping, flags: .ack, streamID: 0)
        #expect(bit0.isAck && !bit0.isEndStream)
        let headers = Frame(type: .headers, flags: .endStream, streamID: 1)
        #expect(headers.isEndStream && !headers.isAck && !headers.isCompressed)
        let unknown = Frame(type: .unknown(9), flags: .all, streamID: 0)
        #expect(!unknown.isAck && !unknown.isEndStream && !unknown.isCompressed)
    }
}
