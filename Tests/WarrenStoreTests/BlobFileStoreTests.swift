import Foundation
import Testing
import WarrenRuntime
import WarrenStore

/// FileBlobStore through real files: layout, format, idempotence, corruption, atomicity and collection.
@Suite("File blob store")
struct BlobFileStoreTests {
    static let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="

    @Test("a put lands at blobs/<2 hex>/<64 hex>.blob, compressed, and reads back exactly")
    func roundTrip() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = FileBlobStore(directory: directory.path)
        let ref = try await store.putImage(mediaType: "image/png", data: Self.png)
        #expect(ref == BlobRef(id: BlobID.forImage(mediaType: "image/png", data: Self.png), mediaType: "image/png"))
        #expect(store.path(of: ref.id) == "\(directory.path)/blobs/\(ref.id.hex.prefix(2))/\(ref.id.hex).blob")
        #expect(directory.files(in: "blobs/\(ref.id.hex.prefix(2))") == ["\(ref.id.hex).blob"])
        let file = try readBytes(store.path(of: ref.id))
        #expect(Array(file.prefix(5)) == Array("WBLB".utf8) + [1])
        #expect(!String(decoding: file, as: UTF8.self).contains(Self.png))  // compressed, not plain
        let payload = try await store.get(ref.id)
        #expect(payload == BlobPayload(id: ref.id, mediaType: "image/png", data: Self.png))
        #expect(try await store.exists(ref.id))
        #expect(store.isPersistent)
    }

    @Test("a second store over the same directory reads what the first wrote")
    func survivesReopening() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ref = try await FileBlobStore(directory: directory.path).putImage(mediaType: "image/png", data: Self.png)
        #expect(try await FileBlobStore(directory: directory.path).get(ref.id).data == Self.png)
    }

    @Test("putting the same image again is a no-op that returns the same reference")
    func idempotentPut() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = FileBlobStore(directory: directory.path)
        let first = try await store.putImage(mediaType: "image/png", data: Self.png)
        let bytes = try readBytes(store.path(of: first.id))
        let second = try await store.putImage(mediaType: "image/png", data: Self.png)
        #expect(second == first)
        #expect(try readBytes(store.path(of: first.id)) == bytes)
        #expect(directory.files(in: "blobs/\(first.id.hex.prefix(2))") == ["\(first.id.hex).blob"])
    }

    @Test("one data string under two media types is two blobs")
    func mediaTypesDoNotCollide() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = FileBlobStore(directory: directory.path)
        let png = try await store.putImage(mediaType: "image/png", data: Self.png)
        let jpeg = try await store.putImage(mediaType: "image/jpeg", data: Self.png)
        #expect(png.id != jpeg.id)
        #expect(try await store.get(png.id).mediaType == "image/png")
        #expect(try await store.get(jpeg.id).mediaType == "image/jpeg")
    }

    @Test("missing blobs are notFound; delete is idempotent")
    func missingAndDelete() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = FileBlobStore(directory: directory.path)
        let absent = BlobID.forImage(mediaType: "image/png", data: "AAAA")
        await #expect(throws: BlobStoreError.notFound(absent)) { try await store.get(absent) }
        #expect(try await store.exists(absent) == false)
        try await store.delete(absent)
        let ref = try await store.putImage(mediaType: "image/png", data: Self.png)
        try await store.delete(ref.id)
        try await store.delete(ref.id)
        await #expect(throws: BlobStoreError.notFound(ref.id)) { try await store.get(ref.id) }
    }

    @Test("a media type with a NUL is refused and nothing is written")
    func nulInMediaType() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = FileBlobStore(directory: directory.path)
        await #expect(throws: BlobStoreError.self) { try await store.putImage(mediaType: "image\0png", data: "AA==") }
        #expect(directory.files(in: "").isEmpty)
    }

    @Test("a put that cannot write is writeFailed, and the image is not reported stored")
    func unwritableDirectory() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try writeBytes([0], to: "\(directory.path)/not-a-directory")
        let store = FileBlobStore(directory: "\(directory.path)/not-a-directory")
        await #expect {
            try await store.putImage(mediaType: "image/png", data: Self.png)
        } throws: { error in
            guard case .writeFailed? = error as? BlobStoreError else { return false }
            return true
        }
        let id = BlobID.forImage(mediaType: "image/png", data: Self.png)
        #expect(try await store.exists(id) == false)
    }

    @Test(
        "a damaged file reads as corrupt, never as a crash or as wrong content",
        arguments: [Damage.garbage, .truncated, .emptyFile, .otherBlobsContent, .flippedCompressedByte, .hugeLength]
    )
    func corruptFile(damage: Damage) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = FileBlobStore(directory: directory.path)
        let ref = try await store.putImage(mediaType: "image/png", data: Self.png)
        let path = store.path(of: ref.id)
        let other = try await store.putImage(mediaType: "image/png", data: "AAAA")
        try writeBytes(damage.apply(to: readBytes(path), other: readBytes(store.path(of: other.id))), to: path)
        await #expect(throws: BlobStoreError.corrupt(ref.id)) { try await store.get(ref.id) }
    }

    enum Damage: CaseIterable, Sendable {
        case garbage, truncated, emptyFile, otherBlobsContent, flippedCompressedByte, hugeLength

        func apply(to file: [UInt8], other: [UInt8]) -> [UInt8] {
            switch self {
            case .garbage: Array("not a blob at all".utf8)
            case .truncated: Array(file.prefix(file.count / 2))
            case .emptyFile: []
            case .otherBlobsContent: other
            case .flippedCompressedByte:
                file.enumerated().map { $0.offset == 12 ? $0.element ^ 0xff : $0.element }
            case .hugeLength: Array(file.prefix(5)) + [0xff, 0xff, 0xff, 0xff] + Array(file.dropFirst(9))
            }
        }
    }

    @Test("a temp file left by an interrupted put is invisible to get and removed by collect")
    func leftoverTempFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = FileBlobStore(directory: directory.path)
        let kept = try await store.putImage(mediaType: "image/png", data: Self.png)
        let interrupted = BlobID.forImage(mediaType: "image/png", data: "AAAA")
        let shard = "blobs/\(interrupted.hex.prefix(2))"
        try FileManager.default.createDirectory(atPath: "\(directory.path)/\(shard)", withIntermediateDirectories: true)
        // What a crash between the temp write and the rename leaves behind (a partial write).
        try writeBytes(Array("WBLB".utf8), to: "\(directory.path)/\(shard)/\(interrupted.hex).42.tmp")
        await #expect(throws: BlobStoreError.notFound(interrupted)) { try await store.get(interrupted) }
        #expect(try await store.exists(interrupted) == false)
        #expect(try await store.collect(keeping: [kept.id]) == 0)
        #expect(!directory.files(in: shard).contains { $0.hasSuffix(".tmp") })
        #expect(try await store.get(kept.id).data == Self.png)
    }

    @Test("collect deletes unreferenced blobs, keeps referenced ones and foreign files, and counts")
    func collectKeepsReferenced() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = FileBlobStore(directory: directory.path)
        let kept = try await store.putImage(mediaType: "image/png", data: Self.png)
        let dropped = try await store.putImage(mediaType: "image/png", data: "AAAA")
        let alsoDropped = try await store.putImage(mediaType: "image/gif", data: "R0lGOD")
        try writeBytes([1, 2, 3], to: "\(directory.path)/blobs/README")
        #expect(try await store.collect(keeping: [kept.id]) == 2)
        #expect(try await store.get(kept.id).data == Self.png)
        #expect(try await store.exists(dropped.id) == false)
        #expect(try await store.exists(alsoDropped.id) == false)
        #expect(directory.files(in: "blobs").contains("README"))
        #expect(try await store.collect(keeping: [kept.id]) == 0)
    }

    @Test("collect on a store that never wrote anything deletes nothing")
    func collectEmpty() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(try await FileBlobStore(directory: directory.path).collect(keeping: []) == 0)
    }

    @Test("concurrent puts of one image all succeed and leave one file")
    func concurrentPuts() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = FileBlobStore(directory: directory.path)
        let refs = try await withThrowingTaskGroup(of: BlobRef.self) { group in
            for _ in 0..<16 { group.addTask { try await store.putImage(mediaType: "image/png", data: Self.png) } }
            return try await group.reduce(into: Set<BlobRef>()) { $0.insert($1) }
        }
        #expect(refs.count == 1)
        let id = try #require(refs.first).id
        #expect(directory.files(in: "blobs/\(id.hex.prefix(2))") == ["\(id.hex).blob"])
    }
}
