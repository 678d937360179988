import Foundation

extension BenchReport {
    /// The report as pretty-printed JSON with sorted keys (what `--json` prints).
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Reads a report written by ``jsonText()``.
    public init(jsonText: String) throws {
        self = try JSONDecoder().decode(BenchReport.self, from: Data(jsonText.utf8))
    }

    /// The report for a person: what ran, then one line per figure.
    public var text: String {
        var lines = [self.headline]
        let calls = self.calls
        lines.append(
            "  operations  \(calls.ok) ok in \(Self.fixed(calls.measuredSeconds, 2)) s: "
                + "\(Self.fixed(calls.perSecond, 1)) ops/s"
        )
        lines.append("  errors      \(Self.errors(calls))")
        let latency = calls.latencyMicros
        lines.append(
            "  latency us  p50 \(Self.fixed(latency.p50, 1))  p90 \(Self.fixed(latency.p90, 1))  "
                + "p99 \(Self.fixed(latency.p99, 1))  p99.9 \(Self.fixed(latency.p999, 1))  "
                + "max \(Self.fixed(latency.max, 1))"
        )
        if let events = self.events { lines.append(contentsOf: Self.eventLines(events)) }
        lines.append("  server      \(self.serverLine)")
        return lines.joined(separator: "\n")
    }

    private var headline: String {
        let plan = self.plan
        var words = ["warren bench: \(plan.mix)"]
        if let producer = plan.producer { words.append("(producer \(producer))") }
        words.append(
            "- \(plan.connections) connection(s) x \(plan.concurrency) caller(s), \(plan.payloadBytes)-byte payloads, "
                + "\(plan.sessions) session(s), executor \(plan.executor)"
        )
        if plan.subscribers > 0 {
            words.append("- \(plan.subscribers) subscriber(s) on \(plan.subscriberConnections) connection(s)")
            if let maxBatch = plan.maxBatch, maxBatch > 1 {
                words.append("asking up to \(maxBatch) events per response")
            }
        }
        let stop = plan.durationSeconds.map { "\(Self.fixed($0, 1)) s" } ?? "\(plan.requests ?? 0) requests"
        words.append("- \(stop) after \(Self.fixed(plan.warmupSeconds, 1)) s warm-up")
        return words.joined(separator: " ")
    }

    private static func errors(_ calls: CallsSection) -> String {
        guard calls.errors > 0 else { return "0" }
        let byCode = calls.errorsByCode.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        return "\(calls.errors) (\(byCode.joined(separator: ", ")))"
    }

    private static func eventLines(_ events: EventsSection) -> [String] {
        let rates = events.perSubscriber.map(\.perSecond).sorted()
        let median = rates.isEmpty ? 0 : rates[rates.count / 2]
        var lines = [
            "  events      \(events.total) in \(Self.fixed(events.measuredSeconds, 2)) s: "
                + "\(Self.fixed(events.perSecond, 1)) events/s aggregate over \(events.subscribers) subscriber(s)",
            "  per sub     min \(Self.fixed(rates.first ?? 0, 1))  median \(Self.fixed(median, 1))  "
                + "max \(Self.fixed(rates.last ?? 0, 1)) events/s; \(events.laggedNotices) lagged notice(s)",
        ]
        let failures = events.perSubscriber.compactMap(\.failure)
        if !failures.isEmpty { lines.append("  sub errors  \(failures.joined(separator: ", "))") }
        return lines
    }

    private var serverLine: String {
        let server = self.server
        var words = [server.address]
        if let spawned = server.spawned { words.append("(spawned, \(spawned), pid \(server.pid ?? 0))") }
        if let peak = server.peakRSSBytes { words.append("peak RSS \(Self.fixed(Double(peak) / 1_048_576, 1)) MiB") }
        if let cpu = server.cpuSeconds {
            words.append("CPU \(Self.fixed(cpu, 2)) s (\(Self.fixed(server.cpuMicrosPerOperation ?? 0, 1)) us/op)")
        }
        if let cpu = self.client.cpuSeconds { words.append("; bench CPU \(Self.fixed(cpu, 2)) s") }
        return words.joined(separator: " ")
    }

    private static func fixed(_ value: Double, _ places: Int) -> String {
        String(format: "%.\(places)f", value)
    }
}
