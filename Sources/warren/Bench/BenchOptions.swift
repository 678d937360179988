import ArgumentParser
import WarrenBench

/// The load flags of `warren bench`, turned into a checked ``BenchPlan``.
struct BenchOptions: ParsableArguments {
    @Option(help: "What each caller does: ingest, ingest-await or subscribe.")
    var mix = BenchMix.ingest.rawValue

    @Option(help: "Client connections; callers are spread over them round-robin.")
    var connections = 1

    @Option(name: [.customShort("c"), .long], help: "Closed-loop callers, each with one call in flight.")
    var concurrency = 1

    @Option(name: [.customShort("s"), .long], help: "Bytes of each prompt's text (or published event's payload).")
    var payloadSize = 256

    @Option(name: [.customShort("d"), .long], help: "Seconds to measure after the warm-up (default 5).")
    var duration: Double?

    @Option(name: [.customShort("n"), .long], help: "Measure this many operations instead of a duration.")
    var requests: Int?

    @Option(name: [.customShort("w"), .long], help: "Seconds of warm-up before measuring; not counted.")
    var warmup: Double = 1

    @Option(help: "Sessions the inputs are spread over, call by call.")
    var sessions = 1

    @Option(
        help: ArgumentHelp(
            "Executor of the bench's sessions: none, echo or remote:NAME.",
            discussion: "Default: none (inputs stay queued, so ingest measures admission), echo for ingest-await."
        )
    )
    var executor: String?

    @Option(help: "Event-stream subscribers for --mix subscribe (default 8).")
    var subscribers: Int?

    @Option(help: "Connections the subscribers are spread over (default: one each).")
    var subscriberConnections: Int?

    @Option(
        help:
            "What makes the events for --mix subscribe: ingest (default), publish, or replay (publish first, then every subscriber reads the whole log)."
    )
    var producer: String?

    @Option(
        help: ArgumentHelp(
            "Most events per Subscribe response the subscribers ask for (max_batch, 1 to 1024).",
            discussion: "Default 1: one event per response. Above 1 the server packs the events ready to send together."
        )
    )
    var maxBatch: Int = 1

    /// The checked plan; `callTimeout` comes from `--timeout`.
    func plan(callTimeout: Double?) throws(BenchPlanError) -> BenchPlan {
        if self.duration != nil, self.requests != nil {
            throw BenchPlanError("--duration and --requests exclude each other: measure a time or a count")
        }
        let mix = try Self.choice(BenchMix.self, self.mix, "--mix")
        let producer = try self.producer.map { text throws(BenchPlanError) in
            try Self.choice(BenchProducer.self, text, "--producer")
        }
        let stop: BenchStop
        if let requests = self.requests {
            stop = .requests(requests)
        } else {
            stop = .duration(try Self.seconds(self.duration ?? 5, "--duration"))
        }
        let executor = try self.executor.map { text throws(BenchPlanError) in
            guard let executor = BenchExecutor(parsing: text) else {
                throw BenchPlanError("--executor: expected none, echo or remote:NAME, got '\(text)'")
            }
            return executor
        }
        return try BenchPlan(
            mix: mix,
            connections: self.connections,
            concurrency: self.concurrency,
            payloadSize: self.payloadSize,
            stop: stop,
            warmup: try Self.seconds(self.warmup, "--warmup"),
            sessions: self.sessions,
            executor: executor,
            subscribers: self.subscribers ?? (mix == .subscribe ? 8 : 0),
            subscriberConnections: self.subscriberConnections,
            producer: producer,
            maxBatch: self.maxBatch,
            callTimeout: try callTimeout.map { seconds throws(BenchPlanError) in try Self.seconds(seconds, "--timeout")
            }
        )
    }

    /// The case of `Choice` spelled `text`, or an error listing the spellings.
    static func choice<Choice: RawRepresentable & CaseIterable>(_: Choice.Type, _ text: String, _ flag: String)
        throws(BenchPlanError) -> Choice where Choice.RawValue == String
    {
        guard let choice = Choice(rawValue: text) else {
            let names = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            throw BenchPlanError("\(flag): expected one of \(names), got '\(text)'")
        }
        return choice
    }

    private static func seconds(_ value: Double, _ flag: String) throws(BenchPlanError) -> Duration {
        guard value.isFinite, value >= 0, value <= 86_400 else {
            throw BenchPlanError("\(flag) must be a number of seconds between 0 and 86400 (got \(value))")
        }
        return .milliseconds(Int64((value * 1_000).rounded()))
    }
}
