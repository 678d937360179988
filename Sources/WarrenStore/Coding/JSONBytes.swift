import Foundation

/// JSON text appended to a byte buffer, written as Foundation's `JSONEncoder` writes it: `/` escaped,
/// control characters as `\b \f \n \r \t` or `\u00xx`, other characters as they are, and a whole
/// floating-point number without its `.0`.
struct JSONBytes {
    /// The text written so far.
    var bytes: [UInt8] = []

    /// How many bytes were written.
    var count: Int { bytes.count }

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append(ascii text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `value` as a quoted, escaped JSON string.
    mutating func append(string value: String) {
        var value = value
        bytes.append(UInt8(ascii: "\""))
        value.withUTF8 { utf8 in
            var runStart = 0
            for (index, byte) in utf8.enumerated() where Self.needsEscape(byte) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func append(bool value: Bool) {
        if value { append(ascii: "true") } else { append(ascii: "false") }
    }

    mutating func append<Integer: BinaryInteger>(integer value: Integer) {
        guard let magnitude = UInt64(exactly: value.magnitude) else {
            return bytes.append(contentsOf: String(value).utf8)
        }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let start = bytes.count
        var remaining = magnitude
        repeat {
            let (quotient, digit) = remaining.quotientAndRemainder(dividingBy: 10)
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: digit))
            remaining = quotient
        } while remaining != 0
        bytes[start...].reverse()
    }

    /// A finite floating-point number as `JSONEncoder` writes it; `nil` for infinities and NaN.
    mutating func append<Number: BinaryFloatingPoint & LosslessStringConvertible>(float value: Number) -> Bool {
        guard value.isFinite else { return false }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
        return true
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "/")
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            append(ascii: "u00")
            hex.withUTF8Buffer { digits in
                bytes.append(digits[Int(byte >> 4)])
                bytes.append(digits[Int(byte & 0x0F)])
            }
        }
    }
}
