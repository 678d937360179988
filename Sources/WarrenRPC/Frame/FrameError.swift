package import WarrenProto

/// Why bytes are not a valid frame, or a frame's payload is not valid for its type.
///
/// Every case is a connection-level protocol violation unless the layer above decides otherwise;
/// ``goAwayCode`` gives the code of the GOAWAY that answers it. The cases describe themselves
/// precisely, naming the frame type, the offending value and the rule it broke.
package enum FrameError: Error, Hashable, Sendable {
    /// The header declares a payload longer than the receiver's maximum frame size (checked from the
    /// header alone, before any payload is buffered), or an encoder was asked to exceed the peer's.
    case frameTooLarge(declared: Int, limit: Int)
    /// A type with a fixed payload length (PING 8, WINDOW_UPDATE 4, CANCEL 0, SETTINGS ACK 0) declares another.
    case badLength(FrameType, length: Int, required: Int)
    /// The flags include bits that are not defined for the type.
    case badFlags(FrameType, flags: FrameFlags, allowed: FrameFlags)
    /// The stream id breaks the type's rule (connection-only, odd call streams, or either).
    case badStreamID(FrameType, streamID: UInt32, rule: StreamIDRule)
    /// A WINDOW_UPDATE increment is 0 or above 2^31-1.
    case badWindowIncrement(UInt32)
    /// A HEADERS, TRAILERS, SETTINGS or GOAWAY payload is not a valid encoding of its protobuf message.
    case undecodablePayload(FrameType, ProtoDecodingError)
}

extension FrameError: CustomStringConvertible {
    /// What was wrong, with the values involved.
    package var description: String {
        switch self {
        case .frameTooLarge(let declared, let limit):
            "frame declares a \(declared)-byte payload, over the maximum frame size of \(limit) bytes"
        case .badLength(let type, let length, let required):
            "\(Self.lengthSubject(type)) frame has a \(length)-byte payload; it must have exactly \(required)"
        case .badFlags(let type, let flags, let allowed):
            "\(type) frame has flags \(flags), which set bits undefined for \(type) (allowed: \(allowed))"
        case .badStreamID(let type, let streamID, let rule):
            "\(type) frame on stream \(streamID); \(type) frames belong on \(rule)"
        case .badWindowIncrement(let increment):
            "WINDOW_UPDATE increment \(increment) is outside 1...\(Frame.maxWindowIncrement)"
        case .undecodablePayload(let type, let error):
            "\(type) frame payload: \(error.message)"
        }
    }

    /// The frame named in a length error: a SETTINGS frame only has a fixed length when it is an ACK.
    private static func lengthSubject(_ type: FrameType) -> String {
        type == .settings ? "SETTINGS ACK" : type.description
    }
}

extension FrameError {
    /// The code of the GOAWAY that answers this error: FRAME_TOO_LARGE for an oversized frame,
    /// PROTOCOL_ERROR for every other broken rule.
    package var goAwayCode: GoAwayCode {
        switch self {
        case .frameTooLarge: .frameTooLarge
        case .badLength, .badFlags, .badStreamID, .badWindowIncrement, .undecodablePayload: .protocolError
        }
    }
}
