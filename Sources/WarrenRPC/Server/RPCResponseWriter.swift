package import NIOCore
public import WarrenProto

/// Sends the response messages of a streaming call.
public struct RPCResponseWriter<Message: ProtoMessage>: Sendable {
    private let transport: any ServerCallTransport

    package init(transport: any ServerCallTransport) {
        self.transport = transport
    }

    /// Sends one message; suspends while the client's flow-control window is exhausted, so a slow reader
    /// slows the writer instead of growing a buffer. Throws `RPCError` `.cancelled` once the call is over.
    public func write(_ message: Message) async throws(RPCError) {
        try await self.transport.sendResponse(MessageCoding.encode(message))
    }

    /// Sends a message already encoded with `MessageCoding.encode`: one that many calls send, encoded once.
    package func write(encoded message: ByteBuffer) async throws(RPCError) {
        try await self.transport.sendResponse(message)
    }
}
