package import NIOCore
package import WarrenProto

extension Frame {
    /// The payload length of every WINDOW_UPDATE frame.
    package static let windowIncrementByteCount = 4

    /// The largest flow-control increment (2^31-1), which also caps every window.
    package static let maxWindowIncrement: UInt32 = 0x7FFF_FFFF

    /// A HEADERS frame opening the call `streamID` (odd) with the client's `CallHeaders`.
    ///
    /// - Parameter endStream: set END_STREAM when the client sends no MESSAGE on this call.
    /// - Throws: when a string in `headers` holds U+0000, which the codec cannot encode.
    package static func headers(
        streamID: UInt32,
        _ headers: CallHeaders,
        endStream: Bool = false
    ) throws(ProtoEncodingError) -> Frame {
        Frame(
            type: .headers,
            flags: endStream ? .endStream : [],
            streamID: streamID,
            payload: try Self.encode(headers)
        )
    }

    /// A HEADERS frame carrying the server's `ResponseHeaders` on the call `streamID`.
    ///
    /// - Throws: when a string in `headers` holds U+0000, which the codec cannot encode.
    package static func headers(
        streamID: UInt32,
        _ headers: ResponseHeaders,
        endStream: Bool = false
    ) throws(ProtoEncodingError) -> Frame {
        Frame(
            type: .headers,
            flags: endStream ? .endStream : [],
            streamID: streamID,
            payload: try Self.encode(headers)
        )
    }

    /// A MESSAGE frame carrying one encoded (and, if `compressed`, deflated) message of the call `streamID`.
    package static func message(
        streamID: UInt32,
        payload: ByteBuffer,
        compressed: Bool = false,
        endStream: Bool = false
    ) -> Frame {
        var flags: FrameFlags = []
        if compressed { flags.insert(.compressed) }
        if endStream { flags.insert(.endStream) }
        return Frame(type: .message, flags: flags, streamID: streamID, payload: payload)
    }

    /// A TRAILERS frame ending the call `streamID` with `status`.
    ///
    /// - Throws: when a string in `status` holds U+0000, which the codec cannot encode.
    package static func trailers(streamID: UInt32, _ status: Status) throws(ProtoEncodingError) -> Frame {
        Frame(type: .trailers, streamID: streamID, payload: try Self.encode(status))
    }

    /// A CANCEL frame aborting the call `streamID`; it has no payload.
    package static func cancel(streamID: UInt32) -> Frame {
        Frame(type: .cancel, streamID: streamID)
    }

    /// A WINDOW_UPDATE frame granting `increment` bytes of credit on `streamID` (0 for the connection).
    ///
    /// - Precondition: `increment` is in `1...Frame.maxWindowIncrement`.
    package static func windowUpdate(streamID: UInt32, increment: UInt32) -> Frame {
        precondition(
            (1...Self.maxWindowIncrement).contains(increment),
            "WINDOW_UPDATE increment \(increment) is outside 1...\(Self.maxWindowIncrement)"
        )
        var payload = ByteBuffer()
        payload.writeInteger(increment, endianness: .big)
        return Frame(type: .windowUpdate, streamID: streamID, payload: payload)
    }

    /// A PING frame on the connection, or with `ack` the acknowledgement echoing a received PING's data.
    package static func ping(_ data: PingData, ack: Bool = false) -> Frame {
        var payload = ByteBuffer()
        payload.writeInteger(data.value, endianness: .big)
        return Frame(type: .ping, flags: ack ? .ack : [], streamID: Self.connectionStreamID, payload: payload)
    }

    /// A SETTINGS frame announcing the sender's `settings`.
    ///
    /// - Throws: when a string in `settings` holds U+0000, which the codec cannot encode.
    package static func settings(_ settings: Settings) throws(ProtoEncodingError) -> Frame {
        Frame(type: .settings, streamID: Self.connectionStreamID, payload: try Self.encode(settings))
    }

    /// The SETTINGS frame with ACK that acknowledges the peer's SETTINGS; it has no payload.
    package static func settingsAck() -> Frame {
        Frame(type: .settings, flags: .ack, streamID: Self.connectionStreamID)
    }

    /// A GOAWAY frame on the connection.
    ///
    /// - Throws: when `goAway.message` holds U+0000, which the codec cannot encode.
    package static func goAway(_ goAway: GoAway) throws(ProtoEncodingError) -> Frame {
        Frame(type: .goAway, streamID: Self.connectionStreamID, payload: try Self.encode(goAway))
    }

    /// A message's protobuf encoding in a buffer of its own.
    private static func encode(_ message: some ProtoMessage) throws(ProtoEncodingError) -> ByteBuffer {
        var payload = ByteBuffer()
        try message.serialize(into: &payload)
        return payload
    }
}
