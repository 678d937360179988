/// A checked description of one bench run: what the callers do, how many of them over how many connections,
/// and when measuring stops.
///
/// Build one with ``init(mix:connections:concurrency:payloadSize:stop:warmup:sessions:executor:subscribers:subscriberConnections:producer:maxBatch:callTimeout:)``,
/// which refuses combinations that cannot run or would measure something else than asked, with a message
/// that names the flags involved.
public struct BenchPlan: Hashable, Sendable {
    /// The largest prompt or event payload a run may use: the server's default message limit (4 MiB) less room
    /// for the rest of the message.
    public static let maximumPayloadSize = (4 << 20) - 4096
    /// The largest `--max-batch`: what `warrend` packs at most into one response.
    public static let maximumBatch = 1_024

    /// What each caller does.
    public var mix: BenchMix
    /// Client connections the callers are spread over (caller `i` uses connection `i % connections`).
    public var connections: Int
    /// Closed-loop callers: each has exactly one call in flight.
    public var concurrency: Int
    /// Bytes of each prompt's text, or of each published event's payload.
    public var payloadSize: Int
    /// When measuring stops.
    public var stop: BenchStop
    /// Time the callers run before measuring starts; nothing from it is counted.
    public var warmup: Duration
    /// Sessions the callers' inputs are spread over, round-robin call by call.
    public var sessions: Int
    /// The executor the sessions are bound to.
    public var executor: BenchExecutor
    /// Event-stream subscribers (`subscribe` only).
    public var subscribers: Int
    /// Connections the subscribers are spread over (`subscribe` only).
    public var subscriberConnections: Int
    /// What the callers of a `subscribe` run call (nil for the other mixes).
    public var producer: BenchProducer?
    /// Most events per `Subscribe` response the subscribers ask for (`max_batch`; 1 = one event per response).
    public var maxBatch: Int
    /// Each call's deadline (sent as `timeout_ms`); nil sends none, as the peers do, since a deadline costs a
    /// timer on both sides. Calls still open a while after measuring ends are cancelled either way.
    public var callTimeout: Duration?

    /// Checks and creates a plan.
    ///
    /// - Throws: ``BenchPlanError`` naming the offending flags when the combination is invalid.
    public init(
        mix: BenchMix,
        connections: Int = 1,
        concurrency: Int = 1,
        payloadSize: Int = 256,
        stop: BenchStop = .duration(.seconds(5)),
        warmup: Duration = .seconds(1),
        sessions: Int = 1,
        executor: BenchExecutor? = nil,
        subscribers: Int = 0,
        subscriberConnections: Int? = nil,
        producer: BenchProducer? = nil,
        maxBatch: Int = 1,
        callTimeout: Duration? = nil
    ) throws(BenchPlanError) {
        self.mix = mix
        self.connections = connections
        self.concurrency = concurrency
        self.payloadSize = payloadSize
        self.stop = stop
        self.warmup = warmup
        self.sessions = sessions
        self.executor = executor ?? (mix == .ingestAwait ? .echo : .none)
        self.subscribers = subscribers
        self.subscriberConnections = subscriberConnections ?? subscribers
        self.producer = mix == .subscribe ? (producer ?? .ingest) : producer
        self.maxBatch = maxBatch
        self.callTimeout = callTimeout
        try self.check()
    }

    private func check() throws(BenchPlanError) {
        try Self.require(self.concurrency >= 1, "--concurrency must be at least 1 (got \(self.concurrency))")
        try Self.require(self.connections >= 1, "--connections must be at least 1 (got \(self.connections))")
        try Self.require(
            self.connections <= self.concurrency,
            "--connections (\(self.connections)) exceeds --concurrency (\(self.concurrency)): "
                + "every connection needs at least one caller"
        )
        try Self.require(self.sessions >= 1, "--sessions must be at least 1 (got \(self.sessions))")
        try Self.require(
            (0...Self.maximumPayloadSize).contains(self.payloadSize),
            "--payload-size must be between 0 and \(Self.maximumPayloadSize) bytes (got \(self.payloadSize))"
        )
        try Self.require(self.warmup >= .zero, "--warmup must not be negative")
        try Self.require(self.callTimeout.map { $0 > .zero } ?? true, "--call-timeout must be positive")
        try self.stop.check()
        try self.checkMix()
    }

    private func checkMix() throws(BenchPlanError) {
        switch self.mix {
        case .ingest:
            try self.requireNoSubscribers()
        case .ingestAwait:
            try self.requireNoSubscribers()
            try Self.require(
                self.executor != .none,
                "--mix ingest-await needs an executor to complete the inputs: use --executor echo or remote:NAME"
            )
        case .subscribe:
            try Self.require(self.subscribers >= 1, "--mix subscribe needs --subscribers of at least 1")
            try Self.require(
                (1...self.subscribers).contains(self.subscriberConnections),
                "--subscriber-connections must be between 1 and --subscribers (\(self.subscribers))"
            )
            try Self.require(
                (1...Self.maximumBatch).contains(self.maxBatch),
                "--max-batch must be between 1 and \(Self.maximumBatch) (got \(self.maxBatch))"
            )
        }
    }

    private func requireNoSubscribers() throws(BenchPlanError) {
        let name = self.mix.rawValue
        try Self.require(self.subscribers == 0, "--subscribers applies only to --mix subscribe (not \(name))")
        try Self.require(self.producer == nil, "--producer applies only to --mix subscribe (not \(name))")
        try Self.require(self.maxBatch == 1, "--max-batch applies only to --mix subscribe (not \(name))")
    }

    private static func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(BenchPlanError) {
        guard condition else { throw BenchPlanError(message()) }
    }
}

/// When a run stops measuring.
public enum BenchStop: Hashable, Sendable {
    /// After this long past the warm-up.
    case duration(Duration)
    /// After this many calls started after the warm-up have ended.
    case requests(Int)

    fileprivate func check() throws(BenchPlanError) {
        switch self {
        case .duration(let duration):
            guard duration > .zero else { throw BenchPlanError("--duration must be positive") }
        case .requests(let count):
            guard count >= 1 else { throw BenchPlanError("--requests must be at least 1 (got \(count))") }
        }
    }
}

/// Why a ``BenchPlan`` cannot run, in words that name the flags involved.
public struct BenchPlanError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The explanation.
    public let description: String

    /// Creates the error.
    public init(_ description: String) {
        self.description = description
    }
}
