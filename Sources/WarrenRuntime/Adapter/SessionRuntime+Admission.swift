/// Admission on a session: durable before it returns, waking the loop as the driver's signal asks.
/// Concurrent admissions share one commit (``commitShared(_:)``, D94).
extension SessionRuntime {
    /// Admits an input; wakes a live loop when the policy asks (`wake: false` never wakes).
    func accept(_ input: Input, wake: Bool = true) async throws(RuntimeDriverError) -> AcceptOutcome {
        try await admit(input, wake: wake, completion: false).outcome
    }

    /// Admits an input and returns a handle to its completion: none when it is already terminal, the
    /// original's when it deduplicates onto an input in flight (adapter-spec §5.10).
    func acceptWithCompletion(_ input: Input) async throws(RuntimeDriverError) -> (AcceptOutcome, CompletionHandle?) {
        let admitted = try await admit(input, wake: true, completion: true)
        return (admitted.outcome, admitted.handle)
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

    // MARK: Admitting

    private func admit(_ input: Input, wake: Bool, completion: Bool) async throws(RuntimeDriverError) -> Admitted {
        let input = try await externalizingImages(of: input)
        guard
            case .admitted(let admitted) = try await commitShared(.admission(input, wake: wake, completion: completion))
        else { throw .internal("an admission was answered as a publication") }
        return admitted
    }
}
