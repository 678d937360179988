import Logging
import WarrenRuntime

/// What the server does with a store it opened, before it serves: sessions come back, unreferenced blobs go.
enum StartupRecovery {
    /// Re-registers every stored session (each recovers per persistence-spec §4) and collects blobs no stored
    /// input references; returns how many sessions came back.
    static func run(adapter: RuntimeSessionAdapter, blobs: any BlobStore, logger: Logger) async throws -> Int {
        var states: [InputState] = []
        var sessions = 0
        for runtimeID in try await adapter.store.runtimeIDs() {
            states += try await adapter.store.loadInputStates(runtimeID)
            guard let session = runtimeID.sessionID else { continue }
            try await adapter.registerSession(session)
            sessions += 1
        }
        // Safe only here: no admission can have put an image that is not referenced yet.
        let collected = try await blobs.collect(keeping: referencedBlobIDs(in: states))
        logger.notice("recovered", metadata: ["sessions": "\(sessions)", "blobs_collected": "\(collected)"])
        return sessions
    }
}
