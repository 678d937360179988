import Foundation
import Testing
import WarrenRuntime
import WarrenStore

/// A persistent adapter with a blob store: records keep references, executors get images (persistence-spec §2).
@Suite("Adapter blobs")
struct BlobAdapterTests {
    let imageID = BlobID.forImage(mediaType: "image/png", data: pngData)

    @Test("durable_runtime_input_externalizes_inline_images_before_ack, and the executor gets the image back")
    func externalizesBeforeAck() async throws {
        let directory = try BlobDirectory()
        defer { directory.remove() }
        let store = MemoryStore()
        let blobs = FileBlobStore(directory: directory.path)
        let adapter = try await RuntimeSessionAdapter.persistent(store: store, blobs: blobs)
        let session = SessionID.make()
        try await adapter.registerSession(session)
        let input = inputsWithBlocks()[0]
        let (_, handle) = try await adapter.acceptInputWithCompletion(session, input)
        // At the ack: the stored payload has only blob-ref images, and the blob is on disk.
        let stored = try #require(try await store.loadInputStates(session.runtimeID).first?.persistedInput)
        #expect(stored.contentBlocks?.contains { if case .image(_, .inline) = $0 { true } else { false } } == false)
        #expect(stored.referencedBlobIDs == [imageID])
        #expect(try await blobs.get(imageID).data == pngData)
        let executor = ScriptedExecutor()
        try await adapter.ensureSessionWithExecutor(session, executor: executor)
        _ = try await #require(handle).wait()
        #expect(executor.assignments.map(\.inputs) == [[input]])
    }

    @Test("inputs of every durability are stored by reference (the store records them all)")
    func ephemeralInputsToo() async throws {
        let store = MemoryStore()
        let adapter = try await RuntimeSessionAdapter.persistent(store: store, blobs: MemoryBlobStore())
        let session = SessionID.make()
        try await adapter.registerSession(session)
        let input = Input.prompt(
            PromptInput(header: InputHeader(durability: .ephemeral), text: "look", blocks: [inlinePNG])
        )
        _ = try await adapter.acceptInput(session, input)
        let stored = try await store.loadInputStates(session.runtimeID).first?.persistedInput
        #expect(stored?.contentBlocks == [.image(mediaType: "image/png", source: .blob(id: imageID.rawValue))])
    }

    @Test("a blob deleted before the run reaches the executor as the placeholder text")
    func deletedBlobBecomesPlaceholder() async throws {
        let blobs = MemoryBlobStore()
        let adapter = try await RuntimeSessionAdapter.persistent(store: MemoryStore(), blobs: blobs)
        let session = SessionID.make()
        try await adapter.registerSession(session)
        let (_, handle) = try await adapter.acceptInputWithCompletion(session, inputsWithBlocks()[1])
        try await blobs.delete(imageID)
        let executor = ScriptedExecutor()
        try await adapter.ensureSessionWithExecutor(session, executor: executor)
        _ = try await #require(handle).wait()
        let received = try #require(executor.assignments.first?.inputs.first)
        #expect(received.contentBlocks == [.text("look"), .text("[image unavailable: \(imageID)]"), .text("again")])
    }

    @Test("a failed put fails the admission cleanly: nothing admitted, nothing stored")
    func putFailureAdmitsNothing() async throws {
        let store = MemoryStore()
        let adapter = try await RuntimeSessionAdapter.persistent(store: store, blobs: FailingBlobStore())
        let session = SessionID.make()
        try await adapter.registerSession(session)
        let input = inputsWithBlocks()[2]
        await #expect(throws: RuntimeDriverError.self) { try await adapter.acceptInput(session, input) }
        #expect(try await adapter.listActiveInputs(session).isEmpty)
        #expect(try await adapter.inputState(session, input.id) == nil)
        #expect(try await store.loadInputStates(session.runtimeID).isEmpty)
        // Inputs without inline images never touch the blob store.
        guard case .accepted = try await adapter.acceptInput(session, prompt("text only")) else {
            Issue.record("text input refused")
            return
        }
    }

    @Test("after a restart the recovered input is hydrated from the files")
    func hydratedAfterRestart() async throws {
        let directory = try BlobDirectory()
        defer { directory.remove() }
        let store = MemoryStore()
        let session = SessionID.make()
        let first = try await RuntimeSessionAdapter.persistent(
            store: store,
            blobs: FileBlobStore(directory: directory.path)
        )
        try await first.registerSession(session)
        let input = inputsWithBlocks()[3]
        _ = try await first.acceptInput(session, input)
        let restarted = try await RuntimeSessionAdapter.persistent(
            store: store,
            blobs: FileBlobStore(directory: directory.path)
        )
        try await restarted.registerSession(session)
        let handle = try await restarted.awaitCompletion(session, inputID: input.id)
        let executor = ScriptedExecutor()
        try await restarted.ensureSessionWithExecutor(session, executor: executor)
        _ = try await handle.wait()
        #expect(executor.assignments.map(\.inputs) == [[input]])
    }

    @Test("acceptInputAndRun stores a reference and hands the caller the inline image")
    func acceptAndRun() async throws {
        let store = MemoryStore()
        let adapter = try await RuntimeSessionAdapter.persistent(store: store, blobs: MemoryBlobStore())
        let session = SessionID.make()
        try await adapter.registerSession(session)
        let input = inputsWithBlocks()[0]
        let received = try await adapter.acceptInputAndRun(session, input) { assignment in
            (assignment.inputs, RunOutcome.completed(terminal: nil))
        }
        #expect(received == [input])
        let stored = try await store.loadInputStates(session.runtimeID).first?.persistedInput
        #expect(stored?.referencedBlobIDs == [imageID])
    }

    @Test("without a blob store, images stay inline in the records (behaviour unchanged)")
    func noBlobStore() async throws {
        let store = MemoryStore()
        let adapter = try await RuntimeSessionAdapter.persistent(store: store)
        let session = SessionID.make()
        try await adapter.registerSession(session)
        let input = inputsWithBlocks()[0]
        _ = try await adapter.acceptInput(session, input)
        #expect(try await store.loadInputStates(session.runtimeID).first?.persistedInput == input)
        #expect(adapter.blobs == nil)
    }
}

/// A fresh directory for a file blob store.
struct BlobDirectory {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("warren-blobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
