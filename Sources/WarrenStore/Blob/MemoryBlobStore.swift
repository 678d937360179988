import Synchronization
public import WarrenRuntime

/// A ``BlobStore`` in memory, with the file store's semantics (same ids, first write wins), for tests
/// and `--memory` servers.
public final class MemoryBlobStore: BlobStore {
    private let blobs = Mutex<[BlobID: BlobPayload]>([:])

    /// Creates an empty store.
    public init() {}

    public var isPersistent: Bool { false }

    /// The number of stored blobs.
    public var count: Int { blobs.withLock { $0.count } }

    public func putImage(mediaType: String, data: String) async throws(BlobStoreError) -> BlobRef {
        let id = BlobID.forBody(try BlobBody.validated(mediaType: mediaType, data: data))
        let stored = blobs.withLock { blobs in
            if let existing = blobs[id] { return existing }
            let payload = BlobPayload(id: id, mediaType: mediaType, data: data)
            blobs[id] = payload
            return payload
        }
        return BlobRef(id: id, mediaType: stored.mediaType)
    }

    public func get(_ id: BlobID) async throws(BlobStoreError) -> BlobPayload {
        guard let payload = blobs.withLock({ $0[id] }) else { throw .notFound(id) }
        return payload
    }

    public func delete(_ id: BlobID) async throws(BlobStoreError) {
        _ = blobs.withLock { $0.removeValue(forKey: id) }
    }

    public func exists(_ id: BlobID) async throws(BlobStoreError) -> Bool {
        blobs.withLock { $0[id] != nil }
    }

    public func collect(keeping: Set<BlobID>) async throws(BlobStoreError) -> Int {
        blobs.withLock { blobs in
            let before = blobs.count
            blobs = blobs.filter { keeping.contains($0.key) }
            return before - blobs.count
        }
    }
}
