/// Formats bytes in hex for error descriptions.
enum Hex {
    /// One byte as `0x2A`.
    static func byte(_ value: UInt8) -> String {
        "0x" + Self.digits(value)
    }

    /// Bytes as `57 52 4E 00`.
    static func bytes(_ values: some Sequence<UInt8>) -> String {
        values.map(Self.digits).joined(separator: " ")
    }

    /// Two upper-case hex digits.
    private static func digits(_ value: UInt8) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return value < 0x10 ? "0" + text : text
    }
}
