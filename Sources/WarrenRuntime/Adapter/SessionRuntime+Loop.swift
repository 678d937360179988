/// The runtime loop: hands staged batches to the executor and records how each run ended
/// (adapter-spec §9), with Warren's fixes: interrupt and stop reach a busy executor, a cancelled run is
/// not retried, and a recoverable failure is retried after a short backoff while its waiters keep waiting.
extension SessionRuntime {
    /// Attaches an executor and starts its loop; false when one is already attached and live.
    func attach(_ executor: any Executor) async throws(RuntimeDriverError) -> Bool {
        if hasLiveLoop { return false }
        try await perform { (driver: inout RuntimeDriver) throws(RuntimeDriverError) in
            try driver.attach(executorName: executor.name)
        }
        let (wakes, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        loop = LoopState(executor: executor, wake: wake)
        loop?.task = Task { await self.runLoop(executor: executor, wakes: wakes) }
        // Wake for work queued before the loop existed; later admissions wake it themselves, so no wake
        // is lost between the check and publishing the loop (Q2).
        if driver.canStartRun { wake.yield() }
        return true
    }

    private func runLoop(executor: any Executor, wakes: AsyncStream<Void>) async {
        wakeLoop: for await _ in wakes {
            repeat {
                // A run staged with the previous one's boundary (D120) is run even if a stop came since:
                // its assignment carries the stop to the executor, as for a run staged just before a stop.
                var staged: StagedRun?
                while let run = await self.run(orStage: staged, executorName: executor.name) {
                    let (assignment, control) = await assign(run)
                    let outcome = await executor.run(assignment, control: control)
                    guard let (delay, next) = await finish(run, outcome: outcome, executorName: executor.name) else {
                        break wakeLoop
                    }
                    staged = next
                    if delay > .zero { try? await Task.sleep(for: delay) }
                }
            } while await injectBackgroundContinuation()
            if loop?.stopReason != nil { break }
        }
        await loopExited()
    }

    /// Whether the loop may start another run: no stop asked for and not ending.
    private var mayStartRuns: Bool { loop?.stopReason == nil && loop?.ending == false }

    /// Notes that a background operation completed and wakes the loop; completions that arrive
    /// before the loop gets to them coalesce into one continuation.
    func noteBackgroundCompletion() {
        guard loop != nil else { return }
        loop?.backgroundCompletionPending = true
        wakeLoop()
    }

    /// Once the queue is drained, admits one continuation for the background completions noted since
    /// the last one; true when it was admitted (so the loop runs it).
    private func injectBackgroundContinuation() async -> Bool {
        guard loop?.backgroundCompletionPending == true, loop?.stopReason == nil, loop?.ending == false else {
            return false
        }
        loop?.backgroundCompletionPending = false
        let continuation = Input.continuation(.detachedBackgroundOpCompleted())
        guard case .accepted? = try? await accept(continuation, wake: false) else { return false }
        return true
    }

    /// The run staged with the previous run's boundary, or else the next one staged now.
    private func run(orStage staged: StagedRun?, executorName: String) async -> StagedRun? {
        if let staged { return staged }
        return await stageNextRun(executorName: executorName)
    }

    /// Stages the next batch, or nil when there is none, the runtime cannot process its queue, or the loop
    /// is stopping.
    private func stageNextRun(executorName: String) async -> StagedRun? {
        guard mayStartRuns, driver.canStartRun else { return nil }
        let staged = try? await perform { (driver: inout RuntimeDriver) throws(RuntimeDriverError) in
            try driver.startNextRun(executorName: executorName)
        }
        return staged ?? nil
    }

    /// The executor's assignment of a staged run, and the control stream it listens to.
    private func assign(_ run: StagedRun) async -> (RunAssignment, RunControlStream) {
        let inputs = driver.inputs(of: run)
        var metadata = RuntimeTurnMetadata()
        for input in inputs {
            switch input {
            case .prompt(let prompt): prompt.turnMetadata.map { metadata.merge($0) }
            case .flowStep(let step): step.turnMetadata.map { metadata.merge($0) }
            default: break
            }
        }
        let kind: RuntimeExecutionKind =
            inputs.allSatisfy { $0.executionKind == .resumePending } ? .resumePending : .contentTurn
        let assignment = RunAssignment(
            sessionID: sessionID,
            runID: run.runID,
            boundary: run.boundary,
            inputs: inputs,
            turnMetadata: metadata,
            executionKind: kind
        )
        let (control, continuation) = AsyncStream<RunControlCommand>.makeStream(bufferingPolicy: .bufferingNewest(4))
        loop?.runControl = continuation
        if let reason = loop?.stopReason { continuation.yield(.stopRuntimeExecutor(reason: reason)) }
        if let pending = loop?.pendingInterrupt, pending.runID == run.runID {
            continuation.yield(.cancelCurrentRun(reason: pending.reason))
        }
        loop?.pendingInterrupt = nil
        // Hydrated after the control stream is installed, so an interrupt during the blob reads still lands.
        return (await hydratingImages(of: assignment), control)
    }

    /// Records a run's outcome; returns the pause before the next run and the next run if its staging shared
    /// this run's commit, or nil when the loop must end.
    private func finish(_ run: StagedRun, outcome: RunOutcome, executorName: String) async -> (Duration, StagedRun?)? {
        loop?.runControl?.finish()
        loop?.runControl = nil
        switch outcome {
        case .completed(let terminal, let supplied, let snapshot):
            do {
                let next = try await commitCompletedRun(
                    run,
                    terminal: terminal,
                    receipt: supplied,
                    snapshot: snapshot,
                    stagingNextFor: mayStartRuns ? executorName : nil
                )
                return (.zero, next)
            } catch .receiptRejected(let mismatch) {
                return await recordFailure(run, error: "receipt rejected: \(mismatch)", recoverable: true).map {
                    ($0, nil)
                }
            } catch {
                _ = await recordFailure(run, error: error.message, recoverable: true)
                return nil  // the reference stops the executor after a failed boundary commit
            }
        case .failed(let error, let recoverable):
            return await recordFailure(run, error: error, recoverable: recoverable).map { ($0, nil) }
        case .cancelled(let reason):
            try? await recordCancellation(run, reason: reason)
            return (.zero, nil)
        }
    }

    private func recordFailure(_ run: StagedRun, error: String, recoverable: Bool) async -> Duration? {
        do {
            try await perform { (driver: inout RuntimeDriver) throws(RuntimeDriverError) in
                if recoverable {
                    try driver.runFailed(run.runID, error: error)
                } else {
                    try driver.runFailedPermanently(run.runID, error: error)
                }
            }
        } catch {
            return nil
        }
        resolveTerminalWaiters(run.inputIDs)
        let attempts = run.inputIDs.compactMap { driver[$0]?.attemptCount }.max() ?? 1
        return .milliseconds(min(1_000, 10 << min(Int(attempts), 6)))
    }

    /// The loop ended: apply a requested stop, then release every remaining waiter.
    private func loopExited() async {
        if loop?.stopReason != nil {
            if !driver.state.isTerminal {
                _ = try? await perform { (driver: inout RuntimeDriver) throws(RuntimeDriverError) in
                    _ = try driver.stop()
                }
            }
            terminateWaiters("runtime stopped")
        } else {
            terminateWaiters("runtime loop exited")
        }
        loop?.exited = true
        loop?.wake.finish()
    }

    // MARK: Control

    /// Pushes an interrupt to the run in flight; false when no loop is live or the runtime is stopped (its
    /// loop may still be committing the stop).
    func interrupt(reason: String) -> Bool {
        guard hasLiveLoop, !driver.state.isTerminal else { return false }
        if let control = loop?.runControl {
            control.yield(.cancelCurrentRun(reason: reason))
        } else if let run = driver.currentRun {
            // Staged (the runtime reads running) while its commit is awaited, not yet assigned: without this
            // the interrupt would reach no executor and the run would go on. Kept for that run only: if it is
            // the run whose outcome is being recorded, the next run is not cancelled for it.
            loop?.pendingInterrupt = (run.runID, reason)
        }
        return true
    }

    /// Asks a live loop to stop: the run in flight is told at once; the loop then stops the runtime and
    /// exits. False when no loop is live.
    func requestStop(reason: String) -> Bool {
        guard hasLiveLoop else { return false }
        loop?.stopReason = reason
        loop?.runControl?.yield(.stopRuntimeExecutor(reason: reason))
        loop?.wake.yield()
        return true
    }

    /// Waits until the loop has exited (tests and shutdown).
    func waitForLoopExit() async {
        await loop?.task?.value
    }
}

extension SessionRuntime {
    /// Ends the loop after the run in flight (its wake stream closes).
    func endLoop() {
        guard let loop, !loop.exited else { return }
        self.loop?.ending = true
        loop.wake.finish()
    }

    /// The session was unregistered: detach, release the waiters, let the loop wind down.
    func unregistered() async {
        let name = loop?.executor.name ?? ""
        _ = try? await perform { (driver: inout RuntimeDriver) throws(RuntimeDriverError) in
            driver.detach(executorName: name, reason: "session unregistered")
            driver.emit(.runtimeUnregistered)
        }
        terminateWaiters("runtime session unregistered")
        endLoop()
    }
}
