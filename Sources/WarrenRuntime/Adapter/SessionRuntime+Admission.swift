/// Admission on a session: durable before it returns, waking the loop as the driver's signal asks.
extension SessionRuntime {
    /// Admits an input; wakes a live loop when the policy asks (`wake: false` never wakes).
    func accept(_ input: Input, wake: Bool = true) async throws(RuntimeDriverError) -> AcceptOutcome {
        let (outcome, signal) = try await admit(input)
        if wake, signal.shouldWake { wakeLoop() }
        return outcome
    }

    private func admit(_ input: Input) async throws(RuntimeDriverError) -> (AcceptOutcome, PostAdmissionSignal) {
        let input = try await externalizingImages(of: input)
        return try await perform { (driver: inout RuntimeDriver) throws(RuntimeDriverError) in
            let outcome = try driver.accept(input)
            return (outcome, driver.takeSignal())
        }
    }

    /// Admits an input and returns a handle to its completion: none when it is already terminal, the
    /// original's when it deduplicates onto an input in flight (adapter-spec §5.10).
    func acceptWithCompletion(_ input: Input) async throws(RuntimeDriverError) -> (AcceptOutcome, CompletionHandle?) {
        let (outcome, signal) = try await admit(input)
        // No suspension between the commit above and the registration below: nothing can complete it first.
        let handle: CompletionHandle?
        switch outcome {
        case .accepted(let id, _, _):
            handle = driver[id].map { $0.state.isTerminal } == false ? completions.register(id) : nil
        case .deduplicated(_, let existing):
            handle = driver[existing].map { $0.state.isTerminal } == false ? completions.register(existing) : nil
        case .rejected(let reason):
            throw .validationFailed(reason: reason.description)
        }
        if signal.shouldWake { wakeLoop() }
        return (outcome, handle)
    }

    /// A handle for an input by id: resolved at once when it is terminal (AwaitCompletion), unless its
    /// run's commit is still in flight, whose result the handle then waits for.
    func completionHandle(for id: InputID) -> CompletionHandle? {
        guard let record = driver[id] else { return nil }
        if record.state.isTerminal, !outcomesInFlight.contains(id) {
            return .resolved(id, terminalOutcome(of: record))
        }
        return completions.register(id)
    }

    /// Replaces the silent intents; affects future admissions only.
    func setSilentIntents(_ intents: [String]) {
        withDriver { $0.silentIntents = Set(intents) }
    }

    func wakeLoop() {
        guard let loop, !loop.exited else { return }
        loop.wake.yield()
    }
}
