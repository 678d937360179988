internal import CWarrenProto

/// Per-message zlib compression (message encoding `deflate`, an RFC 1950 zlib stream).
public enum MessageCompression {
    /// The name a peer uses for this encoding in `CallHeaders.message_encoding`.
    public static let encodingName = "deflate"

    /// Compresses `bytes` at zlib's default level.
    public static func deflate(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        let bound = cwarren_deflate_bound(bytes.count)
        return [UInt8](unsafeUninitializedCapacity: bound) { out, count in
            var written = 0
            let result = cwarren_deflate(
                bytes.baseAddress?.assumingMemoryBound(to: UInt8.self),
                bytes.count,
                out.baseAddress,
                bound,
                -1,
                &written
            )
            precondition(result == CWARREN_ZLIB_OK, "deflate into a buffer of deflateBound bytes cannot fail")
            count = written
        }
    }

    /// Compresses `bytes` at zlib's default level.
    public static func deflate(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBytes { deflate($0) }
    }

    /// Decompresses a zlib stream, refusing to produce more than `limit` bytes.
    ///
    /// A decompression bomb costs at most `limit` bytes of memory before it is refused with
    /// ``CompressionError/limitExceeded(limit:)``.
    public static func inflate(_ bytes: UnsafeRawBufferPointer, limit: Int) throws(CompressionError) -> [UInt8] {
        var out: UnsafeMutablePointer<UInt8>?
        var written = 0
        let result = cwarren_inflate(
            bytes.baseAddress?.assumingMemoryBound(to: UInt8.self),
            bytes.count,
            limit,
            &out,
            &written
        )
        defer { cwarren_buffer_free(out) }
        switch result {
        case CWARREN_ZLIB_OK: return Array(UnsafeBufferPointer(start: out, count: written))
        case CWARREN_ZLIB_LIMIT_EXCEEDED: throw .limitExceeded(limit: limit)
        case CWARREN_ZLIB_NO_MEMORY: throw .outOfMemory
        default: throw .corrupt
        }
    }

    /// Decompresses a zlib stream, refusing to produce more than `limit` bytes.
    public static func inflate(_ bytes: [UInt8], limit: Int) throws(CompressionError) -> [UInt8] {
        try bytes.withUnsafeBytes { raw in Result { () throws(CompressionError) in try inflate(raw, limit: limit) } }
            .get()
    }
}

/// Why a compressed message could not be decompressed.
public enum CompressionError: Error, Hashable, CustomStringConvertible {
    /// The message inflates to more than the limit (RESOURCE_EXHAUSTED on the wire).
    case limitExceeded(limit: Int)
    /// The bytes are not a complete zlib stream (INVALID_ARGUMENT on the wire).
    case corrupt
    /// zlib could not allocate its state.
    case outOfMemory

    public var description: String {
        switch self {
        case .limitExceeded(let limit): "compressed message inflates to more than \(limit) bytes"
        case .corrupt: "compressed message is not a valid zlib stream"
        case .outOfMemory: "out of memory while inflating a message"
        }
    }
}
