import Testing
import WarrenRuntime
import WarrenStore

/// MemoryBlobStore keeps the file store's semantics: same ids, first write wins, collect counts.
@Suite("Memory blob store")
struct BlobMemoryStoreTests {
    @Test("put, get, exists, delete and collect")
    func semantics() async throws {
        let store = MemoryBlobStore()
        let ref = try await store.putImage(mediaType: "image/png", data: "iVBORw0KGgo=")
        #expect(ref.id.rawValue == BlobIDTests.pngID)
        #expect(try await store.putImage(mediaType: "image/png", data: "iVBORw0KGgo=") == ref)
        #expect(try await store.get(ref.id) == BlobPayload(id: ref.id, mediaType: "image/png", data: "iVBORw0KGgo="))
        let other = try await store.putImage(mediaType: "image/jpeg", data: "iVBORw0KGgo=")
        #expect(other.id.rawValue == BlobIDTests.jpegID)
        #expect(try await store.collect(keeping: [ref.id]) == 1)
        #expect(try await store.exists(other.id) == false)
        try await store.delete(ref.id)
        try await store.delete(ref.id)
        await #expect(throws: BlobStoreError.notFound(ref.id)) { try await store.get(ref.id) }
        #expect(!store.isPersistent)
    }
}
