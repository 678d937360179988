/// Where large payloads (images) live, content-addressed, outside the durable input records
/// (persistence-spec §2). WarrenRuntime defines it; WarrenStore implements it (`FileBlobStore`,
/// `MemoryBlobStore`), as for ``RuntimeStore``.
public protocol BlobStore: Sendable {
    /// Whether blobs survive a restart (memory: false, files: true).
    var isPersistent: Bool { get }

    /// Stores an image and returns its reference; idempotent, the first write of an id wins.
    func putImage(mediaType: String, data: String) async throws(BlobStoreError) -> BlobRef

    /// The stored image, or ``BlobStoreError/notFound(_:)``.
    func get(_ id: BlobID) async throws(BlobStoreError) -> BlobPayload

    /// Removes a blob; removing a missing one succeeds.
    func delete(_ id: BlobID) async throws(BlobStoreError)

    /// Whether a blob is stored.
    func exists(_ id: BlobID) async throws(BlobStoreError) -> Bool

    /// Deletes every blob not in `keeping` and returns how many it deleted.
    ///
    /// Only safe while nothing is being admitted (at startup): a blob put for an admission whose
    /// record has not committed yet is unreferenced until it does.
    func collect(keeping: Set<BlobID>) async throws(BlobStoreError) -> Int
}

/// Why a blob store failed.
public enum BlobStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No blob has this id.
    case notFound(BlobID)
    /// The stored blob cannot be read back as what was put (bad format, bad compression, wrong hash).
    case corrupt(BlobID)
    /// The put was refused before anything was written (for example a NUL in the media type).
    case invalidInput(String)
    /// Reading failed.
    case readFailed(String)
    /// Writing failed; nothing under the blob's id was written.
    case writeFailed(String)
    /// Deleting failed.
    case deleteFailed(String)

    public var description: String {
        switch self {
        case .notFound(let id): "blob not found: \(id)"
        case .corrupt(let id): "blob corrupt: \(id)"
        case .invalidInput(let message): "invalid blob: \(message)"
        case .readFailed(let message): "blob read failed: \(message)"
        case .writeFailed(let message): "blob write failed: \(message)"
        case .deleteFailed(let message): "blob delete failed: \(message)"
        }
    }
}
