import NIOCore
import NIOTestUtils
import Testing
import WarrenRPC

/// `PrefaceDecoder` accepts exactly `WRN\0` + a supported version + two zero bytes, failing at the
/// first wrong byte present.
@Suite("PrefaceDecoder")
struct PrefaceDecoderTests {
    static let good: [UInt8] = [0x57, 0x52, 0x4E, 0x00, 0x00, 0x01, 0x00, 0x00]

    @Test("the version 1 preface is decoded and exactly its 8 bytes consumed")
    func good() throws {
        var buffer = ByteBuffer(bytes: Self.good + [0xEE])
        var decoder = PrefaceDecoder()
        #expect(try decoder.decode(buffer: &buffer) == Preface(version: 1))
        #expect(Array(buffer.readableBytesView) == [0xEE])
        var written = ByteBuffer()
        Preface().write(into: &written)
        #expect(Array(written.readableBytesView) == Self.good)
    }

    @Test("the decoder verifier accepts prefaces however they are split")
    func verifier() throws {
        let pairs = [(ByteBuffer(bytes: Self.good), [Preface(version: 1)])]
        try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: pairs) { PrefaceDecoder() }
    }

    @Test("every proper prefix of a good preface waits and consumes nothing")
    func partial() throws {
        for count in 0..<8 {
            var buffer = ByteBuffer(bytes: Self.good.prefix(count))
            var decoder = PrefaceDecoder()
            #expect(try decoder.decode(buffer: &buffer) == nil)
            #expect(buffer.readableBytes == count)
        }
    }

    @Test(
        "a wrong magic is rejected at the first wrong byte, even before 8 bytes arrive",
        arguments: [
            (Array("G".utf8), [0x47]),
            (Array("GET / HTTP/1.1\r\n".utf8), [0x47, 0x45, 0x54, 0x20]),
            (Array("PRI * HTTP/2.0".utf8), [0x50, 0x52, 0x49, 0x20]),
            ([0x57, 0x52, 0x58], [0x57, 0x52, 0x58]),
            ([0x57, 0x52, 0x4E, 0x01, 0x00, 0x01, 0x00, 0x00], [0x57, 0x52, 0x4E, 0x01]),
        ] as [([UInt8], [UInt8])]
    )
    func badMagic(input: [UInt8], reported: [UInt8]) {
        var buffer = ByteBuffer(bytes: input)
        var decoder = PrefaceDecoder()
        #expect(throws: PrefaceError.badMagic(received: reported)) { try decoder.decode(buffer: &buffer) }
        #expect(buffer.readableBytes == input.count)
    }

    @Test(
        "an unsupported version is rejected once its two bytes arrive",
        arguments: [0, 2, 0x0100, 0xFFFF] as [UInt16]
    )
    func wrongVersion(version: UInt16) {
        var buffer = ByteBuffer(bytes: [0x57, 0x52, 0x4E, 0x00])
        buffer.writeInteger(version)
        var decoder = PrefaceDecoder()
        #expect(throws: PrefaceError.unsupportedVersion(version, supported: 1...1)) {
            try decoder.decode(buffer: &buffer)
        }
    }

    @Test("a server supporting a range accepts each version in it")
    func versionRange() throws {
        var decoder = PrefaceDecoder(supportedVersions: 1...3)
        for version: UInt16 in 1...3 {
            var buffer = ByteBuffer()
            Preface(version: version).write(into: &buffer)
            #expect(try decoder.decode(buffer: &buffer)?.version == version)
        }
    }

    @Test("a nonzero reserved byte is rejected", arguments: [6, 7])
    func reserved(offset: Int) {
        var bytes = Self.good
        bytes[offset] = 0x80
        var buffer = ByteBuffer(bytes: bytes.prefix(offset + 1))
        var decoder = PrefaceDecoder()
        #expect(throws: PrefaceError.nonzeroReserved(offset: offset, value: 0x80)) {
            try decoder.decode(buffer: &buffer)
        }
    }

    @Test("the bytes after the preface are left for the frame decoder")
    func prefaceThenFrames() throws {
        var buffer = ByteBuffer(bytes: Self.good)
        buffer.writeImmutableBuffer(Frame.settingsAck().encoded)
        buffer.writeImmutableBuffer(Frame.ping(PingData(1)).encoded)
        var prefaceDecoder = PrefaceDecoder()
        #expect(try prefaceDecoder.decode(buffer: &buffer) == Preface())
        var frameDecoder = FrameDecoder()
        #expect(try frameDecoder.decodeAll(&buffer) == [.settingsAck(), .ping(PingData(1))])
    }
}
