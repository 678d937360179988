internal import NIOCore
internal import WarrenProto

/// One call's transport on the client: requests go through its ``ClientConnection``, responses come from its
/// ``ClientCallInbox`` (read without hopping onto the event loop when one is buffered).
struct ClientCall: ClientCallTransport {
    let connection: ClientConnection
    let streamID: UInt32
    let inbox: ClientCallInbox
    let encoding: RequestEncoding
    /// The largest response message accepted after inflating.
    let maxResponseSize: Int

    func sendRequest(_ message: ByteBuffer) async throws(RPCError) {
        let (payload, compressed) = try self.encodeForWire(message)
        if let error = await self.connection.send(
            streamID: self.streamID,
            inbox: self.inbox,
            payload: payload,
            compressed: compressed
        ) {
            throw error
        }
    }

    func finishRequests() async throws(RPCError) {
        if let error = await self.connection.send(
            streamID: self.streamID,
            inbox: self.inbox,
            payload: nil,
            compressed: false
        ) {
            throw error
        }
    }

    func nextResponse() async throws(RPCError) -> ByteBuffer? {
        switch await self.inbox.next() {
        case .end(.success):
            return nil
        case .end(.failure(let error)):
            throw error
        case .message(let message):
            self.connection.consumed(streamID: self.streamID, size: message.payload.readableBytes)
            guard message.compressed else { return message.payload }
            return try self.inflate(message.payload)
        }
    }

    /// Cancels the call unless it already ended and every response was read.
    func abandon(_ error: RPCError) {
        guard !self.inbox.isFinished else { return }
        self.connection.cancel(self.inbox, error)
    }

    /// Deflates a request when the policy says so and checks it against the server's limits; a request over
    /// them fails the call.
    private func encodeForWire(_ message: ByteBuffer) throws(RPCError) -> (ByteBuffer, Bool) {
        do {
            return try self.encoding.encode(message)
        } catch {
            self.connection.cancel(self.inbox, error)
            throw error
        }
    }

    private func inflate(_ payload: ByteBuffer) throws(RPCError) -> ByteBuffer {
        let inflated = payload.withUnsafeReadableBytes { raw in
            Result { () throws(CompressionError) in try MessageCompression.inflate(raw, limit: self.maxResponseSize) }
        }
        switch inflated {
        case .success(let bytes):
            return ByteBuffer(bytes: bytes)
        case .failure(.limitExceeded(let limit)):
            throw self.fail(
                .resourceExhausted,
                "response inflates to more than the maximum message size of \(limit) bytes"
            )
        case .failure(let error):
            throw self.fail(.internal, "cannot inflate a response: \(error)")
        }
    }

    /// Fails and cancels the call with an error found on this side.
    private func fail(_ code: StatusCode, _ message: String) -> RPCError {
        let error = RPCError(code, message)
        self.connection.cancel(self.inbox, error)
        return error
    }
}
