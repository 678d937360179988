internal import Crypto
public import WarrenRuntime

extension BlobID {
    /// The content address of an image (persistence-spec §2):
    /// `"sha256:" + hex(SHA256(utf8(mediaType) ‖ 0x00 ‖ utf8(data)))`, over the base64 text as given.
    public static func forImage(mediaType: String, data: String) -> BlobID {
        forBody(BlobBody.bytes(mediaType: mediaType, data: data))
    }

    /// The address of an already encoded body (the hashed bytes are the body itself).
    static func forBody(_ body: [UInt8]) -> BlobID {
        let digest = SHA256.hash(data: body)
        var hex = ""
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(Self.hexDigits[Int(byte >> 4)])
            hex.append(Self.hexDigits[Int(byte & 0x0f)])
        }
        // A SHA-256 digest always renders as 64 lowercase hex digits.
        return BlobID(hex: hex)!
    }

    private static let hexDigits = Array("0123456789abcdef")
}

/// The bytes a blob is addressed by and stored as: `utf8(mediaType) ‖ 0x00 ‖ utf8(data)`.
enum BlobBody {
    static func bytes(mediaType: String, data: String) -> [UInt8] {
        var body: [UInt8] = []
        body.reserveCapacity(mediaType.utf8.count + 1 + data.utf8.count)
        body.append(contentsOf: mediaType.utf8)
        body.append(0)
        body.append(contentsOf: data.utf8)
        return body
    }

    /// The body of a put, refusing a media type with a NUL (it would make the separator ambiguous).
    static func validated(mediaType: String, data: String) throws(BlobStoreError) -> [UInt8] {
        if mediaType.utf8.contains(0) { throw .invalidInput("the media type contains a NUL byte") }
        return bytes(mediaType: mediaType, data: data)
    }

    /// Splits a body at its first NUL; nil when it has none or either side is not UTF-8.
    static func parse(_ body: [UInt8]) -> (mediaType: String, data: String)? {
        guard let separator = body.firstIndex(of: 0) else { return nil }
        guard let mediaType = String(validating: body[..<separator], as: UTF8.self),
            let data = String(validating: body[(separator + 1)...], as: UTF8.self)
        else { return nil }
        return (mediaType, data)
    }
}
