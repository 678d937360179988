import NIOCore
import NIOPosix
import WarrenProto
import WarrenRPC

/// A scripted Warren server on loopback: it strips the client's preface, sends its SETTINGS, and hands every
/// later frame to the test, which answers with frames of its choosing.
final class FakeServer: Sendable {
    /// The port it listens on.
    let port: Int
    private let channel: any Channel
    private let accepted: AsyncStream<FakeServerConnection>

    /// The SETTINGS a fake server announces unless a test chooses others.
    static let defaultSettings = Settings(
        maxFrameSize: Frame.defaultMaxFrameSize,
        maxConcurrentStreams: 100,
        initialStreamWindow: 1 << 20,
        initialConnectionWindow: 4 << 20,
        maxMessageSize: 4 << 20,
        supportedEncodings: ["identity", "deflate"]
    )

    private init(port: Int, channel: any Channel, accepted: AsyncStream<FakeServerConnection>) {
        self.port = port
        self.channel = channel
        self.accepted = accepted
    }

    /// Starts listening on 127.0.0.1 with an ephemeral port.
    static func start(settings: Settings = FakeServer.defaultSettings) async throws -> FakeServer {
        let (accepted, continuation) = AsyncStream.makeStream(of: FakeServerConnection.self)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    let (frames, frameContinuation) = AsyncStream.makeStream(of: Frame.self)
                    try child.pipeline.syncOperations.addHandlers(
                        ByteToMessageHandler(PrefaceStrippingFrameDecoder()),
                        FakeServerHandler(settings: settings, frames: frameContinuation)
                    )
                    continuation.yield(FakeServerConnection(channel: child, frames: frames))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return FakeServer(port: channel.localAddress!.port!, channel: channel, accepted: accepted)
    }

    /// A client configuration pointing at this server.
    var clientConfiguration: RPCClientConfiguration {
        RPCClientConfiguration(host: "127.0.0.1", port: self.port)
    }

    /// The next connection a client opens.
    func nextConnection() async throws -> FakeServerConnection {
        var iterator = self.accepted.makeAsyncIterator()
        guard let connection = await iterator.next() else { throw FakeServerError.closed }
        return connection
    }

    /// Stops listening.
    func stop() async throws {
        try await self.channel.close()
    }
}

/// The test's end of one connection to a ``FakeServer``.
final class FakeServerConnection: Sendable {
    private let channel: any Channel
    private let frames: AsyncStream<Frame>

    init(channel: any Channel, frames: AsyncStream<Frame>) {
        self.channel = channel
        self.frames = frames
    }

    /// The next frame from the client, skipping SETTINGS (and their ACKs) unless `includeSettings`.
    func next(includeSettings: Bool = false) async throws -> Frame {
        var iterator = self.frames.makeAsyncIterator()
        while let frame = await iterator.next() {
            if frame.type == .settings, !includeSettings { continue }
            return frame
        }
        throw FakeServerError.closed
    }

    /// The next frame from the client, which must be of `type`.
    func expect(_ type: FrameType) async throws -> Frame {
        let frame = try await self.next()
        guard frame.type == type else { throw FakeServerError.unexpected(frame) }
        return frame
    }

    /// The next frames until one of `type`, returning it and those skipped.
    func frames(until type: FrameType) async throws -> (Frame, skipped: [Frame]) {
        var skipped: [Frame] = []
        while true {
            let frame = try await self.next()
            if frame.type == type { return (frame, skipped) }
            skipped.append(frame)
        }
    }

    /// Writes frames to the client in one flush.
    func send(_ frames: Frame...) async throws {
        var buffer = ByteBuffer()
        for frame in frames { buffer.writeImmutableBuffer(frame.encoded) }
        try await self.channel.writeAndFlush(buffer)
    }

    /// Answers a call with HEADERS, the messages and OK (or `status`) TRAILERS.
    func respond(streamID: UInt32, messages: [ByteBuffer], status: Status = Status(code: .ok)) async throws {
        var frames = [try Frame.headers(streamID: streamID, ResponseHeaders())]
        frames += messages.map { Frame.message(streamID: streamID, payload: $0) }
        frames.append(try Frame.trailers(streamID: streamID, status))
        var buffer = ByteBuffer()
        for frame in frames { buffer.writeImmutableBuffer(frame.encoded) }
        try await self.channel.writeAndFlush(buffer)
    }

    /// Sends a PING and returns the frames the client sent before its ACK: a fence that proves the client's
    /// event loop has handled everything queued before the PING arrived.
    func pingFence(_ value: UInt64) async throws -> [Frame] {
        try await self.send(Frame.ping(PingData(value)))
        var before: [Frame] = []
        while true {
            let frame = try await self.next()
            if frame.type == .ping, frame.isAck, try frame.decodePingData() == PingData(value) { return before }
            before.append(frame)
        }
    }

    /// Closes the TCP connection.
    func close() async throws {
        try await self.channel.close()
    }
}

enum FakeServerError: Error {
    case closed
    case unexpected(Frame)
}

/// Checks and drops the 8-byte preface, then decodes frames.
private struct PrefaceStrippingFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = Frame
    private var prefaceSeen = false
    private var frames = FrameDecoder()

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        if !self.prefaceSeen {
            guard let preface = buffer.readBytes(length: Preface.byteCount) else { return .needMoreData }
            var expected = ByteBuffer()
            Preface().write(into: &expected)
            guard preface == Array(expected.readableBytesView) else { throw FakeServerError.closed }
            self.prefaceSeen = true
        }
        guard let frame = try self.frames.decode(buffer: &buffer) else { return .needMoreData }
        context.fireChannelRead(NIOAny(frame))
        return .continue
    }
}

/// Sends the server's SETTINGS when the client connects and forwards every frame to the test.
private final class FakeServerHandler: ChannelInboundHandler {
    typealias InboundIn = Frame
    typealias OutboundOut = ByteBuffer
    private let settings: Settings
    private let frames: AsyncStream<Frame>.Continuation

    init(settings: Settings, frames: AsyncStream<Frame>.Continuation) {
        self.settings = settings
        self.frames = frames
    }

    func channelActive(context: ChannelHandlerContext) {
        context.writeAndFlush(self.wrapOutboundOut(try! Frame.settings(self.settings).encoded), promise: nil)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.frames.yield(self.unwrapInboundIn(data))
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.frames.finish()
        context.fireChannelInactive()
    }
}
