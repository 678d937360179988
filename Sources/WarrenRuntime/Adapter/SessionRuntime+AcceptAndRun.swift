/// The synchronous path: the caller is the executor for one run of one input (adapter-spec §5.9).
extension SessionRuntime {
    /// Admits `input`, stages it alone and hands it to `operation`; records how the run ended.
    ///
    /// Warren abandons the input (reason failed) when `operation` throws or reports failure, so a failed
    /// synchronous call never leaves a queued input that blocks the next one (Q11).
    func acceptAndRun<T: Sendable>(
        _ input: Input,
        _ operation: @Sendable (RunAssignment) async throws -> (T, RunOutcome)
    ) async throws -> T {
        let run = try await stageAlone(externalizingImages(of: input))
        let assignment = await hydratingImages(
            of: RunAssignment(
                sessionID: sessionID,
                runID: run.runID,
                boundary: run.boundary,
                inputs: driver.inputs(of: run),
                executionKind: input.executionKind
            )
        )
        let result: T
        let outcome: RunOutcome
        do {
            (result, outcome) = try await operation(assignment)
        } catch {
            try await failPermanently(run, error: "\(error)")
            throw error
        }
        switch outcome {
        case .completed(let terminal, let supplied, let snapshot):
            do {
                try await commitCompletedRun(run, terminal: terminal, receipt: supplied, snapshot: snapshot)
                return result
            } catch {
                try await failPermanently(run, error: error.message)
                switch error {
                case .receiptRejected: throw RuntimeDriverError.validationFailed(reason: error.message)
                case .commitFailed(let cause):
                    throw RuntimeDriverError.internal("runtime boundary commit failed: \(cause)")
                }
            }
        case .failed(let error, _):
            try await failPermanently(run, error: error)
            throw RuntimeDriverError.internal("run failed: \(error)")
        case .cancelled(let reason):
            try await recordCancellation(run, reason: reason)
            throw RuntimeDriverError.internal("run cancelled: \(reason)")
        }
    }

    /// Checks the preconditions, admits the input and stages it as a run of its own, all in one commit.
    private func stageAlone(_ input: Input) async throws(RuntimeDriverError) -> StagedRun {
        try await perform { (driver: inout RuntimeDriver) throws(RuntimeDriverError) in
            guard driver.state.isIdleOrAttached else { throw .notReady(state: driver.state) }
            let active = driver.activeInputIDs
            if let key = input.header.idempotencyKey,
                let owner = active.first(where: { driver[$0]?.idempotencyKey == key })
            {
                throw Self.deduplicatedAdmission(owner)
            }
            guard active.isEmpty else { throw .notReady(state: driver.state) }
            switch try driver.accept(input) {
            case .accepted: break
            case .deduplicated(_, let existing): throw Self.deduplicatedAdmission(existing)
            case .rejected(let reason): throw .validationFailed(reason: reason.description)
            }
            _ = driver.takeSignal()  // this run is the caller's: the loop must not take it
            guard let run = try driver.startNextRun(executorName: "accept_input_and_run") else {
                throw .internal("accepted input was not queued for execution")
            }
            guard run.inputIDs == [input.id] else { throw .notReady(state: driver.state) }
            return run
        }
    }

    private static func deduplicatedAdmission(_ existing: InputID) -> RuntimeDriverError {
        .validationFailed(
            reason:
                "accept_input_and_run does not support deduplicated admission; existing input \(existing) already owns execution"
        )
    }

    private func failPermanently(_ run: StagedRun, error: String) async throws(RuntimeDriverError) {
        try await perform { (driver: inout RuntimeDriver) throws(RuntimeDriverError) in
            try driver.runFailedPermanently(run.runID, error: error)
        }
        resolveTerminalWaiters(run.inputIDs)
    }
}
