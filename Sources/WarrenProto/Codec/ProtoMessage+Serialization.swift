internal import CWarrenProto
public import NIOCore

extension ProtoMessage {
    /// The message's protobuf encoding.
    public func serializedBytes() throws(ProtoEncodingError) -> [UInt8] {
        try withPackedMessage { (message, size) in
            [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                count = size == 0 ? 0 : cwarren_pack(message, buffer.baseAddress!)
            }
        }
    }

    /// Appends the message's protobuf encoding to `buffer` with no intermediate copy.
    /// - Returns: the number of bytes written.
    @discardableResult
    public func serialize(into buffer: inout ByteBuffer) throws(ProtoEncodingError) -> Int {
        try withPackedMessage { (message, size) in
            guard size > 0 else { return 0 }
            return buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { raw in
                cwarren_pack(message, raw.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        }
    }

    /// The size of the message's protobuf encoding.
    public func serializedSize() throws(ProtoEncodingError) -> Int {
        try withPackedMessage { (_, size) in size }
    }

    /// Decodes a message from its protobuf encoding.
    public init(serializedBytes bytes: [UInt8]) throws(ProtoDecodingError) {
        self = try bytes.span.bytes.withUnsafeBytes { (raw) throws(ProtoDecodingError) in try Self(unsafeBytes: raw) }
    }

    /// Decodes a message from the readable bytes of `buffer`, reading them in place.
    public init(buffer: ByteBuffer) throws(ProtoDecodingError) {
        self = try buffer.withUnsafeReadableBytes { raw in
            Result { () throws(ProtoDecodingError) in try Self(unsafeBytes: raw) }
        }.get()
    }

    /// Decodes a message from raw memory that stays valid for the duration of the call.
    public init(unsafeBytes raw: UnsafeRawBufferPointer) throws(ProtoDecodingError) {
        let descriptor = Self._protobufCDescriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)
        let bytes = raw.baseAddress?.assumingMemoryBound(to: UInt8.self)
        guard let arena = cwarren_arena_acquire() else { CCodec.outOfMemory() }
        defer { cwarren_arena_release(arena) }
        guard let message = cwarren_unpack(descriptor, arena, bytes, raw.count) else {
            throw ProtoDecodingError.diagnosing(descriptor, bytes, raw.count, messageName: Self.protoName)
        }
        self = try Self(_protobufC: UnsafeRawPointer(message))
    }

    /// Builds the C tree in a borrowed arena and hands it, with its packed size, to `body`.
    private func withPackedMessage<Result>(
        _ body: (UnsafePointer<ProtobufCMessage>, Int) -> Result
    ) throws(ProtoEncodingError) -> Result {
        guard let arena = cwarren_arena_acquire() else { CCodec.outOfMemory() }
        defer { cwarren_arena_release(arena) }
        let message = UnsafePointer(try _protobufC(arena: arena).assumingMemoryBound(to: ProtobufCMessage.self))
        return body(message, cwarren_packed_size(message))
    }
}

extension ProtoDecodingError {
    /// Explains a failed unpack by walking the bytes against the descriptor.
    static func diagnosing(
        _ descriptor: UnsafePointer<ProtobufCMessageDescriptor>,
        _ bytes: UnsafePointer<UInt8>?,
        _ count: Int,
        messageName: String
    ) -> ProtoDecodingError {
        var text = [CChar](repeating: 0, count: 256)
        let diagnosis = cwarren_diagnose(descriptor, bytes, count, &text, text.count)
        let detail = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        switch diagnosis {
        case CWARREN_DIAGNOSIS_INVALID_UTF8:
            return ProtoDecodingError(kind: .invalidString, message: "cannot decode \(messageName): \(detail)")
        case CWARREN_DIAGNOSIS_TOO_DEEP:
            return ProtoDecodingError(kind: .tooDeep, message: "cannot decode \(messageName): \(detail)")
        case CWARREN_DIAGNOSIS_MALFORMED:
            return ProtoDecodingError(kind: .malformed, message: "cannot decode \(messageName): \(detail)")
        default:
            return ProtoDecodingError(
                kind: .malformed,
                message: "cannot decode \(messageName): libprotobuf-c rejected \(count) bytes"
            )
        }
    }
}
