/// Lifecycle control of one session's runtime, with the waiters each operation ends.
extension SessionRuntime {
    /// Retire: stop accepting. A live loop drains the queue; without one the queue is abandoned.
    func retire() async throws(RuntimeDriverError) -> RetireReport {
        var report = try await perform { (driver: inout RuntimeDriver) throws(RuntimeDriverError) in try driver.retire()
        }
        if report.inputsPendingDrain > 0, hasLiveLoop {
            wakeLoop()
            return report
        }
        let abandoned = try await perform { (driver: inout RuntimeDriver) throws(RuntimeDriverError) in
            driver.abandonPending(.retired)
        }
        terminateWaiters("retired without runtime loop")
        report.inputsAbandoned += abandoned
        report.inputsPendingDrain = 0
        return report
    }

    /// Reset: abandon every pending input; refused while a run is in flight. The runtime returns to Idle,
    /// or stays Attached when a live loop is attached (Q7: state and attachment never disagree).
    func reset() async throws(RuntimeDriverError) -> ResetReport {
        let name = hasLiveLoop ? loop?.executor.name : nil
        let report = try await perform { (driver: inout RuntimeDriver) throws(RuntimeDriverError) in
            let report = try driver.reset()
            if let name { try driver.attach(executorName: name) }
            return report
        }
        terminateWaiters("runtime reset")
        return report
    }

    /// Recycle: rebuild keeping queued work; an attached runtime is re-attached and woken.
    func recycle() async throws(RuntimeDriverError) -> RecycleReport {
        let name = loop?.executor.name
        let report = try await perform { (driver: inout RuntimeDriver) throws(RuntimeDriverError) in
            let wasAttached = driver.state == .attached
            let report = try driver.recycle()
            if wasAttached, let name { try driver.attach(executorName: name) }
            return report
        }
        terminateWaiters("recycled input no longer pending", except: Set(driver.activeInputIDs))
        wakeLoop()
        return report
    }

    /// Recover in place: interrupted inputs go back to their lanes; the loop is woken.
    func recover() async throws(RuntimeDriverError) -> RecoveryReport {
        let report = try await perform { (driver: inout RuntimeDriver) throws(RuntimeDriverError) in
            driver.recoverInMemory()
        }
        wakeLoop()
        return report
    }

    /// Destroy: final; pending inputs are abandoned, waiters end and the loop winds down.
    func destroy() async throws(RuntimeDriverError) -> DestroyReport {
        let report = try await perform { (driver: inout RuntimeDriver) throws(RuntimeDriverError) in
            try driver.destroy()
        }
        terminateWaiters("runtime destroyed")
        endLoop()
        return report
    }

    /// Stop with no live loop (the reference's fallback): Stopped, inputs abandoned, waiters ended.
    func stopWithoutLoop() async throws(RuntimeDriverError) {
        _ = try await perform { (driver: inout RuntimeDriver) throws(RuntimeDriverError) in try driver.stop() }
        terminateWaiters("runtime stopped")
    }
}
