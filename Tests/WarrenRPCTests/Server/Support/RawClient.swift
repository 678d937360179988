import NIOCore
import NIOPosix
import WarrenProto
import WarrenRPC

/// A minimal WarrenRPC client over real TCP for the server tests: writes prefaces and frames with the
/// protocol's own encoders and reads back decoded frames, in order.
final class RawClient {
    let channel: any Channel
    private var frames: AsyncStream<Frame>.AsyncIterator
    /// Frames read while looking for another stream's.
    private var buffered: [Frame] = []

    private init(channel: any Channel, frames: AsyncStream<Frame>) {
        self.channel = channel
        self.frames = frames.makeAsyncIterator()
    }

    /// Connects to `address`.
    static func connect(to address: SocketAddress) async throws -> RawClient {
        let (stream, continuation) = AsyncStream.makeStream(of: Frame.self)
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ByteToMessageHandler(FrameDecoder(maxFrameSize: Frame.defaultMaxFrameSize))
                    )
                    try channel.pipeline.syncOperations.addHandler(FrameCollector(continuation))
                }
            }
            .connect(to: address)
            .get()
        return RawClient(channel: channel, frames: stream)
    }

    /// Connects and completes the handshake; returns the server's SETTINGS.
    static func connected(
        to address: SocketAddress,
        settings: Settings = Settings(maxFrameSize: Frame.defaultMaxFrameSize)
    ) async throws -> (RawClient, Settings) {
        let client = try await connect(to: address)
        let serverSettings = try await client.handshake(settings)
        return (client, serverSettings)
    }

    /// Writes raw bytes.
    func write(_ bytes: ByteBuffer) async throws {
        try await self.channel.writeAndFlush(bytes)
    }

    /// Writes frames in one flush.
    func send(_ frames: Frame...) async throws {
        var bytes = ByteBuffer()
        for frame in frames { bytes.writeImmutableBuffer(frame.encoded) }
        try await self.write(bytes)
    }

    /// Preface and SETTINGS out, the server's SETTINGS and ACK in, our ACK out.
    func handshake(_ settings: Settings) async throws -> Settings {
        var bytes = ByteBuffer()
        Preface().write(into: &bytes)
        bytes.writeImmutableBuffer(try Frame.settings(settings).encoded)
        try await self.write(bytes)
        guard let first = await self.next(), first.type == .settings, !first.isAck else {
            throw RawClientError.unexpected("no SETTINGS from the server")
        }
        guard let ack = await self.next(), ack.type == .settings, ack.isAck else {
            throw RawClientError.unexpected("no SETTINGS ACK from the server")
        }
        try await self.send(Frame.settingsAck())
        return try first.decodeSettings()
    }

    /// The next frame from the server, or nil once the connection is closed.
    func next() async -> Frame? {
        if !self.buffered.isEmpty { return self.buffered.removeFirst() }
        return await self.frames.next()
    }

    /// The next frame on `streamID`, keeping others for later; nil once the connection is closed.
    func next(on streamID: UInt32) async -> Frame? {
        if let index = self.buffered.firstIndex(where: { $0.streamID == streamID }) {
            return self.buffered.remove(at: index)
        }
        while let frame = await self.frames.next() {
            if frame.streamID == streamID { return frame }
            self.buffered.append(frame)
        }
        return nil
    }

    /// Opens call `streamID` to `method` with `requests` (END_STREAM on the last, or on HEADERS if none).
    func startCall(
        _ streamID: UInt32,
        _ method: String,
        requests: [ByteBuffer],
        metadata: [String: String] = [:],
        timeoutMs: UInt64 = 0,
        encoding: String = "",
        endStream: Bool = true
    ) async throws {
        let headers = CallHeaders(method: method, timeoutMs: timeoutMs, metadata: metadata, messageEncoding: encoding)
        var frames = [try Frame.headers(streamID: streamID, headers, endStream: endStream && requests.isEmpty)]
        for (index, request) in requests.enumerated() {
            let compressed = encoding == MessageCompression.encodingName
            let payload =
                compressed ? ByteBuffer(bytes: MessageCompression.deflate(Array(request.readableBytesView))) : request
            frames.append(
                Frame.message(
                    streamID: streamID,
                    payload: payload,
                    compressed: compressed,
                    endStream: endStream && index == requests.count - 1
                )
            )
        }
        var bytes = ByteBuffer()
        for frame in frames { bytes.writeImmutableBuffer(frame.encoded) }
        try await self.write(bytes)
    }

    /// Reads call `streamID` to its TRAILERS.
    func response(_ streamID: UInt32) async throws -> RawResponse {
        var response = RawResponse()
        while let frame = await self.next(on: streamID) {
            switch frame.type {
            case .headers: response.headers = try frame.decodeResponseHeaders()
            case .message: response.messages.append(frame)
            case .trailers:
                response.status = try frame.decodeStatus()
                return response
            default: throw RawClientError.unexpected("\(frame.type) on stream \(streamID)")
            }
        }
        throw RawClientError.unexpected("connection closed before the trailers of stream \(streamID)")
    }

    /// Reads until the server closes; returns the GOAWAY frames seen on the way.
    func untilClosed() async throws -> [GoAway] {
        var goAways: [GoAway] = []
        while let frame = await self.next() {
            if frame.type == .goAway { goAways.append(try frame.decodeGoAway()) }
        }
        return goAways
    }

    /// Closes the connection.
    func close() async {
        try? await self.channel.close()
    }
}

/// What a call returned.
struct RawResponse {
    var headers: ResponseHeaders?
    var messages: [Frame] = []
    var status = Status()

    /// The response messages decoded as `Message`, inflating compressed ones.
    func decoded<Message: ProtoMessage>(_: Message.Type) throws -> [Message] {
        try self.messages.map { frame in
            let bytes =
                frame.isCompressed
                ? try MessageCompression.inflate(Array(frame.payload.readableBytesView), limit: 1 << 20)
                : Array(frame.payload.readableBytesView)
            return try Message(serializedBytes: bytes)
        }
    }
}

enum RawClientError: Error {
    case unexpected(String)
}

/// Hands decoded frames to the client's stream, and ends it when the connection closes.
private final class FrameCollector: ChannelInboundHandler, Sendable {
    typealias InboundIn = Frame

    private let continuation: AsyncStream<Frame>.Continuation

    init(_ continuation: AsyncStream<Frame>.Continuation) {
        self.continuation = continuation
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.continuation.yield(self.unwrapInboundIn(data))
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.continuation.finish()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.continuation.finish()
        context.close(promise: nil)
    }
}
