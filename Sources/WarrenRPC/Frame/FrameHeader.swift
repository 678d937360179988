package import NIOCore

/// The fixed 10-byte header in front of every frame's payload, all integers big-endian.
///
/// | offset | size | field     |
/// |--------|------|-----------|
/// | 0      | 4    | length: payload bytes after the header (u32) |
/// | 4      | 1    | type (``FrameType``) |
/// | 5      | 1    | flags (``FrameFlags``) |
/// | 6      | 4    | stream_id (u32) |
package struct FrameHeader: Hashable, Sendable {
    /// The header's size on the wire.
    package static let byteCount = 10

    /// The payload length the header declares.
    package var length: UInt32
    /// The frame type.
    package var type: FrameType
    /// The flags.
    package var flags: FrameFlags
    /// The stream id.
    package var streamID: UInt32

    /// Creates a header from its fields.
    package init(length: UInt32, type: FrameType, flags: FrameFlags, streamID: UInt32) {
        self.length = length
        self.type = type
        self.flags = flags
        self.streamID = streamID
    }

    /// Reads a header from the front of `buffer`, consuming its 10 bytes, or nothing if fewer are readable.
    package static func read(from buffer: inout ByteBuffer) -> FrameHeader? {
        guard
            let (length, type, flags, streamID) = buffer.readMultipleIntegers(
                endianness: .big,
                as: (UInt32, UInt8, UInt8, UInt32).self
            )
        else { return nil }
        return FrameHeader(
            length: length,
            type: FrameType(rawValue: type),
            flags: FrameFlags(rawValue: flags),
            streamID: streamID
        )
    }

    /// Appends the header's 10 bytes to `buffer`.
    package func write(into buffer: inout ByteBuffer) {
        buffer.writeMultipleIntegers(
            self.length,
            self.type.rawValue,
            self.flags.rawValue,
            self.streamID,
            endianness: .big
        )
    }

    /// Checks the header against the rules of its type, in this order: the size limit, the fixed
    /// payload length, the flags, the stream id. Frames of unknown types are checked for size only.
    ///
    /// - Parameter maxFrameSize: the largest payload the receiver accepts.
    /// - Throws: the first rule broken, as a ``FrameError``.
    package func validate(maxFrameSize: UInt32) throws(FrameError) {
        guard self.length <= maxFrameSize else {
            throw .frameTooLarge(declared: Int(self.length), limit: Int(maxFrameSize))
        }
        if let required = self.type.requiredPayloadLength(flags: self.flags), Int(self.length) != required {
            throw .badLength(self.type, length: Int(self.length), required: required)
        }
        let allowed = self.type.allowedFlags
        guard allowed.isSuperset(of: self.flags) else {
            throw .badFlags(self.type, flags: self.flags, allowed: allowed)
        }
        let rule = self.type.streamIDRule
        guard rule.permits(self.streamID) else {
            throw .badStreamID(self.type, streamID: self.streamID, rule: rule)
        }
    }
}
