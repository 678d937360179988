package import NIOCore

/// One frame of the Warren wire protocol: a 10-byte header and a payload (PROTOCOL.md "Framing").
///
/// ```
/// length u32 | type u8 | flags u8 | stream_id u32 | payload (length bytes)
/// ```
///
/// A `Frame` is only a container: ``FrameDecoder`` guarantees that every frame it produces obeys the
/// header rules of its type (stream id, flags, fixed payload length, size limit), and ``FrameEncoder``
/// refuses to write one that does not. Build frames with the typed constructors (``headers(streamID:_:endStream:)``,
/// ``ping(_:ack:)``…) and read their payloads with the matching `decode…()` methods.
package struct Frame: Hashable, Sendable {
    /// What the frame is.
    package var type: FrameType
    /// The flags; their meaning depends on ``type``.
    package var flags: FrameFlags
    /// The call the frame belongs to (odd), or 0 for the connection.
    package var streamID: UInt32
    /// The payload; its readable bytes are exactly what follows the header on the wire.
    package var payload: ByteBuffer

    /// Creates a frame from its parts, unchecked.
    package init(type: FrameType, flags: FrameFlags = [], streamID: UInt32, payload: ByteBuffer = ByteBuffer()) {
        self.type = type
        self.flags = flags
        self.streamID = streamID
        self.payload = payload
    }
}

extension Frame {
    /// The stream id of the connection itself.
    package static let connectionStreamID: UInt32 = 0

    /// The largest payload every peer must accept (16 KiB), and the smallest maximum it may advertise.
    ///
    /// Until a peer's SETTINGS arrive, a sender keeps its frames within this size.
    package static let minimumMaxFrameSize: UInt32 = 16_384

    /// The maximum payload Warren accepts and advertises unless configured otherwise (4 MiB).
    ///
    /// A MESSAGE frame carries one whole message, so this also bounds a message on the wire.
    package static let defaultMaxFrameSize: UInt32 = 4 << 20

    /// Whether END_STREAM is set on a frame that can carry it (HEADERS or MESSAGE).
    package var isEndStream: Bool {
        self.flags.contains(.endStream) && (self.type == .headers || self.type == .message)
    }

    /// Whether COMPRESSED is set on a MESSAGE frame.
    package var isCompressed: Bool {
        self.flags.contains(.compressed) && self.type == .message
    }

    /// Whether ACK is set on a frame that can carry it (SETTINGS or PING).
    package var isAck: Bool {
        self.flags.contains(.ack) && (self.type == .settings || self.type == .ping)
    }
}
