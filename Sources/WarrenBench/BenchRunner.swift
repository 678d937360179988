import Foundation
import WarrenClient

/// Runs one bench: opens the connections, creates the sessions, starts the subscribers (for `subscribe`) and
/// waits until each has caught up, then runs the closed-loop callers through the warm-up and the measured
/// window, and summarises what they measured.
///
/// ```swift
/// let plan = try BenchPlan(mix: .ingest, concurrency: 64, stop: .duration(.seconds(5)))
/// let report = try await BenchRunner(plan: plan, target: BenchTarget(address: .default)).run()
/// print(report.calls.perSecond, report.calls.latencyMicros.p99)
/// ```
public struct BenchRunner: Sendable {
    /// What to run.
    public let plan: BenchPlan
    /// Against which server.
    public let target: BenchTarget
    /// How progress is shown while it runs.
    public let progress: BenchProgress
    /// How long operations still open after a duration run's deadline may take before they are cancelled.
    public let drainGrace: Duration

    /// Creates a runner.
    public init(
        plan: BenchPlan,
        target: BenchTarget,
        progress: BenchProgress = .none,
        drainGrace: Duration = .seconds(10)
    ) {
        self.plan = plan
        self.target = target
        self.progress = progress
        self.drainGrace = drainGrace
    }

    /// Runs the bench and returns its report.
    ///
    /// - Throws: ``BenchSetupError`` when the sessions or subscriptions cannot be set up. Failed operations
    ///   during the run are not thrown: they are counted in the report.
    public func run() async throws -> BenchReport {
        let configuration = self.target.clientConfiguration
        let callers = (0..<self.plan.connections).map { _ in WarrenClient(configuration: configuration) }
        let subscriberCount = self.plan.mix == .subscribe ? self.plan.subscriberConnections : 0
        let subscribers = (0..<subscriberCount).map { _ in WarrenClient(configuration: configuration) }
        do {
            let report = try await self.measure(callers: callers, subscribers: subscribers)
            await Self.close(callers + subscribers)
            return report
        } catch {
            await Self.close(callers + subscribers)
            throw error
        }
    }

    private func measure(callers: [WarrenClient], subscribers: [WarrenClient]) async throws -> BenchReport {
        let startedAt = Date()
        let sessionIDs = try await BenchSessions.prepare(self.plan, client: callers[0], address: self.target.address)
        let context = RunContext(
            plan: self.plan,
            workload: BenchWorkloads.make(self.plan, sessionIDs: sessionIDs),
            window: MeasurementWindow(plan: self.plan),
            counters: LiveCounters(),
            cpu: CPUMeter(serverPID: self.target.serverPID),
            ready: ReadyLatch(count: self.plan.mix == .subscribe && !self.replays ? self.plan.subscribers : 0)
        )
        let (load, subscriberResults, eventsWindow) = try await self.runParts(
            context,
            callers: callers,
            subscribers: subscribers
        )
        if self.target.spawned == nil { await BenchSessions.release(sessionIDs, client: callers[0]) }
        let measurements = BenchMeasurements(
            startedAt: startedAt,
            callers: load.callers,
            subscribers: subscriberResults,
            callsWindow: load.callsWindow,
            eventsWindow: eventsWindow ?? context.window.measuredInterval,
            clientCPU: context.cpu.clientUsed,
            serverCPU: context.cpu.serverUsed
        )
        return BenchReport(plan: self.plan, target: self.target, measurements: measurements)
    }

    /// Whether the subscribers replay the log once the load has filled it, instead of following it.
    private var replays: Bool { self.plan.producer == .replay }

    /// Subscribers and the load side by side, the subscribers cancelled once the load is done; or, for a
    /// replay, the load first and then the replay, whose length is returned as the events' window.
    private func runParts(_ context: RunContext, callers: [WarrenClient], subscribers: [WarrenClient]) async throws
        -> (LoadResult, [SubscriberResult], Duration?)
    {
        if self.replays {
            let load = LoadPhase(context: context, clients: callers, progress: self.progress, grace: self.drainGrace)
            let filled = try await load.run()
            let (results, window) = await ReplayPhase(
                subscribers: self.plan.subscribers,
                maxBatch: self.plan.maxBatch,
                clients: subscribers
            )
            .run()
            return (filled, results, window)
        }
        let (load, results) = try await self.follow(context, callers: callers, subscribers: subscribers)
        return (load, results, nil)
    }

    private func follow(_ context: RunContext, callers: [WarrenClient], subscribers: [WarrenClient]) async throws
        -> (LoadResult, [SubscriberResult])
    {
        enum Part: Sendable {
            case load(LoadResult)
            case subscriber(SubscriberResult)
        }
        return try await withThrowingTaskGroup(of: Part.self) { group in
            for index in 0..<(subscribers.isEmpty ? 0 : self.plan.subscribers) {
                let loop = SubscriberLoop(
                    client: subscribers[index % subscribers.count],
                    window: context.window,
                    counters: context.counters,
                    ready: context.ready,
                    maxBatch: self.plan.maxBatch
                )
                group.addTask(executorPreference: loop.client.preferredTaskExecutor) { .subscriber(await loop.run()) }
            }
            let load = LoadPhase(context: context, clients: callers, progress: self.progress, grace: self.drainGrace)
            group.addTask { .load(try await load.run()) }
            var loadResult: LoadResult?
            var subscriberResults: [SubscriberResult] = []
            while let part = try await group.next() {
                switch part {
                case .load(let result):
                    loadResult = result
                    group.cancelAll()
                case .subscriber(let result):
                    subscriberResults.append(result)
                }
            }
            guard let loadResult else { throw CancellationError() }
            return (loadResult, subscriberResults)
        }
    }

    private static func close(_ clients: [WarrenClient]) async {
        for client in clients { await client.close() }
    }
}

/// What every part of a run shares.
struct RunContext: Sendable {
    let plan: BenchPlan
    let workload: any BenchWorkload
    let window: MeasurementWindow
    let counters: LiveCounters
    let cpu: CPUMeter
    let ready: ReadyLatch
}
