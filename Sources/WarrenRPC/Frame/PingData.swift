/// The 8 opaque bytes of a PING frame, which the acknowledging PING echoes unchanged.
///
/// Held as a `UInt64` read big-endian from the payload, so `PingData(0x0102030405060708)` travels as
/// the bytes `01 02 03 04 05 06 07 08`. The receiver attaches no meaning to the value.
package struct PingData: Hashable, Sendable {
    /// The payload length of every PING frame.
    package static let byteCount = 8

    /// The 8 bytes as a big-endian integer.
    package var value: UInt64

    /// Creates ping data from 8 bytes given as a big-endian integer.
    package init(_ value: UInt64) {
        self.value = value
    }

    /// The 8 bytes in wire order.
    package var bytes: [UInt8] {
        (0..<PingData.byteCount).map { index in UInt8(truncatingIfNeeded: self.value >> (56 - 8 * index)) }
    }
}
