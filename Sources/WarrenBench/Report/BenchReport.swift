/// Everything one bench run measured, as `warren bench --json` prints it.
///
/// The JSON schema is versioned by ``schema`` (`warren-bench/1`): fields may be added within a version, never
/// renamed or removed. Rates are per second over the measured window, latencies in microseconds, durations
/// in seconds, memory in bytes. See `docs/bench-json.md` for every field.
public struct BenchReport: Codable, Hashable, Sendable {
    /// The schema this report follows.
    public static let currentSchema = "warren-bench/1"

    /// ``currentSchema`` when written by this version.
    public var schema: String
    /// When the run started (ISO 8601, UTC).
    public var startedAt: String
    /// What was run.
    public var plan: PlanSection
    /// The server that was measured.
    public var server: ServerSection
    /// The callers' operations.
    public var calls: CallsSection
    /// The subscribers' events (`subscribe` only).
    public var events: EventsSection?
    /// The bench process itself.
    public var client: ClientSection

    enum CodingKeys: String, CodingKey {
        case schema
        case startedAt = "started_at"
        case plan, server, calls, events, client
    }
}

extension BenchReport {
    /// The run's parameters.
    public struct PlanSection: Codable, Hashable, Sendable {
        public var mix: String
        public var producer: String?
        public var executor: String
        public var connections: Int
        public var concurrency: Int
        public var payloadBytes: Int
        public var sessions: Int
        public var subscribers: Int
        public var subscriberConnections: Int
        /// Events per `Subscribe` response the subscribers asked for at most (`subscribe` only).
        public var maxBatch: Int?
        public var warmupSeconds: Double
        public var durationSeconds: Double?
        public var requests: Int?
        public var callTimeoutSeconds: Double?

        enum CodingKeys: String, CodingKey {
            case mix, producer, executor, connections, concurrency
            case payloadBytes = "payload_bytes"
            case sessions, subscribers
            case subscriberConnections = "subscriber_connections"
            case maxBatch = "max_batch"
            case warmupSeconds = "warmup_seconds"
            case durationSeconds = "duration_seconds"
            case requests
            case callTimeoutSeconds = "call_timeout_seconds"
        }
    }

    /// The server: where it was and, when the bench spawned it, what it used.
    public struct ServerSection: Codable, Hashable, Sendable {
        public var address: String
        /// `memory` or `sqlite` when spawned by the bench; nil for a server already running.
        public var spawned: String?
        public var pid: Int32?
        /// Peak resident set size (`VmHWM`) at the end of the run.
        public var peakRSSBytes: Int?
        /// CPU time (user + system) used while measuring.
        public var cpuSeconds: Double?
        /// ``cpuSeconds`` per measured operation, in microseconds.
        public var cpuMicrosPerOperation: Double?

        enum CodingKeys: String, CodingKey {
            case address, spawned, pid
            case peakRSSBytes = "peak_rss_bytes"
            case cpuSeconds = "cpu_seconds"
            case cpuMicrosPerOperation = "cpu_us_per_op"
        }
    }

    /// The callers' operations in the measured window.
    public struct CallsSection: Codable, Hashable, Sendable {
        /// The measured window's length.
        public var measuredSeconds: Double
        /// Operations that succeeded.
        public var ok: Int
        /// ``ok`` per second.
        public var perSecond: Double
        /// Operations that failed.
        public var errors: Int
        /// ``errors`` by kind: a status code name, or `REJECTED`, `DEDUPLICATED`, `NOT_COMPLETED`.
        public var errorsByCode: [String: Int]
        /// Latencies of the successful operations.
        public var latencyMicros: LatencySummary
        /// Operations outside the window (warm-up, or ended past the deadline), and how many of them failed.
        public var unmeasured: Int
        public var unmeasuredErrors: Int

        enum CodingKeys: String, CodingKey {
            case measuredSeconds = "measured_seconds"
            case ok
            case perSecond = "per_second"
            case errors
            case errorsByCode = "errors_by_code"
            case latencyMicros = "latency_us"
            case unmeasured
            case unmeasuredErrors = "unmeasured_errors"
        }
    }

    /// What the subscribers received while measuring.
    public struct EventsSection: Codable, Hashable, Sendable {
        public var subscribers: Int
        public var measuredSeconds: Double
        /// Events received by all subscribers together.
        public var total: Int
        /// ``total`` per second (the aggregate rate).
        public var perSecond: Double
        public var perSubscriber: [Subscriber]
        /// `Lagged` notices, all subscribers together.
        public var laggedNotices: Int

        enum CodingKeys: String, CodingKey {
            case subscribers
            case measuredSeconds = "measured_seconds"
            case total
            case perSecond = "per_second"
            case perSubscriber = "per_subscriber"
            case laggedNotices = "lagged_notices"
        }

        /// One subscriber's figures.
        public struct Subscriber: Codable, Hashable, Sendable {
            public var events: Int
            public var perSecond: Double
            public var laggedNotices: Int
            /// The status code name the stream failed with before the run ended, if it did.
            public var failure: String?

            enum CodingKeys: String, CodingKey {
                case events
                case perSecond = "per_second"
                case laggedNotices = "lagged_notices"
                case failure
            }
        }
    }

    /// The bench process.
    public struct ClientSection: Codable, Hashable, Sendable {
        public var pid: Int32
        /// CPU time (user + system) the bench used while measuring.
        public var cpuSeconds: Double?
        public var peakRSSBytes: Int?

        enum CodingKeys: String, CodingKey {
            case pid
            case cpuSeconds = "cpu_seconds"
            case peakRSSBytes = "peak_rss_bytes"
        }
    }
}
