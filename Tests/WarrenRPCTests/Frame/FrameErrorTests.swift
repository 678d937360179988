import Testing
import WarrenProto
import WarrenRPC

/// Every `FrameError` and `PrefaceError` explains itself with the values involved, and maps to a GOAWAY code.
@Suite("Frame errors")
struct FrameErrorTests {
    @Test(
        "each frame error has a precise description and GOAWAY code",
        arguments: [
            (
                FrameError.frameTooLarge(declared: 16_385, limit: 16_384),
                "frame declares a 16385-byte payload, over the maximum frame size of 16384 bytes",
                GoAwayCode.frameTooLarge
            ),
            (
                .badLength(.ping, length: 7, required: 8),
                "PING frame has a 7-byte payload; it must have exactly 8", .protocolError
            ),
            (
                .badLength(.settings, length: 2, required: 0),
                "SETTINGS ACK frame has a 2-byte payload; it must have exactly 0", .protocolError
            ),
            (
                .badFlags(.headers, flags: FrameFlags(rawValue: 0x03), allowed: .endStream),
                "HEADERS frame has flags 0x03, which set bits undefined for HEADERS (allowed: 0x01)", .protocolError
            ),
            (
                .badStreamID(.ping, streamID: 3, rule: .connection),
                "PING frame on stream 3; PING frames belong on stream 0 (the connection)", .protocolError
            ),
            (
                .badStreamID(.headers, streamID: 2, rule: .stream),
                "HEADERS frame on stream 2; HEADERS frames belong on an odd stream id (a call the client opened)",
                .protocolError
            ),
            (
                .badStreamID(.windowUpdate, streamID: 4, rule: .connectionOrStream),
                "WINDOW_UPDATE frame on stream 4; WINDOW_UPDATE frames belong on stream 0 (the connection) "
                    + "or an odd stream id (a call)",
                .protocolError
            ),
            (
                .badWindowIncrement(0),
                "WINDOW_UPDATE increment 0 is outside 1...2147483647", .protocolError
            ),
        ] as [(FrameError, String, GoAwayCode)]
    )
    func frameError(error: FrameError, description: String, code: GoAwayCode) {
        #expect(error.description == description)
        #expect(error.goAwayCode == code)
    }

    @Test(
        "each preface error has a precise description and GOAWAY code",
        arguments: [
            (
                PrefaceError.badMagic(received: [0x47, 0x45, 0x54, 0x20]),
                #"connection does not start with the Warren preface: got 47 45 54 20, expected 57 52 4E 00 ("WRN\0")"#,
                GoAwayCode.badPreface
            ),
            (
                .unsupportedVersion(2, supported: 1...1),
                "client speaks protocol version 2; this server supports 1...1", .unsupportedVersion
            ),
            (
                .nonzeroReserved(offset: 7, value: 0x80),
                "preface byte 7 is 0x80; bytes 6 and 7 are reserved and must be zero", .badPreface
            ),
        ] as [(PrefaceError, String, GoAwayCode)]
    )
    func prefaceError(error: PrefaceError, description: String, code: GoAwayCode) {
        #expect(error.description == description)
        #expect(error.goAwayCode == code)
    }

    @Test("unknown frame types name their byte")
    func unknownTypeName() {
        #expect(FrameType.unknown(0x2A).description == "UNKNOWN(0x2A)")
        #expect(FrameType.windowUpdate.description == "WINDOW_UPDATE")
    }
}
