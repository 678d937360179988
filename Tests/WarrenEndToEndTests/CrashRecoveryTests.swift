import Foundation
import Synchronization
import Testing
import WarrenClient
import WarrenProto
import WarrenRPC

/// kill -9 under load, for real: warrend runs on a data directory, clients ingest durable inputs and follow
/// the event stream, the server is SIGKILLed at random moments, restarted, and at the end every
/// acknowledged input must exist and have ended exactly once, no input named by a committed receipt may run
/// again, every committed receipt must load, and the event log must be gap-free.
@Suite("Crash recovery end to end")
struct CrashRecoveryTests {
    /// Kill cycles; `WARREN_CRASH_CYCLES` raises it for a longer soak.
    static let cycles = ProcessInfo.processInfo.environment["WARREN_CRASH_CYCLES"].flatMap(Int.init) ?? 20

    @Test("SIGKILL at random moments under load: nothing acknowledged is lost, nothing committed is replayed")
    func killNineCycles() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "warren-crash-\(UUID().uuidString)"
        )
        defer { try? FileManager.default.removeItem(at: directory) }
        let session = Wire.newSessionID()
        let acknowledged = Acknowledged()
        var generator = SystemRandomNumberGenerator()
        for cycle in 0..<Self.cycles {
            let server = try await WarrendProcess.start(["--data-dir", directory.path])
            let client = server.makeClient()
            _ = try await client.adapter.ensureSessionWithExecutor(
                EnsureSessionWithExecutorRequest(sessionID: session, executor: Wire.builtin(.echo))
            )
            let load = Task { await Self.ingest(client, session: session, cycle: cycle, into: acknowledged) }
            try await Task.sleep(for: .milliseconds(Int.random(in: 20...250, using: &generator)))
            #expect(await server.stop(signal: SIGKILL) == SIGKILL)
            await load.value
            await client.close()
        }
        let report = try await Self.verify(directory: directory, session: session, acknowledged: acknowledged.ids)
        print(
            "crash recovery: \(Self.cycles) kill -9 cycles, \(acknowledged.ids.count) inputs acknowledged, "
                + "lost \(report.lost), replayed \(report.replays), receipts \(report.receipts), events \(report.events)"
        )
        #expect(acknowledged.ids.count > Self.cycles, "the load barely ran; the test proves nothing")
        #expect(report.lost == 0)
        #expect(report.replays == 0)
    }

    /// Ingests durable prompts from 4 concurrent callers until the server dies; records every acknowledgement.
    static func ingest(_ client: WarrenClient, session: String, cycle: Int, into acknowledged: Acknowledged) async {
        await withTaskGroup(of: Void.self) { group in
            for caller in 0..<4 {
                group.addTask {
                    for index in 0... {
                        let input = Wire.prompt("c\(cycle)-\(caller)-\(index)")
                        guard
                            let response = try? await client.sessions.acceptInput(
                                AcceptInputRequest(sessionID: session, input: input)
                            ),
                            let id = Wire.acceptedID(response.outcome)
                        else { return }
                        acknowledged.add(id)
                    }
                }
            }
        }
    }

    /// Restarts once more, lets every input finish, and checks the invariants against the whole event log.
    static func verify(directory: URL, session: String, acknowledged: [String]) async throws -> CrashReport {
        let server = try await WarrendProcess.start(["--data-dir", directory.path])
        let client = server.makeClient()
        defer { Task { await client.close() } }
        _ = try await client.adapter.ensureSessionWithExecutor(
            EnsureSessionWithExecutorRequest(sessionID: session, executor: Wire.builtin(.echo))
        )
        var lost = 0
        for id in acknowledged {
            do {
                let done = try await client.adapter.awaitCompletion(
                    AwaitCompletionRequest(sessionID: session, inputID: id),
                    options: CallOptions(timeout: .seconds(30))
                )
                // Consumed before a crash answers from the ledger without its result text.
                switch done.outcome?.outcome {
                case .completed, .completedWithoutResult: continue
                default: break
                }
                Issue.record("input \(id) ended \(String(describing: done.outcome))")
            } catch {
                Issue.record("acknowledged input \(id) is gone: \(error)")
            }
            lost += 1
        }
        let log = try await EventLog.replay(LiveServer(process: server, client: client))
        StreamCheck.expectContiguous(log, from: 1)
        let receipts = try await Self.checkReceipts(log, client: client, session: session)
        let report = CrashReport(lost: lost, replays: Self.replays(in: log), receipts: receipts, events: log.count)
        #expect(await server.stop() == 0)
        return report
    }

    /// Loads every committed receipt; returns how many there were.
    static func checkReceipts(_ log: [RuntimeEventEnvelope], client: WarrenClient, session: String) async throws -> Int
    {
        var count = 0
        for envelope in log {
            guard case .boundaryCommitted(let committed) = envelope.event?.event, let receipt = committed.receipt else {
                continue
            }
            let loaded = try await client.controlPlane.loadBoundaryReceipt(
                LoadBoundaryReceiptRequest(runtimeID: session, runID: receipt.runID, sequence: receipt.sequence)
            )
            #expect(
                loaded.receipt == receipt,
                "receipt \(receipt.runID)/\(receipt.sequence) does not load as committed"
            )
            count += 1
        }
        return count
    }

    /// Runs that started with an input some earlier receipt had already committed, plus inputs consumed twice.
    static func replays(in log: [RuntimeEventEnvelope]) -> Int {
        var committed: Set<String> = []
        var consumed: [String: Int] = [:]
        var replays = 0
        for envelope in log {
            switch envelope.event?.event {
            case .boundaryCommitted(let event):
                committed.formUnion(event.receipt?.contributingInputIDs ?? [])
            case .runStarted(let run):
                let again = run.contributingInputIDs.filter(committed.contains)
                if !again.isEmpty { Issue.record("run \(run.runID) replays committed inputs \(again)") }
                replays += again.count
            case .inputConsumed(let event):
                consumed[event.inputID, default: 0] += 1
            default:
                continue
            }
        }
        let twice = consumed.filter { $0.value > 1 }
        if !twice.isEmpty { Issue.record("inputs consumed more than once: \(twice)") }
        return replays + twice.count
    }
}

/// Figures of one crash run.
struct CrashReport {
    let lost: Int
    let replays: Int
    let receipts: Int
    let events: Int
}

/// The input ids the server acknowledged, across cycles.
final class Acknowledged: Sendable {
    private let state = Mutex<[String]>([])

    var ids: [String] { self.state.withLock { $0 } }

    func add(_ id: String) {
        self.state.withLock { $0.append(id) }
    }
}
