import Synchronization

extension OpsLifecycleRegistry {
    /// Suspends until every operation in `operationIDs` is terminal and returns their outcomes in order.
    ///
    /// Only one wait may be pending at a time. Cancelling the waiting task withdraws the wait, so another
    /// can begin. `runID` names the run that waits; the barrier itself is keyed by a fresh wait request id.
    /// - Throws: `waitAlreadyActive`, `duplicateWaitOperation`, `notFound` (checked in that order), or
    ///   `waitCancelled` when the waiting task is cancelled before the barrier is satisfied.
    public func waitAll(runID: RunID, operationIDs: [OperationID]) async throws(OpsLifecycleError) -> WaitAllResult {
        let request = WaitRequestID.make()
        let immediate = try state.withLock { (state) throws(OpsLifecycleError) in
            try state.beginWait(request, operationIDs)
        }
        if let immediate { return immediate }
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { $0.attachWaiter(request, continuation) }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            let waiter = state.withLock { $0.cancelWait(request) }
            waiter?.resume(returning: .failure(.waitCancelled))
        }
        return try result.get()
    }
}
