import WarrenClient

/// What the callers measured, with the length of their window.
struct LoadResult: Sendable {
    var callers: [CallerResult]
    var callsWindow: Duration
}

/// The callers' side of a run: waits for the subscribers, opens the window, runs every caller to the end and
/// drives the phases (warm-up → measuring → over) and the progress line.
struct LoadPhase: Sendable {
    let context: RunContext
    let clients: [WarrenClient]
    let progress: BenchProgress
    let grace: Duration
    /// How long subscribers may take to catch up before the run gives up.
    var readyTimeout: Duration = .seconds(30)

    private enum Part: Sendable {
        case caller(CallerResult)
        /// The duration run's deadline passed (the window is closed).
        case deadlinePassed
        /// Operations still open `grace` after the deadline: cancel them.
        case graceExpired
        case done
    }

    func run() async throws -> LoadResult {
        try await self.awaitSubscribers()
        let plan = self.context.plan
        let (warmupEnd, deadline) = self.context.window.open(plan: plan)
        let results = await withTaskGroup(of: Part.self) { group in
            for index in 0..<plan.concurrency {
                let loop = CallerLoop(
                    index: index,
                    concurrency: plan.concurrency,
                    sessions: plan.sessions,
                    client: self.clients[index % self.clients.count],
                    workload: self.context.workload,
                    window: self.context.window,
                    counters: self.context.counters,
                    cpu: self.context.cpu
                )
                // On the client's event loop: no thread hop between the caller and its connection (D129).
                group.addTask(executorPreference: loop.client.preferredTaskExecutor) {
                    .caller(await loop.run(warmupEnd: warmupEnd, deadline: deadline))
                }
            }
            group.addTask { await self.drive(warmupEnd: warmupEnd, deadline: deadline) }
            let reporter = ProgressReporter(
                style: self.progress,
                window: self.context.window,
                counters: self.context.counters,
                showsEvents: plan.mix == .subscribe
            )
            group.addTask {
                await reporter.run()
                return .done
            }
            return await self.collect(&group, callers: plan.concurrency)
        }
        let lastEnd = results.compactMap(\.lastMeasuredEnd).max()
        let callsWindow = deadline.map { $0 - warmupEnd } ?? lastEnd.map { max(.zero, $0 - warmupEnd) } ?? .zero
        return LoadResult(callers: results, callsWindow: callsWindow)
    }

    private func awaitSubscribers() async throws {
        let timeout = self.readyTimeout
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await self.context.ready.wait()
                return true
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return false
            }
            let ready = try await group.next() ?? false
            group.cancelAll()
            guard ready else { throw BenchSetupError("the subscribers did not catch up within \(timeout)") }
        }
    }

    /// Flips the window to measuring at the warm-up's end and, for a duration run, closes it at the deadline.
    private func drive(warmupEnd: ContinuousClock.Instant, deadline: ContinuousClock.Instant?) async -> Part {
        do { try await Task.sleep(until: warmupEnd, clock: .continuous) } catch { return .done }
        if self.context.window.beginMeasuring() { self.context.cpu.markStart() }
        guard let deadline else { return .done }
        do { try await Task.sleep(until: deadline, clock: .continuous) } catch { return .done }
        self.context.cpu.markEnd()
        self.context.window.close()
        return .deadlinePassed
    }

    private func collect(_ group: inout TaskGroup<Part>, callers: Int) async -> [CallerResult] {
        var results: [CallerResult] = []
        let grace = self.grace
        while let part = await group.next() {
            switch part {
            case .caller(let result):
                results.append(result)
                guard results.count == callers else { continue }
                self.context.cpu.markEnd()
                self.context.window.close()
                group.cancelAll()
            case .deadlinePassed:
                group.addTask {
                    do { try await Task.sleep(for: grace) } catch { return .done }
                    return .graceExpired
                }
            case .graceExpired:
                group.cancelAll()
            case .done:
                continue
            }
        }
        return results
    }
}
