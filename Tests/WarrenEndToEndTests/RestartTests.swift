import Foundation
import Testing
import WarrenClient
import WarrenProto
import WarrenRPC

/// warrend on a data directory, stopped and started again: sessions, completions, receipts and the event
/// log come back, and a subscriber resumes by position with no gap and no duplicate.
@Suite("Restart end to end")
struct RestartTests {
    @Test("after a graceful restart: AwaitCompletion answers, queued work runs, subscribers resume by position")
    func gracefulRestart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "warren-restart-\(UUID().uuidString)"
        )
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try await LiveServer.start(dataDirectory: directory.path)
        let session = try await Sessions.withEcho(first)
        let done = try await first.client.sessions.acceptInput(
            AcceptInputRequest(sessionID: session, input: Wire.prompt("before"))
        )
        let doneID = try #require(Wire.acceptedID(done.outcome))
        _ = try await first.client.adapter.awaitCompletion(AwaitCompletionRequest(sessionID: session, inputID: doneID))
        let parked = try await first.client.adapter.acceptInputWithoutWake(
            AcceptInputWithoutWakeRequest(sessionID: session, input: Wire.prompt("parked"))
        )
        let parkedID = try #require(Wire.acceptedID(parked.outcome))
        let before = try await EventLog.replay(first)
        await first.stop()

        let second = try await LiveServer.start(dataDirectory: directory.path)
        let answered = try await second.client.adapter.awaitCompletion(
            AwaitCompletionRequest(sessionID: session, inputID: doneID)
        )
        // The ledger keeps the terminal state, not the run's result text (persistence-spec §4).
        guard case .completedWithoutResult = answered.outcome?.outcome, answered.state?.currentState == .consumed else {
            Issue.record("the completed input did not answer after the restart: \(answered)")
            return
        }
        _ = try await second.client.adapter.ensureSessionWithExecutor(
            EnsureSessionWithExecutorRequest(sessionID: session, executor: Wire.builtin(.echo))
        )
        _ = try await second.client.sessions.acceptInput(
            AcceptInputRequest(sessionID: session, input: Wire.prompt("wake"))
        )
        let resumed = try await second.client.adapter.awaitCompletion(
            AwaitCompletionRequest(sessionID: session, inputID: parkedID)
        )
        guard case .completed = resumed.outcome?.outcome else {
            Issue.record("the parked input did not run after the restart: \(resumed)")
            return
        }
        let last = try #require(before.last?.position)
        let after = try await second.client.events.subscribe(SubscribeRequest(start: .afterPosition(last))) { stream in
            var envelopes: [RuntimeEventEnvelope] = []
            for try await item in stream {
                if case .envelope(let envelope) = item.item { envelopes.append(envelope) }
                if case .caughtUp = item.item { return envelopes }
            }
            return envelopes
        }
        #expect(after.first?.position == last + 1)
        StreamCheck.expectContiguous(after, from: last + 1)
        let all = try await EventLog.replay(second)
        #expect(Array(all.prefix(before.count)) == before)
        let info = try await second.serverInfo()
        #expect(info.store?.backend == .sqlite)
        #expect(info.store?.commitBatches ?? 0 > 0)
        await second.stop()
    }
}

extension LiveServer {
    /// Starts `warrend --data-dir <directory>` and a client for it.
    static func start(dataDirectory: String) async throws -> LiveServer {
        let process = try await WarrendProcess.start(["--data-dir", dataDirectory])
        return LiveServer(process: process, client: process.makeClient())
    }
}
