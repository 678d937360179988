/// Recovery from stored state (persistence-spec §4.1), fixed so that an input named by a committed
/// receipt is never replayed, whatever state its row was left in.
extension RuntimeDriver {
    /// Rebuilds a runtime from its stored input states and runtime state.
    ///
    /// - Parameter committedReceipt: the stored receipt for a row's `(lastRunID, lastBoundarySequence)`.
    static func recovered(
        runtimeID: RuntimeID,
        states: [InputState],
        persistedState: RuntimeState?,
        committedReceipt: (InputState) -> RunBoundaryReceipt?
    ) throws(RuntimeDriverError) -> (driver: RuntimeDriver, report: RecoveryReport) {
        var driver = RuntimeDriver(runtimeID: runtimeID)
        var report = RecoveryReport()
        for stored in states where stored.durability != .ephemeral {
            var record = stored
            if !record.state.isTerminal {
                let outcome = normalize(&record, receipt: committedReceipt(record))
                if outcome == .consumed { report.inputsConsumedByReceipt += 1 }
                if outcome == .requeued { report.inputsRequeued += 1 }
            }
            driver.insertRecovered(record)
            driver.markChanged(record.inputID)
            if record.state == .queued, let input = record.persistedInput {
                let policy = record.policy ?? DefaultPolicyTable.resolve(input, runtimeIdle: true)
                driver.appendToLane(record.inputID, lane: policy.lane)
            }
        }
        report.inputsRecovered = driver.activeInputIDs.count
        try driver.restoreRuntimeState(persistedState)
        if driver.canStartRun { driver.requestWake() }
        driver.emit(.runtimeRecovered(report))
        return (driver, report)
    }

    private enum Normalization { case unchanged, consumed, requeued }

    private static func normalize(_ record: inout InputState, receipt: RunBoundaryReceipt?) -> Normalization {
        if let receipt, receipt.contributingInputIDs.contains(record.inputID) {
            record.restore(state: .consumed, outcome: .consumed, reason: "recovery: boundary receipt already committed")
            return .consumed
        }
        switch record.state {
        case .applied, .appliedPendingConsumption:
            record.restore(state: .queued, outcome: nil, reason: "recovery: missing boundary receipt")
            return .requeued
        case .accepted, .staged:
            record.restore(state: .queued, outcome: nil, reason: "recovery: pre-run state normalized to queued")
            return .requeued
        default:
            return .unchanged
        }
    }

    /// Re-applies a stored Retired, Stopped or Destroyed state; anything else recovers as Idle.
    private mutating func restoreRuntimeState(_ persisted: RuntimeState?) throws(RuntimeDriverError) {
        switch persisted {
        case .retired?:
            _ = try retire()
        case .stopped?, .destroyed?:
            let active = activeInputIDs.count
            guard active == 0 else {
                throw .internal("store corruption: terminal runtime \(runtimeID) has \(active) active inputs")
            }
            if persisted == .stopped { _ = try stop() } else { _ = try destroy() }
        default:
            break
        }
    }
}
