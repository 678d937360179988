package import WarrenProto

/// Why the first bytes of a connection are not an acceptable preface. The server answers with
/// GOAWAY (``goAwayCode``) and closes the connection.
package enum PrefaceError: Error, Hashable, Sendable {
    /// The connection does not start with `WRN\0`; holds the (up to 4) bytes received in its place.
    case badMagic(received: [UInt8])
    /// The client speaks a protocol version the server does not (0 is never a version).
    case unsupportedVersion(UInt16, supported: ClosedRange<UInt16>)
    /// Byte 6 or 7, reserved, is not zero.
    case nonzeroReserved(offset: Int, value: UInt8)
}

extension PrefaceError: CustomStringConvertible {
    /// What was wrong, with the bytes involved.
    package var description: String {
        switch self {
        case .badMagic(let received):
            "connection does not start with the Warren preface: got \(Hex.bytes(received)), "
                + "expected \(Hex.bytes(Preface.magic.prefix(received.count))) (\"WRN\\0\")"
        case .unsupportedVersion(let version, let supported):
            "client speaks protocol version \(version); this server supports "
                + "\(supported.lowerBound)...\(supported.upperBound)"
        case .nonzeroReserved(let offset, let value):
            "preface byte \(offset) is \(Hex.byte(value)); bytes 6 and 7 are reserved and must be zero"
        }
    }
}

extension PrefaceError {
    /// The code of the GOAWAY that answers this error: UNSUPPORTED_VERSION for a version the server
    /// does not speak, BAD_PREFACE otherwise.
    package var goAwayCode: GoAwayCode {
        switch self {
        case .badMagic, .nonzeroReserved: .badPreface
        case .unsupportedVersion: .unsupportedVersion
        }
    }
}
