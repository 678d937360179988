/// The type byte of a frame (PROTOCOL.md "Framing"; SPEC §3).
///
/// The eight types of protocol version 1 have their own cases. Any other byte decodes to
/// ``unknown(_:)`` so that a receiver can skip frames added by later extensions instead of failing:
/// `FrameType(rawValue: 42)` is `.unknown(42)`. Always build a value from a byte with
/// ``init(rawValue:)``; `.unknown` never holds one of the eight known bytes when built that way.
package enum FrameType: RawRepresentable, Hashable, Sendable {
    /// SETTINGS (0): connection parameters (a protobuf `Settings`), or their acknowledgement.
    case settings
    /// HEADERS (1): opens a call (a protobuf `CallHeaders`) or carries response metadata (`ResponseHeaders`).
    case headers
    /// MESSAGE (2): one protobuf message of a call, possibly compressed.
    case message
    /// TRAILERS (3): ends a call with a protobuf `Status`.
    case trailers
    /// CANCEL (4): aborts a call, from either side; carries no payload.
    case cancel
    /// WINDOW_UPDATE (5): grants flow-control credit; a 4-byte increment.
    case windowUpdate
    /// PING (6): keepalive and round-trip probe; 8 opaque bytes, echoed in the acknowledgement.
    case ping
    /// GOAWAY (7): drains or closes the connection (a protobuf `GoAway`).
    case goAway
    /// A type byte this implementation does not know (8…255); the frame is read and ignored.
    case unknown(UInt8)

    /// The eight frame types of protocol version 1, in type-byte order.
    package static let knownTypes: [FrameType] = [
        .settings, .headers, .message, .trailers, .cancel, .windowUpdate, .ping, .goAway,
    ]

    /// Creates the type for a type byte; bytes above 7 become ``unknown(_:)``.
    package init(rawValue: UInt8) {
        switch rawValue {
        case 0: self = .settings
        case 1: self = .headers
        case 2: self = .message
        case 3: self = .trailers
        case 4: self = .cancel
        case 5: self = .windowUpdate
        case 6: self = .ping
        case 7: self = .goAway
        default: self = .unknown(rawValue)
        }
    }

    /// The type byte on the wire.
    package var rawValue: UInt8 {
        switch self {
        case .settings: 0
        case .headers: 1
        case .message: 2
        case .trailers: 3
        case .cancel: 4
        case .windowUpdate: 5
        case .ping: 6
        case .goAway: 7
        case .unknown(let byte): byte
        }
    }
}

extension FrameType: CustomStringConvertible {
    /// The type's name as PROTOCOL.md writes it, such as `WINDOW_UPDATE`, or `UNKNOWN(0x2A)`.
    package var description: String {
        switch self {
        case .settings: "SETTINGS"
        case .headers: "HEADERS"
        case .message: "MESSAGE"
        case .trailers: "TRAILERS"
        case .cancel: "CANCEL"
        case .windowUpdate: "WINDOW_UPDATE"
        case .ping: "PING"
        case .goAway: "GOAWAY"
        case .unknown(let byte): "UNKNOWN(\(Hex.byte(byte)))"
        }
    }
}
