import NIOCore
import Testing
import WarrenProto
import WarrenRPC

/// Frames written by `FrameEncoder` come back unchanged from `FrameDecoder`, and typed payloads
/// come back from their `decode…()` counterparts.
@Suite("Frame round trip")
struct FrameRoundTripTests {
    @Test("every frame of a type survives encoding and decoding", arguments: SampleFrames.types)
    func roundTrip(type: FrameType) throws {
        for frame in SampleFrames.frames(of: type) {
            var buffer = frame.encoded
            #expect(buffer.readableBytes == 10 + frame.payload.readableBytes)
            var decoder = FrameDecoder()
            #expect(try decoder.decode(buffer: &buffer) == frame)
            #expect(buffer.readableBytes == 0)
        }
    }

    @Test("every type byte maps to one FrameType and back")
    func typeBytes() {
        for byte in UInt8.min...UInt8.max {
            let type = FrameType(rawValue: byte)
            #expect(type.rawValue == byte)
            #expect(FrameType.knownTypes.contains(type) == (byte <= 7))
        }
    }

    @Test("HEADERS carries CallHeaders and ResponseHeaders with END_STREAM")
    func headers() throws {
        let request = try Frame.headers(streamID: 3, SampleFrames.callHeaders, endStream: true)
        #expect(request.isEndStream)
        #expect(try Self.decoded(request).decodeCallHeaders() == SampleFrames.callHeaders)
        let metadata = ResponseHeaders(metadata: ["a": "b"], messageEncoding: "deflate")
        let response = try Frame.headers(streamID: 3, metadata)
        #expect(!response.isEndStream)
        #expect(try Self.decoded(response).decodeResponseHeaders() == metadata)
    }

    @Test("TRAILERS, SETTINGS and GOAWAY carry their messages")
    func protoPayloads() throws {
        #expect(try Self.decoded(.trailers(streamID: 1, SampleFrames.status)).decodeStatus() == SampleFrames.status)
        #expect(
            try Self.decoded(.settings(SampleFrames.serverSettings)).decodeSettings() == SampleFrames.serverSettings
        )
        let goAway = GoAway(lastStreamID: 41, code: .protocolError, message: "bad frame")
        #expect(try Self.decoded(.goAway(goAway)).decodeGoAway() == goAway)
    }

    @Test("a SETTINGS ACK has no payload and decodes to default settings")
    func settingsAck() throws {
        let ack = try Self.decoded(.settingsAck())
        #expect(ack.isAck && ack.payload.readableBytes == 0)
        #expect(try ack.decodeSettings() == Settings())
    }

    @Test("MESSAGE keeps its payload and both flags", arguments: [false, true], [false, true])
    func message(compressed: Bool, endStream: Bool) throws {
        let payload = ByteBuffer(bytes: [1, 2, 3])
        let frame = try Self.decoded(
            .message(streamID: 9, payload: payload, compressed: compressed, endStream: endStream)
        )
        #expect(frame.payload == payload)
        #expect(frame.isCompressed == compressed)
        #expect(frame.isEndStream == endStream)
    }

    @Test("WINDOW_UPDATE carries its increment on the connection or a stream", arguments: [0, 1, 7] as [UInt32])
    func windowUpdate(streamID: UInt32) throws {
        for increment in [1, 65_535, Frame.maxWindowIncrement] as [UInt32] {
            let frame = try Self.decoded(.windowUpdate(streamID: streamID, increment: increment))
            #expect(frame.streamID == streamID)
            #expect(try frame.decodeWindowIncrement() == increment)
        }
    }

    @Test("PING and its ACK carry the same 8 bytes")
    func ping() throws {
        let data = PingData(0xDEAD_BEEF_0123_4567)
        let ping = try Self.decoded(.ping(data))
        let ack = try Self.decoded(.ping(try ping.decodePingData(), ack: true))
        #expect(!ping.isAck && ack.isAck)
        #expect(try ack.decodePingData() == data)
        #expect(data.bytes == [0xDE, 0xAD, 0xBE, 0xEF, 0x01, 0x23, 0x45, 0x67])
    }

    @Test("CANCEL has no payload")
    func cancel() throws {
        let frame = try Self.decoded(.cancel(streamID: 5))
        #expect(frame.type == .cancel && frame.streamID == 5 && frame.payload.readableBytes == 0)
    }

    /// The frame as a peer decodes it.
    private static func decoded(_ frame: Frame) throws -> Frame {
        var buffer = frame.encoded
        var decoder = FrameDecoder()
        return try #require(try decoder.decode(buffer: &buffer))
    }
}
