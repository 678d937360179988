/// Runs: staging a batch, applying its boundary, and its end (runtime-spec §3.4, with Warren's fixes).
extension RuntimeDriver {
    /// Whether a run could start now.
    var canStartRun: Bool { control.state.canProcessQueue && currentRun == nil && !lanes.isEmpty }

    /// Takes the next batch (steer first; a prompt alone), begins a run and stages it.
    mutating func startNextRun(executorName: String) throws(RuntimeDriverError) -> StagedRun? {
        guard control.state.canProcessQueue, currentRun == nil else { return nil }
        // Reading the ledger through `self` (not a local copy) keeps its storage unshared, so the
        // staging below mutates it in place instead of copying every state.
        guard let batch = lanes.nextBatch(isPrompt: { self.ledger[$0]?.persistedInput?.isPrompt ?? false }) else {
            return nil
        }
        lanes.take(batch)
        let (ids, lane) = batch
        let runID = RunID.make()
        try beginRun(runID)
        let run = StagedRun(
            runID: runID,
            inputIDs: ids,
            lane: lane,
            boundary: lane == .steer ? .runCheckpoint : .runStart
        )
        currentRun = run
        emit(.runStarted(runID: runID, inputIDs: ids, boundary: run.boundary, executorName: executorName))
        for id in ids {
            do {
                try applyLedgerEvent(.stageForRun(runID), to: id)
            } catch {
                throw .internal("failed to stage accepted input: \(error)")
            }
            emit(.inputStaged(inputID: id, runID: runID), correlation: correlationID(of: id))
        }
        return run
    }

    /// The run in flight's inputs, as the executor receives them.
    func inputs(of run: StagedRun) -> [Input] {
        run.inputIDs.compactMap { ledger[$0]?.persistedInput }
    }

    /// Checks a receipt against the run: it must echo the run id and exactly the run's inputs.
    func receiptMismatch(_ receipt: RunBoundaryReceipt, for run: StagedRun) -> String? {
        if receipt.runID != run.runID { return "receipt names run \(receipt.runID), expected \(run.runID)" }
        if receipt.contributingInputIDs != run.inputIDs {
            return
                "receipt lists inputs \(receipt.contributingInputIDs.map(\.rawValue)), expected \(run.inputIDs.map(\.rawValue))"
        }
        return nil
    }

    /// The boundary applied: Staged → Applied → AppliedPendingConsumption for every contributor.
    mutating func boundaryApplied(_ receipt: RunBoundaryReceipt) throws(RuntimeDriverError) {
        guard let run = currentRun, run.runID == receipt.runID else { return }
        for id in receipt.contributingInputIDs {
            do {
                try applyLedgerEvent(.markApplied(run.runID), to: id)
                try applyLedgerEvent(.markAppliedPendingConsumption(boundarySequence: receipt.sequence), to: id)
            } catch {
                throw .internal("runtime boundary commit failed: \(error)")
            }
            emit(
                .inputApplied(inputID: id, runID: run.runID, boundarySequence: receipt.sequence),
                correlation: correlationID(of: id)
            )
        }
        emit(.boundaryCommitted(receipt))
    }

    /// The run completed: its inputs are consumed and the runtime returns to its pre-run state.
    mutating func runCompleted(_ runID: RunID) throws(RuntimeDriverError) {
        guard let run = currentRun, run.runID == runID else { return }
        var consumed: [InputID] = []
        for id in run.inputIDs where ledger[id]?.state == .appliedPendingConsumption {
            try? applyLedgerEvent(.consume, to: id)
            consumed.append(id)
            emit(.inputConsumed(inputID: id, runID: runID), correlation: correlationID(of: id))
        }
        try endRun(runID)
        emit(.runCompleted(runID: runID, consumedInputIDs: consumed))
    }

    /// The run failed recoverably: each input returns to the front of its lane in batch order, or is
    /// abandoned once it has been staged ``maxStageAttempts`` times.
    mutating func runFailed(_ runID: RunID, error: String) throws(RuntimeDriverError) {
        guard let run = currentRun, run.runID == runID else { return }
        var requeued: [InputID] = []
        for id in run.inputIDs where ledger[id]?.state == .staged {
            try? applyLedgerEvent(.rollbackStaged, to: id)
            guard let record = ledger[id] else { continue }
            if record.state == .queued {
                requeued.append(id)
                emit(
                    .inputQueued(inputID: id, requeuedFromRunID: runID, attemptCount: record.attemptCount),
                    correlation: correlationID(of: id)
                )
            } else if case .abandoned(let reason)? = record.terminalOutcome {
                emit(.inputAbandoned(inputID: id, reason: reason), correlation: correlationID(of: id))
            }
        }
        restoreToFront(requeued, lane: run.lane)
        try endRun(runID)
        if !lanes.isEmpty { requestWake() }  // the backlog (the retried batch included) needs a wake
        emit(.runFailed(runID: runID, error: error, recoverable: true))
    }

    /// The run was cancelled: cancellation is its own outcome, so its inputs are abandoned (never retried).
    mutating func runCancelled(_ runID: RunID, reason: String) throws(RuntimeDriverError) {
        guard let run = currentRun, run.runID == runID else { return }
        for id in run.inputIDs where !(ledger[id]?.state.isTerminal ?? true) {
            try? applyLedgerEvent(.abandon(.cancelled), to: id)
            emit(.inputAbandoned(inputID: id, reason: .cancelled), correlation: correlationID(of: id))
        }
        try endRun(runID)
        emit(.runCancelled(runID: runID, reason: reason))
    }
}

extension RuntimeDriver {
    /// The run failed and must not be retried: its inputs are abandoned (reason failed).
    mutating func runFailedPermanently(_ runID: RunID, error: String) throws(RuntimeDriverError) {
        guard let run = currentRun, run.runID == runID else { return }
        for id in run.inputIDs where !(ledger[id]?.state.isTerminal ?? true) {
            try? applyLedgerEvent(.abandon(.failed), to: id)
            emit(.inputAbandoned(inputID: id, reason: .failed), correlation: correlationID(of: id))
        }
        try endRun(runID)
        emit(.runFailed(runID: runID, error: error, recoverable: false))
    }
}
