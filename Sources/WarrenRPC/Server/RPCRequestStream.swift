public import WarrenProto

/// The request messages of a call, in order; ends when the client half-closes.
///
/// Iteration throws `RPCError`: `.invalidArgument` for a message that does not decode (the call then ends with
/// that status), `.cancelled` once the call is over.
public struct RPCRequestStream<Message: ProtoMessage>: AsyncSequence, Sendable {
    public typealias Element = Message
    public typealias Failure = RPCError

    private let transport: any ServerCallTransport

    package init(transport: any ServerCallTransport) {
        self.transport = transport
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(transport: self.transport)
    }

    /// Reads the stream's messages one at a time.
    public struct AsyncIterator: AsyncIteratorProtocol, Sendable {
        private let transport: any ServerCallTransport

        fileprivate init(transport: any ServerCallTransport) {
            self.transport = transport
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async throws(RPCError) -> Message? {
            guard let bytes = try await self.transport.nextRequest() else { return nil }
            return try MessageCoding.decode(Message.self, from: bytes)
        }

        public mutating func next() async throws(RPCError) -> Message? {
            try await self.next(isolation: nil)
        }
    }
}
