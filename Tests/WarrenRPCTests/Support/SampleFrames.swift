import NIOCore
import WarrenProto
import WarrenRPC

/// Valid frames of every type, with each flag and stream-id shape the type allows.
enum SampleFrames {
    /// The types the parameterised tests run over: the eight known ones and two unknown bytes.
    static let types: [FrameType] = FrameType.knownTypes + [.unknown(8), .unknown(0xFF)]

    /// Every sample frame, all types together.
    static var all: [Frame] { Self.types.flatMap(Self.frames(of:)) }

    /// The sample frames of one type.
    static func frames(of type: FrameType) -> [Frame] {
        switch type {
        case .settings: Self.settings
        case .headers: Self.headers
        case .message: Self.messages
        case .trailers: Self.trailers
        case .cancel: [.cancel(streamID: 7), .cancel(streamID: UInt32.max)]
        case .windowUpdate: Self.windowUpdates
        case .ping: [.ping(PingData(0x0102_0304_0506_0708)), .ping(PingData(0), ack: true)]
        case .goAway: Self.goAways
        case .unknown(let byte): Self.unknown(byte)
        }
    }

    static let serverSettings = Settings(
        maxFrameSize: Frame.defaultMaxFrameSize,
        maxConcurrentStreams: 100,
        initialStreamWindow: 65_535,
        initialConnectionWindow: 1 << 20,
        maxMessageSize: 4 << 20,
        serverVersion: "warrend 0.1.0",
        protocolVersion: 1,
        supportedEncodings: ["identity", "deflate"]
    )

    static let callHeaders = CallHeaders(
        method: "/warren.v1.RuntimeControlPlane/Ingest",
        timeoutMs: 30_000,
        metadata: ["authorization": "Bearer t0k3n", "x-trace": "abc"],
        messageEncoding: "deflate"
    )

    static let status = Status(code: .notFound, message: "runtime rt-1 not found", metadata: ["retry": "no"])

    private static var settings: [Frame] {
        [try! .settings(Self.serverSettings), try! .settings(Settings()), .settingsAck()]
    }

    private static var headers: [Frame] {
        [
            try! .headers(streamID: 1, Self.callHeaders),
            try! .headers(streamID: 3, CallHeaders(method: "/warren.v1.Health/Check"), endStream: true),
            try! .headers(streamID: 1, ResponseHeaders(metadata: ["server": "warrend"], messageEncoding: "identity")),
        ]
    }

    private static var messages: [Frame] {
        [
            .message(streamID: 1, payload: ByteBuffer(bytes: [0x0A, 0x03, 0x61, 0x62, 0x63])),
            .message(streamID: 5, payload: ByteBuffer(bytes: [0x78, 0x9C, 0x03, 0x00]), compressed: true),
            .message(streamID: 5, payload: ByteBuffer(), endStream: true),
            .message(
                streamID: 0xFFFF_FFFF,
                payload: ByteBuffer(repeating: 0xAB, count: 300),
                compressed: true,
                endStream: true
            ),
        ]
    }

    private static var trailers: [Frame] {
        [try! .trailers(streamID: 1, Self.status), try! .trailers(streamID: 9, Status())]
    }

    private static var windowUpdates: [Frame] {
        [
            .windowUpdate(streamID: 0, increment: 65_535),
            .windowUpdate(streamID: 11, increment: Frame.maxWindowIncrement),
            .windowUpdate(streamID: 1, increment: 1),
        ]
    }

    private static var goAways: [Frame] {
        [
            try! .goAway(GoAway(lastStreamID: 7, code: .shutdown, message: "draining")),
            try! .goAway(GoAway()),
        ]
    }

    private static func unknown(_ byte: UInt8) -> [Frame] {
        [
            Frame(type: .unknown(byte), flags: .all, streamID: 2, payload: ByteBuffer(string: "extension")),
            Frame(type: .unknown(byte), flags: [], streamID: 0),
        ]
    }
}
