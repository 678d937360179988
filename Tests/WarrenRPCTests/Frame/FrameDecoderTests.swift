import NIOCore
import NIOEmbedded
import NIOTestUtils
import Testing
import WarrenRPC

/// `FrameDecoder` yields whole frames however the bytes arrive, and rejects a bad header from the
/// header alone.
@Suite("FrameDecoder")
struct FrameDecoderTests {
    @Test("the decoder verifier accepts every frame type", arguments: SampleFrames.types)
    func verifierPerType(type: FrameType) throws {
        let pairs = SampleFrames.frames(of: type).map { frame in (frame.encoded, [frame]) }
        try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: pairs) { FrameDecoder() }
    }

    @Test("the decoder verifier accepts all types interleaved, several frames per input")
    func verifierMixed() throws {
        let frames = SampleFrames.all
        var pairs = frames.map { frame in (frame.encoded, [frame]) }
        var joined = ByteBuffer()
        for frame in frames.prefix(5) {
            joined.writeImmutableBuffer(frame.encoded)
        }
        pairs.append((joined, Array(frames.prefix(5))))
        try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: pairs) { FrameDecoder() }
    }

    @Test("a declared length over the limit is rejected from the header alone", arguments: SampleFrames.types)
    func oversizedHeaderAlone(type: FrameType) {
        for length in [Frame.minimumMaxFrameSize + 1, UInt32.max] {
            var header = RawFrame.bytes(length: length, type: type.rawValue, streamID: 1)
            var decoder = FrameDecoder(maxFrameSize: Frame.minimumMaxFrameSize)
            #expect(throws: FrameError.frameTooLarge(declared: Int(length), limit: 16_384)) {
                try decoder.decode(buffer: &header)
            }
        }
    }

    @Test("a declared length at the limit waits for its payload")
    func lengthAtLimit() throws {
        var decoder = FrameDecoder(maxFrameSize: Frame.minimumMaxFrameSize)
        var buffer = RawFrame.bytes(length: Frame.minimumMaxFrameSize, type: 2, streamID: 1)
        #expect(try decoder.decode(buffer: &buffer) == nil)
        buffer.writeRepeatingByte(7, count: Int(Frame.minimumMaxFrameSize))
        let frame = try #require(try decoder.decode(buffer: &buffer))
        #expect(frame.payload.readableBytes == Int(Frame.minimumMaxFrameSize))
    }

    @Test("a stream id against the type's rule is rejected from the header alone", arguments: FrameType.knownTypes)
    func wrongStreamID(type: FrameType) {
        for streamID in Self.forbiddenStreamIDs(type.streamIDRule) {
            let length = UInt32(type.requiredPayloadLength(flags: []) ?? 0)
            var header = RawFrame.bytes(length: length, type: type.rawValue, streamID: streamID)
            var decoder = FrameDecoder()
            #expect(throws: FrameError.badStreamID(type, streamID: streamID, rule: type.streamIDRule)) {
                try decoder.decode(buffer: &header)
            }
        }
    }

    @Test("each type accepts exactly its flags", arguments: FrameType.knownTypes)
    func flags(type: FrameType) {
        for byte in UInt8.min...UInt8.max {
            let flags = FrameFlags(rawValue: byte)
            let length = UInt32(type.requiredPayloadLength(flags: flags) ?? 0)
            let streamID: UInt32 = type.streamIDRule == .connection ? 0 : 1
            var buffer = RawFrame.bytes(length: length, type: type.rawValue, flags: byte, streamID: streamID)
            var decoder = FrameDecoder()
            if type.allowedFlags.isSuperset(of: flags) {
                #expect(throws: Never.self) { try decoder.decode(buffer: &buffer) }
            } else {
                #expect(throws: FrameError.badFlags(type, flags: flags, allowed: type.allowedFlags)) {
                    try decoder.decode(buffer: &buffer)
                }
            }
        }
    }

    @Test(
        "a fixed-length type with another length is rejected from the header alone",
        arguments: [
            (FrameType.ping, FrameFlags(), [0, 7, 9, 16]),
            (.ping, .ack, [0, 4]),
            (.windowUpdate, [], [0, 3, 5, 8]),
            (.cancel, [], [1, 4]),
            (.settings, .ack, [1, 12]),
        ] as [(FrameType, FrameFlags, [UInt32])]
    )
    func wrongFixedLength(type: FrameType, flags: FrameFlags, lengths: [UInt32]) {
        let required = type.requiredPayloadLength(flags: flags)!
        for length in lengths {
            let streamID: UInt32 = type.streamIDRule == .connection ? 0 : 1
            var header = RawFrame.bytes(length: length, type: type.rawValue, flags: flags.rawValue, streamID: streamID)
            var decoder = FrameDecoder()
            #expect(throws: FrameError.badLength(type, length: Int(length), required: required)) {
                try decoder.decode(buffer: &header)
            }
        }
    }

    @Test("frames of unknown types pass through with any flags and stream id")
    func unknownTypes() throws {
        var buffer = ByteBuffer()
        for byte in UInt8(8)...UInt8.max {
            buffer.writeImmutableBuffer(
                RawFrame.bytes(length: 3, type: byte, flags: byte, streamID: UInt32(byte) * 2, withPayload: true)
            )
        }
        var decoder = FrameDecoder()
        let frames = try decoder.decodeAll(&buffer)
        #expect(frames.map(\.type) == (UInt8(8)...UInt8.max).map { FrameType.unknown($0) })
        #expect(frames.allSatisfy { $0.payload.readableBytes == 3 })
        #expect(buffer.readableBytes == 0)
    }

    @Test("after an error the decoder fails again instead of resynchronising")
    func poisoned() {
        var decoder = FrameDecoder()
        var bad = RawFrame.bytes(length: 8, type: 6, streamID: 1, withPayload: true)
        let error = FrameError.badStreamID(.ping, streamID: 1, rule: .connection)
        #expect(throws: error) { try decoder.decode(buffer: &bad) }
        var good = Frame.cancel(streamID: 1).encoded
        #expect(throws: error) { try decoder.decode(buffer: &good) }
    }

    @Test("an incomplete frame yields nothing and consumes only a valid header")
    func partialFrame() throws {
        let bytes = Frame.ping(PingData(42)).encoded
        for split in 0..<bytes.readableBytes {
            var decoder = FrameDecoder()
            var buffer = bytes.getSlice(at: 0, length: split)!
            #expect(try decoder.decode(buffer: &buffer) == nil)
            #expect(buffer.readableBytes == (split < 10 ? split : split - 10))
        }
    }

    @Test("in a pipeline the error reaches the channel as a FrameError")
    func pipelineError() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(FrameDecoder()))
        let header = RawFrame.bytes(length: 0, type: 1, streamID: 2)
        #expect(throws: FrameError.badStreamID(.headers, streamID: 2, rule: .stream)) {
            try channel.writeInbound(header)
        }
        _ = try? channel.finish()
    }

    /// Stream ids a rule forbids, including the edges.
    private static func forbiddenStreamIDs(_ rule: StreamIDRule) -> [UInt32] {
        switch rule {
        case .connection: [1, 2, 3, 0xFFFF_FFFF]
        case .stream: [0, 2, 4, 0xFFFF_FFFE]
        case .connectionOrStream: [2, 4, 0xFFFF_FFFE]
        case .any: []
        }
    }
}
