package import NIOCore
package import WarrenProto

/// Turns messages into call payloads and back, mapping codec failures onto call statuses.
package enum MessageCoding {
    /// Decodes a received message; an undecodable one is INVALID_ARGUMENT, naming the message type and fault.
    package static func decode<Message: ProtoMessage>(
        _ type: Message.Type,
        from bytes: ByteBuffer
    ) throws(RPCError) -> Message {
        do {
            return try Message(buffer: bytes)
        } catch {
            throw RPCError(.invalidArgument, "cannot decode \(Message.protoName): \(error.message)")
        }
    }

    /// Encodes a message to send; a message the codec rejects (such as a string with NUL) is INTERNAL.
    package static func encode<Message: ProtoMessage>(_ message: Message) throws(RPCError) -> ByteBuffer {
        var buffer = ByteBuffer()
        do {
            _ = try message.serialize(into: &buffer)
        } catch {
            throw RPCError(.internal, "cannot encode \(Message.protoName): \(error.message)")
        }
        return buffer
    }
}
