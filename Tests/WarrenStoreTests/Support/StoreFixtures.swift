import Foundation
import Testing
import WarrenRuntime
import WarrenStore

/// The two backends the conformance suite runs against.
enum StoreKind: String, CaseIterable, CustomStringConvertible, Sendable {
    case memory, sqlite

    var description: String { rawValue }

    /// A fresh store of this kind; SQLite stores live in `directory`.
    func make(in directory: TemporaryDirectory, retention: Int = 100_000) throws -> any RuntimeStore {
        switch self {
        case .memory: MemoryStore(eventRetention: retention)
        case .sqlite: try SQLiteStore.open(directory: directory.path, eventRetention: retention)
        }
    }
}

/// A fresh directory under the system's temporary directory, removed when the value is released.
final class TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "warren-store-tests-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    /// The database file a SQLiteStore opened here uses.
    var databasePath: String { path + "/warren.sqlite" }

    /// The names of the files under `relative`, sorted.
    func files(in relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path + "/" + relative)) ?? []).sorted()
    }

    /// Removes the directory now (it is removed on release anyway).
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A durable prompt with content blocks, metadata and an idempotency key: every optional field set.
func richPrompt(_ text: String = "hello", key: String? = "key") -> Input {
    .prompt(
        PromptInput(
            header: InputHeader(
                source: .peer(peerID: "p", runtimeID: RuntimeID("r")),
                visibility: InputVisibility(transcriptEligible: false, operatorEligible: true),
                idempotencyKey: key,
                supersessionKey: "scope",
                correlationID: "corr"
            ),
            text: text,
            blocks: [.text("t"), .image(mediaType: "image/png", source: .blob(id: "sha256:00"))],
            turnMetadata: RuntimeTurnMetadata(handlingMode: .steer, keepAlive: true, skillReferences: ["s"])
        )
    )
}

/// An input state taken through a whole run, so its history has five entries.
func consumedState(_ input: Input = richPrompt(), run: RunID = .make()) throws -> InputState {
    var state = InputState(acceptedID: input.id, at: Timestamp(unixNanos: 1_000))
    state.persistedInput = input
    state.durability = input.header.durability
    state.idempotencyKey = input.header.idempotencyKey
    state.policy = PolicyDecision(applyMode: .stageRunStart, wakeMode: .wakeIfIdle, queueMode: .coalesce)
    try state.apply(.queueAccepted, at: Timestamp(unixNanos: 2_000))
    try state.apply(.stageForRun(run), at: Timestamp(unixNanos: 3_000))
    try state.apply(.markApplied(run), at: Timestamp(unixNanos: 4_000))
    try state.apply(.markAppliedPendingConsumption(boundarySequence: 0), at: Timestamp(unixNanos: 5_000))
    try state.apply(.consume, at: Timestamp(unixNanos: 6_000))
    return state
}

/// A queued input state.
func queuedState(_ input: Input = richPrompt(key: nil)) throws -> InputState {
    var state = InputState(acceptedID: input.id)
    state.persistedInput = input
    try state.apply(.queueAccepted)
    return state
}

/// `count` published events.
func events(_ count: Int, tag: String = "e") -> [PendingEvent] {
    (0..<count).map {
        PendingEvent(
            .published(code: "\(tag)\($0)", payload: [1, 2], contentType: "text/plain", attributes: ["a": "b"]),
            causationID: "cause",
            correlationID: "corr"
        )
    }
}

/// Every event of the log from the start, one page.
func allEvents(_ store: any RuntimeStore) async throws -> EventLogPage {
    try await store.readEvents(after: 0, limit: 1_000_000)
}

/// Waits until `condition` holds, failing the test after ten seconds (a readiness wait, never an assertion).
func waitUntil(_ what: String, _ condition: () -> Bool) async throws {
    let deadline = ContinuousClock.now.advanced(by: .seconds(10))
    while !condition() {
        guard ContinuousClock.now < deadline else {
            Issue.record("timed out waiting for \(what)")
            return
        }
        try await Task.sleep(for: .milliseconds(1))
    }
}

/// Commits `transaction`, returning the failure instead of throwing it.
func commitOutcome(_ store: any RuntimeStore, _ transaction: StoreTransaction) async
    -> Result<[RuntimeEventEnvelope], RuntimeStoreError>
{
    do {
        return .success(try await store.commit(transaction))
    } catch {
        return .failure(error)
    }
}
