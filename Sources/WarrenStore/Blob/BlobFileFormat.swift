internal import CZlib
import WarrenRuntime

/// The bytes of one `.blob` file. Self-describing, so a reader needs nothing but the file:
///
/// | bytes | content |
/// |---|---|
/// | 0–3 | magic `WBLB` |
/// | 4 | format version, `1` |
/// | 5–8 | length of the body, UInt32 big-endian |
/// | 9… | the body, zlib-compressed (`compress2`, level 6) |
///
/// The body is `utf8(media_type) ‖ 0x00 ‖ utf8(base64 data)`: exactly the bytes the id hashes, so a
/// read verifies the content against its name and anything that does not match is ``BlobStoreError/corrupt(_:)``.
enum BlobFileFormat {
    static let magic: [UInt8] = Array("WBLB".utf8)
    static let version: UInt8 = 1
    static let headerLength = 9
    /// zlib's best case is about 1032:1, so a header claiming more than that is corrupt (and must not
    /// make a reader allocate it).
    static let maxExpansion = 1_032

    /// The file for a body.
    static func encode(_ body: [UInt8]) throws(BlobStoreError) -> [UInt8] {
        guard let length = UInt32(exactly: body.count) else { throw .invalidInput("the blob exceeds 4 GiB") }
        var file = magic + [version]
        file += withUnsafeBytes(of: length.bigEndian, Array.init)
        guard let compressed = compress(body) else { throw .writeFailed("zlib compression failed") }
        return file + compressed
    }

    /// The payload a file holds, checked against `id`; nil when the file is not a blob of that id.
    static func decode(_ file: [UInt8], as id: BlobID) -> BlobPayload? {
        guard file.count >= headerLength, Array(file[0..<4]) == magic, file[4] == version else { return nil }
        let length = file[5..<9].reduce(0) { ($0 << 8) | Int($1) }
        let compressed = file[headerLength...]
        guard length <= compressed.count * maxExpansion,
            let body = uncompress(compressed, length: length),
            BlobID.forBody(body) == id,
            let (mediaType, data) = BlobBody.parse(body)
        else { return nil }
        return BlobPayload(id: id, mediaType: mediaType, data: data)
    }

    private static func compress(_ input: [UInt8]) -> [UInt8]? {
        var output = [UInt8](repeating: 0, count: Int(compressBound(uLong(input.count))))
        var outputLength = uLongf(output.count)
        let status = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { destination in
                compress2(destination.baseAddress, &outputLength, source.baseAddress, uLong(source.count), 6)
            }
        }
        guard status == Z_OK else { return nil }
        return Array(output.prefix(Int(outputLength)))
    }

    /// Inflates exactly `length` bytes; nil unless the stream is valid and of exactly that length.
    private static func uncompress(_ input: ArraySlice<UInt8>, length: Int) -> [UInt8]? {
        // One spare byte: a stream longer than its header says fills it and is rejected.
        var output = [UInt8](repeating: 0, count: length + 1)
        var outputLength = uLongf(output.count)
        let status = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { destination in
                CZlib.uncompress(destination.baseAddress, &outputLength, source.baseAddress, uLong(source.count))
            }
        }
        guard status == Z_OK, Int(outputLength) == length else { return nil }
        return Array(output.prefix(length))
    }
}
