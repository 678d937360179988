/// Moving images between inputs and a ``BlobStore`` (persistence-spec §2): externalized before a record
/// referencing them commits, hydrated before an executor sees them.
extension Input {
    /// The content blocks of the variants that carry them; nil for continuations and operations.
    public var contentBlocks: [ContentBlock]? {
        switch self {
        case .prompt(let input): input.blocks
        case .peer(let input): input.blocks
        case .flowStep(let input): input.blocks
        case .externalEvent(let input): input.blocks
        case .continuation, .operation: nil
        }
    }

    /// A copy with its content blocks replaced; variants without blocks come back unchanged.
    public func replacingContentBlocks(_ blocks: [ContentBlock]) -> Input {
        switch self {
        case .prompt(var input): input.blocks = blocks; return .prompt(input)
        case .peer(var input): input.blocks = blocks; return .peer(input)
        case .flowStep(var input): input.blocks = blocks; return .flowStep(input)
        case .externalEvent(var input): input.blocks = blocks; return .externalEvent(input)
        case .continuation, .operation: return self
        }
    }

    /// The well-formed blob ids its image blocks reference.
    public var referencedBlobIDs: Set<BlobID> {
        Set((contentBlocks ?? []).compactMap(\.blobReference))
    }

    /// A copy whose inline images are put into `blobs` and replaced by references; the input itself
    /// when it has none. Fails on the first put that fails.
    public func externalizingImages(into blobs: any BlobStore) async throws(BlobStoreError) -> Input {
        guard let blocks = contentBlocks, blocks.contains(where: \.isInlineImage) else { return self }
        var externalized: [ContentBlock] = []
        externalized.reserveCapacity(blocks.count)
        for block in blocks {
            guard case .image(let mediaType, .inline(let data)) = block else {
                externalized.append(block)
                continue
            }
            let ref = try await blobs.putImage(mediaType: mediaType, data: data)
            externalized.append(.image(mediaType: ref.mediaType, source: .blob(id: ref.id.rawValue)))
        }
        return replacingContentBlocks(externalized)
    }

    /// A copy whose blob references are inline images again; a blob that cannot be read (missing,
    /// corrupt, or a malformed id) becomes ``ContentBlock/unavailableImage(_:)`` rather than failing the run.
    public func hydratingImages(from blobs: any BlobStore) async -> Input {
        guard let blocks = contentBlocks, blocks.contains(where: \.isBlobImage) else { return self }
        var hydrated: [ContentBlock] = []
        hydrated.reserveCapacity(blocks.count)
        for block in blocks {
            guard case .image(_, .blob(let rawID)) = block else {
                hydrated.append(block)
                continue
            }
            guard let id = BlobID(rawID), let payload = try? await blobs.get(id) else {
                hydrated.append(.unavailableImage(rawID))
                continue
            }
            hydrated.append(.image(mediaType: payload.mediaType, source: .inline(base64: payload.data)))
        }
        return replacingContentBlocks(hydrated)
    }
}

extension ContentBlock {
    /// What an executor sees in place of an image whose blob cannot be read (the reference's placeholder).
    public static func unavailableImage(_ blobID: String) -> ContentBlock {
        .text("[image unavailable: \(blobID)]")
    }

    var isInlineImage: Bool {
        if case .image(_, .inline) = self { return true }
        return false
    }

    var isBlobImage: Bool {
        if case .image(_, .blob) = self { return true }
        return false
    }

    /// The id of a well-formed blob reference.
    var blobReference: BlobID? {
        guard case .image(_, .blob(let id)) = self else { return nil }
        return BlobID(id)
    }
}

/// Every blob id the payloads of `states` reference: what a garbage collection must keep
/// (`blobs.collect(keeping: referencedBlobIDs(in: allInputStates))`).
public func referencedBlobIDs(in states: some Sequence<InputState>) -> Set<BlobID> {
    var ids: Set<BlobID> = []
    for state in states {
        if let input = state.persistedInput { ids.formUnion(input.referencedBlobIDs) }
    }
    return ids
}
