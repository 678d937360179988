/// Which stream ids a frame type may carry (PROTOCOL.md "Stream ids").
///
/// Streams are opened only by the client, with odd ids; stream 0 is the connection itself. Both
/// directions of a call use the client's odd id, so the rules are the same for frames a server
/// receives and frames a client receives. Even non-zero ids are never valid in protocol version 1
/// (they are reserved, for instance for server-opened streams in a later version).
package enum StreamIDRule: Hashable, Sendable {
    /// Exactly 0: the frame concerns the whole connection (SETTINGS, PING, GOAWAY).
    case connection
    /// An odd id, hence not 0: the frame belongs to one call (HEADERS, MESSAGE, TRAILERS, CANCEL).
    case stream
    /// 0 for the connection or an odd id for one call (WINDOW_UPDATE).
    case connectionOrStream
    /// Any id: frames of unknown types are not checked.
    case any

    /// Whether `streamID` satisfies the rule.
    package func permits(_ streamID: UInt32) -> Bool {
        switch self {
        case .connection: streamID == 0
        case .stream: streamID % 2 == 1
        case .connectionOrStream: streamID == 0 || streamID % 2 == 1
        case .any: true
        }
    }
}

extension StreamIDRule: CustomStringConvertible {
    /// The rule in words, completing "frames of this type belong on …".
    package var description: String {
        switch self {
        case .connection: "stream 0 (the connection)"
        case .stream: "an odd stream id (a call the client opened)"
        case .connectionOrStream: "stream 0 (the connection) or an odd stream id (a call)"
        case .any: "any stream id"
        }
    }
}
