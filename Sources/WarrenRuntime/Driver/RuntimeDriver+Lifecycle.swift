import OrderedCollections

/// Runtime lifecycle operations: retire, reset, destroy, stop, recycle (input-spec §7.4, runtime-spec §2.2).
///
/// Warren checks legality before changing anything (v0.5.2's bare reset abandoned inputs, then failed).
extension RuntimeDriver {
    /// Stop accepting; queued work stays for the loop to drain.
    mutating func retire() throws(RuntimeDriverError) -> RetireReport {
        try transition(.retire)
        let report = RetireReport(inputsAbandoned: 0, inputsPendingDrain: ledger.activeCount)
        emit(.runtimeRetired(report))
        return report
    }

    /// Abandons every non-terminal input with `reason` and empties the lanes; returns how many.
    mutating func abandonPending(_ reason: InputAbandonReason) -> Int {
        var count = 0
        for id in ledger.activeIDs {
            guard (try? applyLedgerEvent(.abandon(reason), to: id)) != nil else { continue }
            emit(.inputAbandoned(inputID: id, reason: reason), correlation: correlationID(of: id))
            count += 1
        }
        clearLanesAndSignal()
        return count
    }

    /// Abandons all non-terminal inputs (reason reset) and returns to Idle; refused while a run is in flight.
    mutating func reset() throws(RuntimeDriverError) -> ResetReport {
        guard currentRun == nil, control.state != .running else { throw .notReady(state: .running) }
        var probe = control
        do {
            try probe.apply(.reset)
        } catch {
            throw .internal(error.description)
        }
        let abandoned = abandonPending(.reset)
        try transition(.reset)
        let report = ResetReport(inputsAbandoned: abandoned)
        emit(.runtimeReset(report))
        return report
    }

    /// Destroyed is final: every non-terminal input is abandoned (reason destroyed).
    mutating func destroy() throws(RuntimeDriverError) -> DestroyReport {
        try transition(.destroy)
        currentRun = nil
        let report = DestroyReport(inputsAbandoned: abandonPending(.destroyed))
        emit(.runtimeDestroyed(report))
        return report
    }

    /// The stop control command: Stopped is final; every non-terminal input is abandoned (reason destroyed).
    mutating func stop() throws(RuntimeDriverError) -> Int {
        try transition(.stop)
        currentRun = nil
        return abandonPending(.destroyed)
    }

    /// Rebuilds the runtime keeping its work: staged and accepted inputs go back to their lanes, and the
    /// runtime passes through Recovering to Idle. Refused while a run is in flight.
    mutating func recycle() throws(RuntimeDriverError) -> RecycleReport {
        guard currentRun == nil, control.state != .running else { throw .notReady(state: .running) }
        let transferred = ledger.activeCount
        try transition(.recycle)
        requeueInterruptedInputs()
        try transition(.recycleSucceeded)
        let report = RecycleReport(inputsTransferred: transferred)
        emit(.runtimeRecycled(report))
        return report
    }

    /// In-memory recovery: accepted or staged inputs outside a run in flight go back to their lanes;
    /// applied ones stay applied (their receipt exists only in memory).
    mutating func recoverInMemory() -> RecoveryReport {
        let requeued = requeueInterruptedInputs()
        let report = RecoveryReport(inputsRecovered: ledger.activeCount, inputsRequeued: requeued)
        emit(.runtimeRecovered(report))
        return report
    }

    /// Moves accepted and staged inputs that no run owns back to the front of their lanes.
    @discardableResult
    private mutating func requeueInterruptedInputs() -> Int {
        let owned = Set(currentRun?.inputIDs ?? [])
        var byLane: [Lane: [InputID]] = [:]
        for record in ledger.states.values where !owned.contains(record.inputID) {
            guard record.state == .accepted || record.state == .staged else { continue }
            var updated = record
            updated.restore(state: .queued, outcome: nil, reason: "recovery: pre-run state normalized to queued")
            replaceLedgerState(updated)
            byLane[record.policy?.lane ?? .queue, default: []].append(record.inputID)
            emit(
                .inputQueued(
                    inputID: record.inputID,
                    requeuedFromRunID: record.lastRunID,
                    attemptCount: record.attemptCount
                )
            )
        }
        for (lane, ids) in byLane { restoreToFront(ids, lane: lane) }
        if !lanes.isEmpty { requestWake() }
        return byLane.values.reduce(0) { $0 + $1.count }
    }
}
