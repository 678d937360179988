package import NIOCore

/// The 8 bytes a client sends first on a connection: `WRN\0`, the protocol version (u16, big-endian)
/// and two reserved zero bytes.
///
/// For version 1 the bytes are `57 52 4E 00 00 01 00 00`. ``PrefaceDecoder`` checks them on the server.
package struct Preface: Hashable, Sendable {
    /// The preface's size on the wire.
    package static let byteCount = 8

    /// The first four bytes: ASCII `WRN` and a zero byte.
    package static let magic: [UInt8] = [0x57, 0x52, 0x4E, 0x00]

    /// The protocol version this implementation speaks.
    package static let currentVersion: UInt16 = 1

    /// The protocol version the client speaks.
    package var version: UInt16

    /// Creates the preface announcing `version`.
    package init(version: UInt16 = Preface.currentVersion) {
        self.version = version
    }

    /// Appends the preface's 8 bytes to `buffer`.
    package func write(into buffer: inout ByteBuffer) {
        buffer.writeBytes(Self.magic)
        buffer.writeMultipleIntegers(self.version, UInt16(0), endianness: .big)
    }
}
