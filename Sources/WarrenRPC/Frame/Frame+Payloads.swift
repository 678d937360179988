internal import NIOCore
package import WarrenProto

extension Frame {
    /// The `CallHeaders` of a HEADERS frame a server received.
    ///
    /// - Precondition: ``type`` is HEADERS.
    /// - Throws: ``FrameError/undecodablePayload(_:_:)`` when the payload is not a valid `CallHeaders`.
    package func decodeCallHeaders() throws(FrameError) -> CallHeaders {
        try self.decodeProtoPayload(CallHeaders.self, of: .headers)
    }

    /// The `ResponseHeaders` of a HEADERS frame a client received.
    ///
    /// - Precondition: ``type`` is HEADERS.
    /// - Throws: ``FrameError/undecodablePayload(_:_:)`` when the payload is not a valid `ResponseHeaders`.
    package func decodeResponseHeaders() throws(FrameError) -> ResponseHeaders {
        try self.decodeProtoPayload(ResponseHeaders.self, of: .headers)
    }

    /// The `Status` of a TRAILERS frame.
    ///
    /// - Precondition: ``type`` is TRAILERS.
    /// - Throws: ``FrameError/undecodablePayload(_:_:)`` when the payload is not a valid `Status`.
    package func decodeStatus() throws(FrameError) -> Status {
        try self.decodeProtoPayload(Status.self, of: .trailers)
    }

    /// The `Settings` of a SETTINGS frame; an ACK, having no payload, decodes to all defaults.
    ///
    /// - Precondition: ``type`` is SETTINGS.
    /// - Throws: ``FrameError/undecodablePayload(_:_:)`` when the payload is not a valid `Settings`.
    package func decodeSettings() throws(FrameError) -> Settings {
        try self.decodeProtoPayload(Settings.self, of: .settings)
    }

    /// The `GoAway` of a GOAWAY frame.
    ///
    /// - Precondition: ``type`` is GOAWAY.
    /// - Throws: ``FrameError/undecodablePayload(_:_:)`` when the payload is not a valid `GoAway`.
    package func decodeGoAway() throws(FrameError) -> GoAway {
        try self.decodeProtoPayload(GoAway.self, of: .goAway)
    }

    /// The credit a WINDOW_UPDATE frame grants, in `1...Frame.maxWindowIncrement`.
    ///
    /// - Precondition: ``type`` is WINDOW_UPDATE.
    /// - Throws: ``FrameError/badLength(_:length:required:)`` unless the payload is 4 bytes, and
    ///   ``FrameError/badWindowIncrement(_:)`` for 0 or a value above 2^31-1.
    package func decodeWindowIncrement() throws(FrameError) -> UInt32 {
        self.requireType(.windowUpdate)
        let increment = try self.fixedLengthInteger(UInt32.self, byteCount: Self.windowIncrementByteCount)
        guard (1...Self.maxWindowIncrement).contains(increment) else {
            throw .badWindowIncrement(increment)
        }
        return increment
    }

    /// The 8 opaque bytes of a PING frame.
    ///
    /// - Precondition: ``type`` is PING.
    /// - Throws: ``FrameError/badLength(_:length:required:)`` unless the payload is 8 bytes.
    package func decodePingData() throws(FrameError) -> PingData {
        self.requireType(.ping)
        return PingData(try self.fixedLengthInteger(UInt64.self, byteCount: PingData.byteCount))
    }

    /// Decodes the payload as a protobuf message.
    private func decodeProtoPayload<Message: ProtoMessage>(
        _: Message.Type,
        of type: FrameType
    ) throws(FrameError) -> Message {
        self.requireType(type)
        do {
            return try Message(buffer: self.payload)
        } catch {
            throw .undecodablePayload(type, error)
        }
    }

    /// Reads the whole payload as one big-endian integer, which must fill it exactly.
    private func fixedLengthInteger<Value: FixedWidthInteger>(
        _: Value.Type,
        byteCount: Int
    ) throws(FrameError) -> Value {
        guard self.payload.readableBytes == byteCount,
            let value = self.payload.getInteger(at: self.payload.readerIndex, endianness: .big, as: Value.self)
        else {
            throw .badLength(self.type, length: self.payload.readableBytes, required: byteCount)
        }
        return value
    }

    /// Traps when a payload accessor is called on a frame of another type: a bug in the caller.
    private func requireType(_ expected: FrameType) {
        precondition(self.type == expected, "reading a \(expected) payload from a \(self.type) frame")
    }
}
