import Testing
import WarrenBench

/// The checks a plan makes before anything runs.
@Suite("BenchPlan")
struct BenchPlanTests {
    @Test("defaults: ingest queues without an executor, ingest-await uses echo, subscribe produces by ingest")
    func defaults() throws {
        let ingest = try BenchPlan(mix: .ingest)
        #expect(ingest.executor == .none)
        #expect(ingest.producer == nil)
        #expect(ingest.stop == .duration(.seconds(5)))
        #expect(ingest.callTimeout == nil)
        #expect(try BenchPlan(mix: .ingestAwait).executor == .echo)
        let subscribe = try BenchPlan(mix: .subscribe, subscribers: 8)
        #expect(subscribe.producer == .ingest)
        #expect(subscribe.subscriberConnections == 8)
    }

    /// An invalid plan and words its error must contain.
    struct Invalid: Sendable, CustomTestStringConvertible {
        let name: String
        let make: @Sendable () throws -> BenchPlan
        let mentions: [String]
        var testDescription: String { self.name }
    }

    static let invalidPlans: [Invalid] = [
        Invalid(name: "no callers", make: { try BenchPlan(mix: .ingest, concurrency: 0) }, mentions: ["--concurrency"]),
        Invalid(
            name: "more connections than callers",
            make: { try BenchPlan(mix: .ingest, connections: 8, concurrency: 4) },
            mentions: ["--connections (8)", "--concurrency (4)"]
        ),
        Invalid(
            name: "ingest-await without an executor",
            make: { try BenchPlan(mix: .ingestAwait, executor: BenchExecutor.none) },
            mentions: ["ingest-await", "--executor"]
        ),
        Invalid(
            name: "subscribers without subscribe",
            make: { try BenchPlan(mix: .ingest, subscribers: 2) },
            mentions: ["--subscribers", "--mix subscribe"]
        ),
        Invalid(
            name: "producer without subscribe",
            make: { try BenchPlan(mix: .ingestAwait, producer: .publish) },
            mentions: ["--producer", "ingest-await"]
        ),
        Invalid(
            name: "subscribe without subscribers",
            make: { try BenchPlan(mix: .subscribe) },
            mentions: ["--subscribers"]
        ),
        Invalid(
            name: "more subscriber connections than subscribers",
            make: { try BenchPlan(mix: .subscribe, subscribers: 2, subscriberConnections: 3) },
            mentions: ["--subscriber-connections"]
        ),
        Invalid(name: "no sessions", make: { try BenchPlan(mix: .ingest, sessions: 0) }, mentions: ["--sessions"]),
        Invalid(
            name: "payload over the message limit",
            make: { try BenchPlan(mix: .ingest, payloadSize: 5 << 20) },
            mentions: ["--payload-size"]
        ),
        Invalid(
            name: "no requests",
            make: { try BenchPlan(mix: .ingest, stop: .requests(0)) },
            mentions: ["--requests"]
        ),
        Invalid(
            name: "zero duration",
            make: { try BenchPlan(mix: .ingest, stop: .duration(.zero)) },
            mentions: ["--duration"]
        ),
    ]

    @Test("an invalid combination is refused with a message naming its flags", arguments: invalidPlans)
    func refusesInvalid(_ invalid: Invalid) {
        #expect {
            _ = try invalid.make()
        } throws: { error in
            let text = (error as? BenchPlanError)?.description ?? ""
            return invalid.mentions.allSatisfy { text.contains($0) }
        }
    }

    @Test("executor spellings", arguments: [("none", "none"), ("echo", "echo"), ("remote:worker", "remote:worker")])
    func executorSpellings(_ text: String, _ description: String) {
        #expect(BenchExecutor(parsing: text)?.description == description)
    }

    @Test("unknown executor spellings are refused", arguments: ["", "sleep", "remote:", "Echo"])
    func unknownExecutors(_ text: String) {
        #expect(BenchExecutor(parsing: text) == nil)
    }
}
