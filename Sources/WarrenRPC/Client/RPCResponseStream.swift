public import WarrenProto

/// The response messages of a call, in order; ends when the call ends OK and throws its `RPCError` otherwise.
public struct RPCResponseStream<Message: ProtoMessage>: AsyncSequence, Sendable {
    public typealias Element = Message
    public typealias Failure = RPCError

    private let transport: any ClientCallTransport

    package init(transport: any ClientCallTransport) {
        self.transport = transport
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(transport: self.transport)
    }

    /// Reads the stream's messages one at a time.
    public struct AsyncIterator: AsyncIteratorProtocol, Sendable {
        private let transport: any ClientCallTransport

        fileprivate init(transport: any ClientCallTransport) {
            self.transport = transport
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async throws(RPCError) -> Message? {
            guard let bytes = try await self.transport.nextResponse() else { return nil }
            return try MessageCoding.decode(Message.self, from: bytes)
        }

        public mutating func next() async throws(RPCError) -> Message? {
            try await self.next(isolation: nil)
        }
    }
}
