import Testing
import WarrenRuntime
import WarrenStore

/// The content address of persistence-spec §2, checked against ids computed independently.
@Suite("Blob ids")
struct BlobIDTests {
    // python3: "sha256:" + hashlib.sha256(b"image/png" + b"\x00" + b"iVBORw0KGgo=").hexdigest()
    static let pngID = "sha256:37ecc430eadc708f3fbefa16496b3303baced1942eb4ca298422a5b90d1b8f2d"
    // The same data as image/jpeg.
    static let jpegID = "sha256:27bb6e5603991df3e361297f791052e7178d07d8976dbbaf74f38b70b7b3f748"

    @Test("the id hashes media type, a NUL and the base64 text as given")
    func knownVector() {
        #expect(BlobID.forImage(mediaType: "image/png", data: "iVBORw0KGgo=").rawValue == Self.pngID)
    }

    @Test("the same data under another media type is another blob")
    func mediaTypeIsPartOfTheAddress() {
        #expect(BlobID.forImage(mediaType: "image/jpeg", data: "iVBORw0KGgo=").rawValue == Self.jpegID)
        // Moving a byte across the separator changes the id too.
        #expect(BlobID.forImage(mediaType: "image/pn", data: "giVBORw0KGgo=").rawValue != Self.pngID)
    }

    @Test("only sha256: with 64 lowercase hex digits parses")
    func parsing() {
        #expect(BlobID(Self.pngID)?.hex.count == 64)
        #expect(BlobID(Self.pngID.uppercased()) == nil)
        #expect(BlobID("sha256:abc") == nil)
        #expect(BlobID("md5:" + String(repeating: "a", count: 64)) == nil)
        #expect(BlobID("sha256:../" + String(repeating: "a", count: 61)) == nil)
        #expect(
            BlobID(hex: String(repeating: "0", count: 64))?.rawValue == "sha256:" + String(repeating: "0", count: 64)
        )
    }
}
