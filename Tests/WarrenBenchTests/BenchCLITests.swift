import Foundation
import Testing
import WarrenBench

/// `warren bench` as a script runs it: flags, exit status, the JSON it prints and its schema.
@Suite("warren bench CLI")
struct BenchCLITests {
    @Test(
        "invalid flag combinations exit with a usage error naming the flags",
        arguments: [
            (["--connections", "4", "-c", "2"], "--connections (4) exceeds --concurrency (2)"),
            (["--mix", "ingest-await", "--executor", "none"], "--executor echo or remote:NAME"),
            (["--mix", "nonsense"], "--mix: expected one of ingest, ingest-await, subscribe"),
            (["--subscribers", "4"], "--subscribers applies only to --mix subscribe"),
            (["--producer", "publish"], "--producer applies only to --mix subscribe"),
            (["--max-batch", "8"], "--max-batch applies only to --mix subscribe"),
            (["--mix", "subscribe", "--max-batch", "0"], "--max-batch must be between 1 and 1024 (got 0)"),
            (["-d", "2", "-n", "100"], "--duration and --requests exclude each other"),
            (["--spawn", "memory", "--address", "127.0.0.1:1"], "--spawn starts its own server"),
            (["--spawn", "disk"], "--spawn: expected one of memory, sqlite"),
            (["--executor", "sleepy"], "--executor: expected none, echo or remote:NAME"),
            (["--warmup=-1"], "--warmup must be a number of seconds"),
        ]
    )
    func invalidFlags(_ flags: [String], _ message: String) async throws {
        let run = try await CLIRun.warren(["bench"] + flags)
        #expect(run.status == 64, "exit status \(run.status): \(run.standardError)")
        #expect(run.standardError.contains(message), "\(run.standardError)")
    }

    @Test("--spawn memory --json: a bounded run prints one report of schema warren-bench/1 with every field")
    func jsonSchema() async throws {
        let run = try await CLIRun.warren(
            ["bench", "--spawn", "memory", "-c", "4", "-n", "200", "-w", "0", "--json", "--no-progress"]
        )
        #expect(run.status == 0, "\(run.standardError)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
        )
        #expect(Set(object.keys) == ["schema", "started_at", "plan", "server", "calls", "client"])
        #expect(object["schema"] as? String == BenchReport.currentSchema)
        let plan = try #require(object["plan"] as? [String: Any])
        #expect(
            Set(plan.keys) == [
                "mix", "executor", "connections", "concurrency", "payload_bytes", "sessions", "subscribers",
                "subscriber_connections", "warmup_seconds", "requests",
            ]
        )
        let calls = try #require(object["calls"] as? [String: Any])
        #expect(
            Set(calls.keys) == [
                "measured_seconds", "ok", "per_second", "errors", "errors_by_code", "latency_us", "unmeasured",
                "unmeasured_errors",
            ]
        )
        #expect(calls["ok"] as? Int == 200)
        #expect(calls["errors"] as? Int == 0)
        let latency = try #require(calls["latency_us"] as? [String: Any])
        #expect(Set(latency.keys) == ["p50", "p90", "p99", "p99_9", "max", "min", "mean"])
        let server = try #require(object["server"] as? [String: Any])
        #expect(Set(server.keys) == ["address", "spawned", "pid", "peak_rss_bytes", "cpu_seconds", "cpu_us_per_op"])
        #expect((server["peak_rss_bytes"] as? Int ?? 0) > 0)
        let client = try #require(object["client"] as? [String: Any])
        #expect(Set(client.keys) == ["pid", "cpu_seconds", "peak_rss_bytes"])
        let decoded = try BenchReport(jsonText: run.standardOutput)
        #expect(decoded.calls.ok == 200)
    }

    @Test("--mix subscribe --json adds the events section")
    func subscribeJSON() async throws {
        let run = try await CLIRun.warren(
            [
                "bench", "--spawn", "memory", "--mix", "subscribe", "--subscribers", "2", "-c", "2", "-n", "50",
                "-w", "0", "--json", "--no-progress",
            ]
        )
        #expect(run.status == 0, "\(run.standardError)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
        )
        let events = try #require(object["events"] as? [String: Any])
        #expect(
            Set(events.keys) == [
                "subscribers", "measured_seconds", "total", "per_second", "per_subscriber", "lagged_notices",
            ]
        )
        let perSubscriber = try #require(events["per_subscriber"] as? [[String: Any]])
        #expect(perSubscriber.count == 2)
        #expect(Set(perSubscriber[0].keys) == ["events", "per_second", "lagged_notices"])
        let plan = try #require(object["plan"] as? [String: Any])
        #expect(plan["producer"] as? String == "ingest")
    }

    @Test("the text report names every percentile")
    func textReport() async throws {
        let run = try await CLIRun.warren([
            "bench", "--spawn", "memory", "-c", "2", "-n", "20", "-w", "0", "--no-progress",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        for word in ["p50", "p90", "p99 ", "p99.9", "max", "ops/s", "errors      0", "peak RSS"] {
            #expect(run.standardOutput.contains(word), "missing \(word): \(run.standardOutput)")
        }
    }
}
