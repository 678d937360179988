/// The blob store's two hooks in a session's runtime (persistence-spec §2).
extension SessionRuntime {
    /// The input as it will be recorded: with a blob store and a store that keeps state, its inline
    /// images are put first, so a committed record never references a blob that was not written.
    ///
    /// Every durability is externalized, not only Durable: the store records every admitted input.
    /// A failed put fails the admission before anything is committed.
    func externalizingImages(of input: Input) async throws(RuntimeDriverError) -> Input {
        guard let blobs, store.persistsState else { return input }
        do {
            return try await input.externalizingImages(into: blobs)
        } catch {
            throw .internal("storing the images of \(input.id) failed: \(error)")
        }
    }

    /// The assignment as the executor must see it: every blob reference resolved to an inline image.
    func hydratingImages(of assignment: RunAssignment) async -> RunAssignment {
        guard let blobs else { return assignment }
        var hydrated = assignment
        hydrated.inputs = []
        for input in assignment.inputs { hydrated.inputs.append(await input.hydratingImages(from: blobs)) }
        return hydrated
    }
}
