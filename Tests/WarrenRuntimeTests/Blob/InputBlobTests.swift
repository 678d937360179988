import Testing
import WarrenRuntime
import WarrenStore

/// Externalizing and hydrating images over every input variant (persistence-spec §2).
@Suite("Input blobs")
struct InputBlobTests {
    @Test("externalizing replaces each inline image by a blob reference and keeps everything else")
    func externalize() async throws {
        let blobs = MemoryBlobStore()
        let id = BlobID.forImage(mediaType: "image/png", data: pngData)
        for input in inputsWithBlocks() {
            let stored = try await input.externalizingImages(into: blobs)
            let expected: [ContentBlock] = [
                .text("look"), .image(mediaType: "image/png", source: .blob(id: id.rawValue)), .text("again"),
            ]
            #expect(stored.contentBlocks == expected, "\(input.kind)")
            #expect(stored == input.replacingContentBlocks(expected), "only the blocks change: \(input.kind)")
            #expect(stored.referencedBlobIDs == [id])
        }
        #expect(blobs.count == 1)
        #expect(try await blobs.get(id).data == pngData)
    }

    @Test("hydrating a stored input gives back the input as admitted")
    func roundTrip() async throws {
        let blobs = MemoryBlobStore()
        for input in inputsWithBlocks() {
            let stored = try await input.externalizingImages(into: blobs)
            #expect(await stored.hydratingImages(from: blobs) == input, "\(input.kind)")
        }
    }

    @Test("inputs without blocks, or without inline images, pass through untouched and write nothing")
    func untouched() async throws {
        let blobs = MemoryBlobStore()
        let reference = ContentBlock.image(
            mediaType: "image/png",
            source: .blob(id: BlobID.forImage(mediaType: "image/png", data: "AAAA").rawValue)
        )
        let inputs: [Input] = [
            .continuation(ContinuationInput(reason: "resume")),
            .operation(OperationInput(operationID: OperationID("op"))),
            .prompt(PromptInput(text: "plain", blocks: [.text("plain")])),
            .prompt(PromptInput(text: "by reference", blocks: [reference])),
        ]
        for input in inputs {
            #expect(try await input.externalizingImages(into: blobs) == input)
        }
        #expect(blobs.count == 0)
        #expect(Input.continuation(ContinuationInput(reason: "resume")).contentBlocks == nil)
    }

    @Test("a missing blob or a malformed id hydrates to the placeholder text block")
    func unavailableImages() async throws {
        let blobs = MemoryBlobStore()
        let missing = BlobID.forImage(mediaType: "image/png", data: "AAAA").rawValue
        let input = Input.prompt(
            PromptInput(
                text: "x",
                blocks: [
                    .image(mediaType: "image/png", source: .blob(id: missing)),
                    .image(mediaType: "image/png", source: .blob(id: "sha256:nope")),
                ]
            )
        )
        let hydrated = await input.hydratingImages(from: blobs)
        #expect(
            hydrated.contentBlocks == [
                .text("[image unavailable: \(missing)]"), .text("[image unavailable: sha256:nope]"),
            ]
        )
        #expect(ContentBlock.unavailableImage(missing) == .text("[image unavailable: \(missing)]"))
    }

    @Test("a failed put fails the externalization")
    func putFailure() async throws {
        await #expect(throws: BlobStoreError.writeFailed("disk full")) {
            try await inputsWithBlocks()[0].externalizingImages(into: FailingBlobStore())
        }
    }

    @Test("referencedBlobIDs collects the references of every stored payload")
    func referencedIDs() async throws {
        let blobs = MemoryBlobStore()
        var states: [InputState] = []
        for input in inputsWithBlocks() + [.continuation(ContinuationInput(reason: "r"))] {
            var state = InputState(acceptedID: input.id)
            state.persistedInput = try await input.externalizingImages(into: blobs)
            states.append(state)
        }
        let other = try await blobs.putImage(mediaType: "image/gif", data: "R0lGOD")
        states.append(InputState(acceptedID: InputID.make()))  // no payload at all
        #expect(referencedBlobIDs(in: states) == [BlobID.forImage(mediaType: "image/png", data: pngData)])
        #expect(try await blobs.collect(keeping: referencedBlobIDs(in: states)) == 1)
        #expect(try await blobs.exists(other.id) == false)
    }
}
