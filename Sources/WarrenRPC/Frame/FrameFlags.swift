/// The flags byte of a frame: a bit set whose meaning depends on the frame type.
///
/// | bit  | name        | allowed on         | meaning |
/// |------|-------------|--------------------|---------|
/// | 0x01 | END_STREAM  | HEADERS, MESSAGE   | the sender sends nothing more on this stream |
/// | 0x02 | COMPRESSED  | MESSAGE            | the payload is a zlib (RFC 1950) stream of the message |
/// | 0x01 | ACK         | SETTINGS, PING     | this frame acknowledges the peer's SETTINGS or PING |
///
/// ``endStream`` and ``ack`` share bit 0x01; the type says which one it is. A known frame type
/// with any other bit set is rejected (``FrameError/badFlags(_:flags:allowed:)``); frames of
/// unknown types may carry any flags. See ``FrameType/allowedFlags``.
package struct FrameFlags: OptionSet, Hashable, Sendable {
    /// The flags byte on the wire.
    package var rawValue: UInt8

    /// Creates flags from the wire byte.
    package init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// END_STREAM (0x01), on HEADERS and MESSAGE: the sender's half of the stream is finished.
    package static let endStream = FrameFlags(rawValue: 0x01)

    /// COMPRESSED (0x02), on MESSAGE: the payload is deflated with the call's negotiated encoding.
    package static let compressed = FrameFlags(rawValue: 0x02)

    /// ACK (0x01), on SETTINGS and PING: an acknowledgement. Same bit as ``endStream``.
    package static let ack = FrameFlags(rawValue: 0x01)

    /// Every bit, which frames of unknown types may carry.
    package static let all = FrameFlags(rawValue: 0xFF)
}

extension FrameFlags: CustomStringConvertible {
    /// The flags byte in hex, such as `0x03`; the names depend on the frame type.
    package var description: String { Hex.byte(self.rawValue) }
}
