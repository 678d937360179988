import WarrenRuntime

/// A tiny PNG, inline, as clients send it.
let pngData = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
let inlinePNG = ContentBlock.image(mediaType: "image/png", source: .inline(base64: pngData))

/// One input of every variant that carries blocks, each with text, an inline image and the text again.
func inputsWithBlocks() -> [Input] {
    let blocks: [ContentBlock] = [.text("look"), inlinePNG, .text("again")]
    return [
        .prompt(PromptInput(text: "look", blocks: blocks)),
        .peer(PeerInput(body: "look", blocks: blocks)),
        .flowStep(FlowStepInput(stepID: "s", instructions: "look", blocks: blocks)),
        .externalEvent(ExternalEventInput(eventType: "camera", blocks: blocks)),
    ]
}

/// A blob store whose puts always fail, and whose reads find nothing.
struct FailingBlobStore: BlobStore {
    var isPersistent: Bool { true }
    func putImage(mediaType: String, data: String) async throws(BlobStoreError) -> BlobRef {
        throw .writeFailed("disk full")
    }
    func get(_ id: BlobID) async throws(BlobStoreError) -> BlobPayload { throw .readFailed("unreadable") }
    func delete(_ id: BlobID) async throws(BlobStoreError) {}
    func exists(_ id: BlobID) async throws(BlobStoreError) -> Bool { false }
    func collect(keeping: Set<BlobID>) async throws(BlobStoreError) -> Int { 0 }
}
