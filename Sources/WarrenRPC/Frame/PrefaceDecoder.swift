package import NIOCore

/// Reads the client's 8-byte ``Preface``, rejecting it as soon as a received byte is wrong.
///
/// Each call looks at the bytes present so far: a wrong magic byte, an unsupported version or a nonzero
/// reserved byte throws a ``PrefaceError`` at once (an HTTP client's `G` fails on the first byte), and a
/// correct but incomplete preface returns nil. The decoder consumes exactly 8 bytes when it yields a
/// preface and nothing otherwise, so the bytes after it stay in the buffer for ``FrameDecoder``. It keeps
/// no state: a failed input fails again if decoded again.
package struct PrefaceDecoder: NIOSingleStepByteToMessageDecoder {
    /// The decoder yields the preface.
    package typealias InboundOut = Preface

    /// The protocol versions the server accepts.
    package let supportedVersions: ClosedRange<UInt16>

    /// Creates a decoder accepting the given versions (by default only ``Preface/currentVersion``).
    ///
    /// - Precondition: `supportedVersions` does not contain 0.
    package init(supportedVersions: ClosedRange<UInt16> = Preface.currentVersion...Preface.currentVersion) {
        precondition(supportedVersions.lowerBound > 0, "protocol version 0 does not exist")
        self.supportedVersions = supportedVersions
    }

    /// Yields the preface once its 8 bytes are present and valid, or nil while they are valid so far.
    ///
    /// - Throws: a ``PrefaceError`` for the first wrong byte present.
    package mutating func decode(buffer: inout ByteBuffer) throws(PrefaceError) -> Preface? {
        let received = Array(buffer.readableBytesView.prefix(Preface.byteCount))
        try self.checkMagic(received)
        let version = try self.checkVersion(received)
        try Self.checkReserved(received)
        guard let version, received.count == Preface.byteCount else { return nil }
        buffer.moveReaderIndex(forwardBy: Preface.byteCount)
        return Preface(version: version)
    }

    /// Decodes what remains at the end of the stream; an incomplete preface is left for NIO to report.
    package mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws(PrefaceError) -> Preface? {
        try self.decode(buffer: &buffer)
    }

    /// Throws if any of the received bytes 0–3 differs from `WRN\0`.
    private func checkMagic(_ received: [UInt8]) throws(PrefaceError) {
        let magic = received.prefix(Preface.magic.count)
        guard magic.elementsEqual(Preface.magic.prefix(magic.count)) else {
            throw .badMagic(received: Array(magic))
        }
    }

    /// The version in bytes 4–5 once both are present, throwing if it is not supported.
    private func checkVersion(_ received: [UInt8]) throws(PrefaceError) -> UInt16? {
        guard received.count >= 6 else { return nil }
        let version = UInt16(received[4]) << 8 | UInt16(received[5])
        guard self.supportedVersions.contains(version) else {
            throw .unsupportedVersion(version, supported: self.supportedVersions)
        }
        return version
    }

    /// Throws if a received byte 6 or 7 is not zero.
    private static func checkReserved(_ received: [UInt8]) throws(PrefaceError) {
        for offset in received.indices.dropFirst(6) where received[offset] != 0 {
            throw .nonzeroReserved(offset: offset, value: received[offset])
        }
    }
}
