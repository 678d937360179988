public import WarrenProto

/// Sends the request messages of a client- or bidirectional-streaming call.
public struct RPCRequestWriter<Message: ProtoMessage>: Sendable {
    private let transport: any ClientCallTransport

    package init(transport: any ClientCallTransport) {
        self.transport = transport
    }

    /// Sends one message; suspends while the server's flow-control window is exhausted.
    public func write(_ message: Message) async throws(RPCError) {
        try await self.transport.sendRequest(MessageCoding.encode(message))
    }

    /// Tells the server no more requests follow (END_STREAM).
    public func finish() async throws(RPCError) {
        try await self.transport.finishRequests()
    }
}
