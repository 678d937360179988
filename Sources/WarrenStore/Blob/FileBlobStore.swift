import Dispatch
public import WarrenRuntime

/// A ``BlobStore`` on disk: `<directory>/blobs/<first 2 hex>/<64 hex>.blob`, each file in
/// ``BlobFileFormat`` (zlib-compressed, self-describing, verified against its id on read).
///
/// A put is atomic and durable: a temp file in the blob's own directory, fsync, rename, fsync of the
/// directory (the reference writes in place without fsync, so a crash could leave a torn blob under a
/// committed reference). File work runs on a private queue, not the cooperative pool: an fsync blocks
/// for milliseconds and the pool has one thread per core.
public final class FileBlobStore: BlobStore {
    /// The directory holding the shard directories (`<directory>/blobs`).
    public let root: String
    private let parent: String
    private let queue = DispatchQueue(label: "warren.blob-store", attributes: .concurrent)

    /// A store under `directory` (created on the first put if missing, as is `blobs/`).
    public init(directory: String) {
        parent = directory
        root = directory + "/blobs"
    }

    public var isPersistent: Bool { true }

    /// The path of a blob's file.
    public func path(of id: BlobID) -> String {
        "\(root)/\(id.hex.prefix(2))/\(id.hex).blob"
    }

    public func putImage(mediaType: String, data: String) async throws(BlobStoreError) -> BlobRef {
        let body = try BlobBody.validated(mediaType: mediaType, data: data)
        return try await onQueue { () throws(BlobStoreError) in try self.write(body, mediaType: mediaType) }
    }

    public func get(_ id: BlobID) async throws(BlobStoreError) -> BlobPayload {
        try await onQueue { () throws(BlobStoreError) in
            let file: [UInt8]
            do throws(PosixFiles.Failure) {
                file = try PosixFiles.readAll(self.path(of: id))
            } catch {
                throw error.isNotFound ? .notFound(id) : .readFailed(error.description)
            }
            guard let payload = BlobFileFormat.decode(file, as: id) else { throw .corrupt(id) }
            return payload
        }
    }

    /// Not fsynced: a delete lost in a crash only leaves a blob the next collection removes.
    public func delete(_ id: BlobID) async throws(BlobStoreError) {
        try await onQueue { () throws(BlobStoreError) in
            do throws(PosixFiles.Failure) {
                try PosixFiles.remove(self.path(of: id))
            } catch {
                throw .deleteFailed(error.description)
            }
        }
    }

    public func exists(_ id: BlobID) async throws(BlobStoreError) -> Bool {
        try await onQueue { () throws(BlobStoreError) in
            do throws(PosixFiles.Failure) {
                return try PosixFiles.exists(self.path(of: id))
            } catch {
                throw .readFailed(error.description)
            }
        }
    }

    /// Deletes unreferenced blobs (counted) and leftover temp files of interrupted puts (not counted);
    /// files it does not recognise are left alone.
    public func collect(keeping: Set<BlobID>) async throws(BlobStoreError) -> Int {
        try await onQueue { () throws(BlobStoreError) in
            do throws(PosixFiles.Failure) {
                return try self.sweep(keeping: keeping)
            } catch {
                throw .deleteFailed(error.description)
            }
        }
    }

    // MARK: File work (on the queue)

    private func write(_ body: [UInt8], mediaType: String) throws(BlobStoreError) -> BlobRef {
        let id = BlobID.forBody(body)
        let ref = BlobRef(id: id, mediaType: mediaType)
        let destination = path(of: id)
        let shard = "\(root)/\(id.hex.prefix(2))"
        let temp = "\(shard)/\(id.hex).\(UInt64.random(in: .min ... .max)).tmp"
        let file = try BlobFileFormat.encode(body)
        do throws(PosixFiles.Failure) {
            // Content-addressed: an existing file already holds these bytes (first write wins).
            if try PosixFiles.exists(destination) { return ref }
            try makeDirectories(shard: shard)
            do throws(PosixFiles.Failure) {
                try PosixFiles.writeNew(temp, file)
                try PosixFiles.move(temp, to: destination)
            } catch {
                _ = try? PosixFiles.remove(temp)
                throw error
            }
            try PosixFiles.syncDirectory(shard)
        } catch {
            throw .writeFailed(error.description)
        }
        return ref
    }

    /// Creates `blobs/` and the shard as needed, fsyncing each parent whose entries changed.
    private func makeDirectories(shard: String) throws(PosixFiles.Failure) {
        _ = try PosixFiles.makeDirectory(parent)
        if try PosixFiles.makeDirectory(root) { try PosixFiles.syncDirectory(parent) }
        if try PosixFiles.makeDirectory(shard) { try PosixFiles.syncDirectory(root) }
    }

    private func sweep(keeping: Set<BlobID>) throws(PosixFiles.Failure) -> Int {
        var deleted = 0
        for shard in try PosixFiles.list(root) ?? [] where shard.utf8.count == 2 {
            let directory = "\(root)/\(shard)"
            for name in try PosixFiles.list(directory) ?? [] {
                if name.hasSuffix(".tmp") {
                    try PosixFiles.remove("\(directory)/\(name)")
                } else if name.hasSuffix(".blob"), let id = BlobID(hex: String(name.dropLast(5))),
                    !keeping.contains(id)
                {
                    if try PosixFiles.remove("\(directory)/\(name)") { deleted += 1 }
                }
            }
        }
        return deleted
    }

    private func onQueue<T: Sendable>(_ work: @escaping @Sendable () throws(BlobStoreError) -> T)
        async throws(BlobStoreError) -> T
    {
        let result: Result<T, BlobStoreError> = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Result(catching: work)) }
        }
        return try result.get()
    }
}
