/// Recording how a run ended, shared by the runtime loop and the synchronous accept-and-run path.
extension SessionRuntime {
    /// Why a completed run could not be committed.
    enum BoundaryCommitFailure: Error {
        /// The executor's receipt does not echo the run.
        case receiptRejected(String)
        /// The store refused the boundary commit.
        case commitFailed(RuntimeDriverError)

        var message: String {
            switch self {
            case .receiptRejected(let mismatch): "receipt rejected: \(mismatch)"
            case .commitFailed(let error): "boundary commit failed: \(error)"
            }
        }
    }

    /// Commits a completed run — its receipt (the executor's, checked, or minted here), the boundary and
    /// the consumption, in one transaction — then resolves its waiters with the run's terminal.
    ///
    /// With `executorName`, the runtime loop's next run is staged in the same transaction (D120), so a
    /// run costs one commit rather than two; it is returned for the loop to hand to that executor.
    @discardableResult
    func commitCompletedRun(
        _ run: StagedRun,
        terminal: RunTerminal?,
        receipt supplied: RunBoundaryReceipt?,
        snapshot: [UInt8]?,
        stagingNextFor executorName: String? = nil
    ) async throws(BoundaryCommitFailure) -> StagedRun? {
        let receipt =
            supplied ?? RunBoundaryReceipt(runID: run.runID, boundary: run.boundary, contributingInputIDs: run.inputIDs)
        if let mismatch = driver.receiptMismatch(receipt, for: run) { throw .receiptRejected(mismatch) }
        outcomesInFlight.formUnion(run.inputIDs)
        defer { outcomesInFlight.subtract(run.inputIDs) }
        let next: StagedRun?
        do {
            next = try await perform(receipt: receipt, sessionSnapshot: snapshot) {
                (driver: inout RuntimeDriver) throws(RuntimeDriverError) -> StagedRun? in
                try driver.boundaryApplied(receipt)
                try driver.runCompleted(run.runID)
                guard let executorName else { return nil }
                return try driver.startNextRun(executorName: executorName)
            }
        } catch {
            throw .commitFailed(error)
        }
        resolveTerminalWaiters(run.inputIDs, success: Self.successOutcome(terminal))
        return next
    }

    /// Records a cancelled run: its inputs are abandoned (reason cancelled) and their waiters told.
    func recordCancellation(_ run: StagedRun, reason: String) async throws(RuntimeDriverError) {
        try await perform { (driver: inout RuntimeDriver) throws(RuntimeDriverError) in
            try driver.runCancelled(run.runID, reason: reason)
        }
        for id in run.inputIDs where driver[id]?.state.isTerminal == true {
            finish(id, with: .cancelled(reason: reason))
        }
    }

    static func successOutcome(_ terminal: RunTerminal?) -> CompletionOutcome {
        switch terminal {
        case .result(let result)?: .completed(result)
        case .callbackPending(let tool, let arguments)?: .callbackPending(toolName: tool, argumentsJSON: arguments)
        case nil: .completedWithoutResult
        }
    }
}
