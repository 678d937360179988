// In-process benchmarks of WarrenRuntime: ingest-to-completion throughput with the echo executor and
// memory per idle registered session (issue 4), and durable ingest on SQLite against MemoryStore (issue 6).
// Usage:
//   RuntimeBench throughput <sessions> <inputs> <concurrency> <runs>
//   RuntimeBench memory <sessions>
//   RuntimeBench ingest <memory|sqlite> <sessions> <inputs> <concurrency> <runs>
// Prints one JSON object per line.
import Foundation
import WarrenRuntime
import WarrenStore

func residentKilobytes() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
    return 0
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Runs `body` for input indexes `0..<inputs` from `concurrency` callers, each taking every `concurrency`-th index.
func runCallers(inputs: Int, concurrency: Int, _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        for worker in 0..<concurrency {
            group.addTask {
                for index in stride(from: worker, to: inputs, by: concurrency) { try await body(index) }
            }
        }
        try await group.waitForAll()
    }
}

/// One timed run: `inputs` prompts spread over `sessions`, `concurrency` callers each awaiting completion.
func throughputRun(sessions sessionCount: Int, inputs: Int, concurrency: Int) async throws -> Double {
    let adapter = RuntimeSessionAdapter.ephemeral()
    let sessions = (0..<sessionCount).map { _ in SessionID.make() }
    for session in sessions { try await adapter.ensureSessionWithExecutor(session, executor: EchoExecutor()) }
    let clock = ContinuousClock()
    let start = clock.now
    try await runCallers(inputs: inputs, concurrency: concurrency) { index in
        let input = Input.prompt(PromptInput(header: InputHeader(durability: .ephemeral), text: "x"))
        let (_, handle) = try await adapter.acceptInputWithCompletion(sessions[index % sessionCount], input)
        _ = try await handle?.wait()
    }
    return Double(inputs) / seconds(clock.now - start)
}

/// One timed run of durable admissions (each acknowledged only once committed) into `sessions` sessions with
/// no executor, from `concurrency` callers; returns the rate and the store's mean commit batch size.
func ingestRun(store kind: String, sessions sessionCount: Int, inputs: Int, concurrency: Int) async throws
    -> (rate: Double, meanBatch: Double)
{
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("warren-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let store: any RuntimeStore =
        kind == "sqlite" ? try SQLiteStore.open(directory: directory.path) : MemoryStore()
    let adapter = try await RuntimeSessionAdapter.persistent(store: store)
    let sessions = (0..<sessionCount).map { _ in SessionID.make() }
    for session in sessions { try await adapter.registerSession(session) }
    let before = store.statistics
    let clock = ContinuousClock()
    let start = clock.now
    try await runCallers(inputs: inputs, concurrency: concurrency) { index in
        let input = Input.prompt(PromptInput(header: InputHeader(durability: .durable), text: "x"))
        _ = try await adapter.acceptInput(sessions[index % sessionCount], input)
    }
    let elapsed = seconds(clock.now - start)
    let after = store.statistics
    let batches = after.commitBatches - before.commitBatches
    let writes = after.committedWrites - before.committedWrites
    return (Double(inputs) / elapsed, batches == 0 ? 0 : Double(writes) / Double(batches))
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "throughput":
    let numbers = arguments.dropFirst().compactMap { Int($0) }
    let (sessions, inputs, concurrency, runs) = (numbers[0], numbers[1], numbers[2], numbers.count > 3 ? numbers[3] : 5)
    _ = try await throughputRun(sessions: sessions, inputs: min(inputs, 2_000), concurrency: concurrency)  // warm-up
    var rates: [Double] = []
    for _ in 0..<runs { rates.append(try await throughputRun(sessions: sessions, inputs: inputs, concurrency: concurrency)) }
    rates.sort()
    print(
        #"{"benchmark":"ingest_to_completion","sessions":\#(sessions),"inputs":\#(inputs),"concurrency":\#(concurrency),"#
            + #""runs":\#(runs),"min_per_s":\#(Int(rates.first!)),"median_per_s":\#(Int(rates[rates.count / 2])),"#
            + #""max_per_s":\#(Int(rates.last!))}"#
    )
case "memory":
    let sessions = Int(arguments.dropFirst().first ?? "100000") ?? 100_000
    var configuration = RuntimeSessionAdapter.Configuration()
    configuration.eventRetention = sessions * 2
    let adapter = RuntimeSessionAdapter.ephemeral(configuration: configuration)
    let before = residentKilobytes()
    for _ in 0..<sessions { try await adapter.registerSession(SessionID.make()) }
    let after = residentKilobytes()
    print(
        #"{"benchmark":"idle_sessions","sessions":\#(sessions),"rss_before_kib":\#(before),"rss_after_kib":\#(after),"#
            + #""bytes_per_session":\#((after - before) * 1024 / sessions)}"#
    )
case "ingest":
    let kind = arguments.dropFirst().first ?? "sqlite"
    let numbers = arguments.dropFirst(2).compactMap { Int($0) }
    let (sessions, inputs, concurrency, runs) = (numbers[0], numbers[1], numbers[2], numbers.count > 3 ? numbers[3] : 5)
    _ = try await ingestRun(store: kind, sessions: sessions, inputs: min(inputs, 1_000), concurrency: concurrency)
    var results: [(rate: Double, meanBatch: Double)] = []
    for _ in 0..<runs {
        results.append(try await ingestRun(store: kind, sessions: sessions, inputs: inputs, concurrency: concurrency))
    }
    results.sort { $0.rate < $1.rate }
    let median = results[results.count / 2]
    print(
        #"{"benchmark":"durable_ingest","store":"\#(kind)","sessions":\#(sessions),"inputs":\#(inputs),"#
            + #""concurrency":\#(concurrency),"runs":\#(runs),"min_per_s":\#(Int(results.first!.rate)),"#
            + #""median_per_s":\#(Int(median.rate)),"max_per_s":\#(Int(results.last!.rate)),"#
            + #""median_run_mean_batch":\#((median.meanBatch * 10).rounded() / 10)}"#
    )
default:
    print(
        "usage: RuntimeBench throughput <sessions> <inputs> <concurrency> [runs] | memory <sessions>"
            + " | ingest <memory|sqlite> <sessions> <inputs> <concurrency> [runs]"
    )
}
