internal import NIOCore
internal import Synchronization
internal import WarrenProto

/// The ``ServerCallTransport`` of one call: reads from its ``CallInbox`` and hops to the connection's event loop
/// to write; a streaming writer runs a bounded number of messages ahead of the socket (``ResponsePipeline``).
final class ServerStreamTransport: ServerCallTransport {
    let context: ServerCallContext
    private let streamID: UInt32
    private let inbox: CallInbox
    private let connection: NIOLoopBound<ServerConnectionHandler>
    private let compressesResponses: Bool
    private let maxMessageSize: Int
    /// Streamed responses handed over and not yet written.
    private let pipeline = ResponsePipeline()
    /// Set by ``sendLastResponse(_:)``, which ends the call itself: ``finish(_:)`` then has nothing to do.
    private let lastResponseSent = Atomic<Bool>(false)

    /// Creates the transport of `call`, served by `connection`.
    init(
        context: ServerCallContext,
        call: ServerCall,
        connection: NIOLoopBound<ServerConnectionHandler>,
        maxMessageSize: Int
    ) {
        self.context = context
        self.streamID = call.streamID
        self.inbox = call.inbox
        self.connection = connection
        self.compressesResponses = call.usesDeflate
        self.maxMessageSize = maxMessageSize
    }

    private var eventLoop: any EventLoop { self.connection.eventLoop }

    func nextRequest() async throws(RPCError) -> ByteBuffer? {
        guard let message = try await self.inbox.next().get() else { return nil }
        if self.inbox.recordConsumed(message.payload.readableBytes) {
            let (connection, streamID, inbox) = (self.connection, self.streamID, self.inbox)
            self.eventLoop.execute { connection.value.requestsConsumed(streamID: streamID, inbox: inbox) }
        }
        guard message.compressed else { return message.payload }
        return try self.inflate(message.payload)
    }

    /// Hands the message to the call's pipeline and goes on while fewer than its bound are unsent; one hop
    /// takes everything queued since the last one to the event loop (D118).
    func sendResponse(_ message: ByteBuffer) async throws(RPCError) {
        let outbound = self.outbound(message)
        let (scheduleTake, full) = try self.pipeline.send(outbound)
        if scheduleTake {
            let (connection, streamID, pipeline) = (self.connection, self.streamID, self.pipeline)
            self.eventLoop.execute {
                for message in pipeline.takeQueued() {
                    let writer = ServerCall.Writer.pipelined(pipeline, bytes: message.payload.readableBytes)
                    connection.value.sendResponse(message, streamID: streamID, writer: writer)
                }
            }
        }
        if full { try await self.pipeline.waitForRoom() }
    }

    /// One hop to the event loop for the message and the OK trailers behind it, where ``sendResponse(_:)`` and
    /// ``finish(_:)`` took two, plus one back to resume the handler (D100).
    func sendLastResponse(_ message: ByteBuffer) async throws(RPCError) {
        let outbound = self.outbound(message)
        self.lastResponseSent.store(true, ordering: .relaxed)
        let (connection, streamID) = (self.connection, self.streamID)
        self.eventLoop.execute { connection.value.sendResponse(outbound, streamID: streamID, writer: .endsCall) }
    }

    /// Ends the call with `status` once the handler is done (trailers go after the queued messages), unless
    /// ``sendLastResponse(_:)`` already ended it.
    func finish(_ status: Status) {
        guard !self.lastResponseSent.load(ordering: .relaxed) else { return }
        let (connection, streamID) = (self.connection, self.streamID)
        self.eventLoop.execute { connection.value.finishCall(streamID: streamID, status: status) }
    }

    /// A response message as the stream machine takes it, deflated if the call negotiated it.
    private func outbound(_ message: ByteBuffer) -> StreamStateMachine.OutboundMessage {
        self.compressesResponses
            ? StreamStateMachine.OutboundMessage(payload: Self.deflate(message), compressed: true)
            : StreamStateMachine.OutboundMessage(payload: message)
    }

    /// Inflates a COMPRESSED request, capped at the maximum message size.
    private func inflate(_ payload: ByteBuffer) throws(RPCError) -> ByteBuffer {
        let result = payload.withUnsafeReadableBytes { bytes in
            Result { () throws(CompressionError) in try MessageCompression.inflate(bytes, limit: self.maxMessageSize) }
        }
        switch result {
        case .success(let bytes): return ByteBuffer(bytes: bytes)
        case .failure(.corrupt): throw RPCError(.invalidArgument, CompressionError.corrupt.description)
        case .failure(let error): throw RPCError(.resourceExhausted, error.description)
        }
    }

    /// Deflates a response message (in the handler's task, off the event loop).
    private static func deflate(_ message: ByteBuffer) -> ByteBuffer {
        ByteBuffer(bytes: message.withUnsafeReadableBytes { MessageCompression.deflate($0) })
    }
}
