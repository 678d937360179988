import Foundation
import NIOCore
import Testing
import WarrenProto
import WarrenRPC

/// The worked examples in PROTOCOL.md "Framing" are the bytes this code writes, and the document
/// still shows them.
@Suite("PROTOCOL.md examples")
struct ProtocolDocumentTests {
    static let examples: [(name: String, bytes: @Sendable () throws -> ByteBuffer, hex: String)] = [
        ("preface", Self.preface, "57 52 4E 00 00 01 00 00"),
        (
            "PING", { Frame.ping(PingData(0x0102_0304_0506_0708)).encoded },
            "00 00 00 08 06 00 00 00 00 00 01 02 03 04 05 06 07 08"
        ),
        (
            "WINDOW_UPDATE", { Frame.windowUpdate(streamID: 1, increment: 65_535).encoded },
            "00 00 00 04 05 00 00 00 00 01 00 00 FF FF"
        ),
        (
            "HEADERS",
            { try Frame.headers(streamID: 1, CallHeaders(method: "/warren.v1.Health/Check", timeoutMs: 500)).encoded },
            "00 00 00 1C 01 00 00 00 00 01 0A 17 2F 77 61 72 72 65 6E 2E 76 31 2E 48 65 61 6C 74 68 2F 43 68 65 63 6B "
                + "10 F4 03"
        ),
    ]

    @Test("each example's bytes are what the code writes", arguments: 0..<Self.examples.count)
    func bytes(index: Int) throws {
        let example = Self.examples[index]
        #expect(try example.bytes().hexDump == example.hex, "\(example.name)")
    }

    @Test("PROTOCOL.md shows each example's bytes", arguments: 0..<Self.examples.count)
    func documented(index: Int) throws {
        let document = try String(contentsOf: Self.protocolDocument, encoding: .utf8)
        #expect(document.contains(Self.examples[index].hex), "\(Self.examples[index].name)")
    }

    /// The preface's bytes.
    private static func preface() -> ByteBuffer {
        var buffer = ByteBuffer()
        Preface().write(into: &buffer)
        return buffer
    }

    /// PROTOCOL.md at the package root.
    private static var protocolDocument: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("PROTOCOL.md")
    }
}
