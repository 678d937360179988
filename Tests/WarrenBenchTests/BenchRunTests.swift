import Testing
import WarrenBench
import WarrenRPC

/// Small bounded runs against a real `warrend`: counts and errors only, never timings.
@Suite("Bench runs against a spawned warrend")
struct BenchRunTests {
    @Test("ingest: 200 requests over 4 callers are all measured, none fail")
    func boundedIngest() async throws {
        let plan = try BenchPlan(mix: .ingest, concurrency: 4, stop: .requests(200), warmup: .zero, sessions: 3)
        let report = try await withSpawnedServer { server in
            try await BenchRunner(plan: plan, target: BenchTarget(server)).run()
        }
        #expect(report.calls.ok == 200)
        #expect(report.calls.errors == 0)
        #expect(report.calls.errorsByCode.isEmpty)
        #expect(report.calls.unmeasured == 0)
        #expect(report.calls.latencyMicros.p50 > 0)
        #expect(report.calls.latencyMicros.p50 <= report.calls.latencyMicros.p99)
        #expect(report.calls.latencyMicros.p99 <= report.calls.latencyMicros.max)
        #expect(report.server.spawned == "memory")
        #expect(report.events == nil)
    }

    @Test("ingest-await on SQLite: every input completes through the echo executor")
    func boundedIngestAwait() async throws {
        let plan = try BenchPlan(mix: .ingestAwait, connections: 2, concurrency: 4, stop: .requests(60), warmup: .zero)
        let report = try await withSpawnedServer(.sqlite) { server in
            try await BenchRunner(plan: plan, target: BenchTarget(server)).run()
        }
        #expect(report.calls.ok == 60)
        #expect(report.calls.errors == 0)
        #expect(report.plan.executor == "echo")
        #expect(report.server.spawned == "sqlite")
    }

    /// A bounded `subscribe` run against a spawned server: 100 calls by 2 callers, 3 subscribers on 2 connections.
    private static func subscribeRun(producer: BenchProducer, maxBatch: Int = 1) async throws -> BenchReport {
        let plan = try BenchPlan(
            mix: .subscribe,
            concurrency: 2,
            stop: .requests(100),
            warmup: .zero,
            subscribers: 3,
            subscriberConnections: 2,
            producer: producer,
            maxBatch: maxBatch
        )
        return try await withSpawnedServer { server in
            try await BenchRunner(plan: plan, target: BenchTarget(server)).run()
        }
    }

    @Test("subscribe with publish: every subscriber receives every event published while measuring")
    func boundedSubscribe() async throws {
        let report = try await Self.subscribeRun(producer: .publish)
        #expect(report.calls.ok == 100)
        #expect(report.calls.errors == 0)
        let events = try #require(report.events)
        #expect(events.subscribers == 3)
        #expect(events.laggedNotices == 0)
        for subscriber in events.perSubscriber {
            #expect(subscriber.failure == nil)
            // Published events all arrive, but those still in flight when measuring stops are not counted.
            #expect(subscriber.events > 0)
            #expect(subscriber.events <= 100)
        }
    }

    @Test(
        "subscribe with replay: every subscriber reads the whole log the callers filled, from its beginning",
        arguments: [1, 64]
    )
    func subscribeReplay(maxBatch: Int) async throws {
        let report = try await Self.subscribeRun(producer: .replay, maxBatch: maxBatch)
        #expect(report.plan.maxBatch == maxBatch)
        #expect(report.calls.ok == 100)
        let events = try #require(report.events)
        #expect(events.subscribers == 3)
        #expect(events.laggedNotices == 0)
        #expect(events.perSecond > 0)
        for subscriber in events.perSubscriber {
            #expect(subscriber.failure == nil)
            // The 100 published events and the session's RuntimeCreated, all of them, after the fill.
            #expect(subscriber.events == 101)
        }
    }

    @Test("a server that is not there fails the setup with its address, not a hang")
    func unreachableServer() async throws {
        let plan = try BenchPlan(mix: .ingest, stop: .requests(1))
        let target = BenchTarget(address: .init(host: "127.0.0.1", port: 1))
        await #expect {
            _ = try await BenchRunner(plan: plan, target: target).run()
        } throws: { error in
            "\(error)".contains("127.0.0.1:1")
        }
    }
}
