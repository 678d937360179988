// In-process benchmarks of WarrenRuntime (issue 4): ingest-to-completion throughput with the echo
// executor, and memory per idle registered session. Usage:
//   RuntimeBench throughput <sessions> <inputs> <concurrency> <runs>
//   RuntimeBench memory <sessions>
// Prints one JSON object per line.
import Foundation
import WarrenRuntime

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

/// One timed run: `inputs` prompts spread over `sessions`, `concurrency` callers each awaiting completion.
func throughputRun(sessions sessionCount: Int, inputs: Int, concurrency: Int) async throws -> Double {
    let adapter = RuntimeSessionAdapter.ephemeral()
    let sessions = (0..<sessionCount).map { _ in SessionID.make() }
    for session in sessions { try await adapter.ensureSessionWithExecutor(session, executor: EchoExecutor()) }
    let clock = ContinuousClock()
    let start = clock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
        for worker in 0..<concurrency {
            group.addTask {
                var index = worker
                while index < inputs {
                    let input = Input.prompt(PromptInput(header: InputHeader(durability: .ephemeral), text: "x"))
                    let (_, handle) = try await adapter.acceptInputWithCompletion(sessions[index % sessionCount], input)
                    _ = try await handle?.wait()
                    index += concurrency
                }
            }
        }
        try await group.waitForAll()
    }
    return Double(inputs) / seconds(clock.now - start)
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
default:
    print("usage: RuntimeBench throughput <sessions> <inputs> <concurrency> [runs] | memory <sessions>")
}
