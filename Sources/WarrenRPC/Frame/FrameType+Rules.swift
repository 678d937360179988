extension FrameType {
    /// The stream ids frames of this type may carry.
    package var streamIDRule: StreamIDRule {
        switch self {
        case .settings, .ping, .goAway: .connection
        case .headers, .message, .trailers, .cancel: .stream
        case .windowUpdate: .connectionOrStream
        case .unknown: .any
        }
    }

    /// The flag bits frames of this type may set; any other bit is a protocol error.
    package var allowedFlags: FrameFlags {
        switch self {
        case .settings, .ping: .ack
        case .headers: .endStream
        case .message: [.endStream, .compressed]
        case .trailers, .cancel, .windowUpdate, .goAway: []
        case .unknown: .all
        }
    }

    /// The exact payload length frames of this type must have with these flags, or nil if it varies.
    ///
    /// PING carries 8 bytes, WINDOW_UPDATE 4, and CANCEL and a SETTINGS ACK none.
    package func requiredPayloadLength(flags: FrameFlags) -> Int? {
        switch self {
        case .ping: PingData.byteCount
        case .windowUpdate: Frame.windowIncrementByteCount
        case .cancel: 0
        case .settings: flags.contains(.ack) ? 0 : nil
        case .headers, .message, .trailers, .goAway, .unknown: nil
        }
    }
}
