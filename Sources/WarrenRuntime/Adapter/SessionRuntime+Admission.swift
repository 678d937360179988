/// Admission on a session: durable before it returns, waking the loop as the driver's signal asks.
///
/// Concurrent admissions to one session share one commit (D94): the first becomes the leader and
/// admits, under the session's lock, every admission queued by then, in queue order, commits them in
/// one transaction and answers each; admissions that arrive meanwhile queue for the next leader, to
/// whom the lead passes. One admission alone is led by itself, with no extra hop.
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

    // MARK: Shared commits

    private func admit(_ input: Input, wake: Bool, completion: Bool) async throws(RuntimeDriverError) -> Admitted {
        let input = try await externalizingImages(of: input)
        let request = admissions.request(input, wake: wake, completion: completion)
        if admissions.leading {
            switch await withCheckedContinuation({ admissions.enqueue(request, waiting: $0) }) {
            case .admitted(let result): return try result.get()
            case .lead: break
            }
        } else {
            admissions.leading = true
            admissions.enqueue(request, waiting: nil)
        }
        return try await lead(request.id).get()
    }

    /// Commits everything queued (the leader's own admission among it), answers the others and passes
    /// the lead on; returns the leader's own answer.
    private func lead(_ own: AdmissionRequest.ID) async -> Result<Admitted, RuntimeDriverError> {
        let batch = admissions.takeAll()
        let answers = await commit(batch.map(\.request))
        var mine: Result<Admitted, RuntimeDriverError> = .failure(.internal("admission \(own) was not in its batch"))
        for (entry, answer) in zip(batch, answers) {
            if entry.request.id == own { mine = answer } else { entry.waiting?.resume(returning: .admitted(answer)) }
        }
        if let next = admissions.passLead() { next.resume(returning: .lead) }
        return mine
    }

    /// Admits `requests` in order under the lock and commits them in one transaction. An admission the
    /// driver refuses is taken out and the rest admitted again from the start, so a refusal costs
    /// only its own caller.
    private func commit(_ requests: [AdmissionRequest]) async -> [Result<Admitted, RuntimeDriverError>] {
        await acquire()
        defer { release() }
        var refused: [Int: RuntimeDriverError] = [:]
        var admitted: [Int: (AcceptOutcome, PostAdmissionSignal)] = [:]
        attempt: while true {
            admitted = [:]
            driver.beginChange()
            for (index, request) in requests.enumerated() where refused[index] == nil {
                do {
                    admitted[index] = (try driver.accept(request.input), driver.takeSignal())
                } catch {
                    driver.rollBackChange()
                    refused[index] = error
                    continue attempt
                }
            }
            break
        }
        if admitted.isEmpty {
            driver.rollBackChange()
        } else {
            do {
                _ = try await commitChange()
            } catch {
                return requests.indices.map { .failure(refused[$0] ?? error) }
            }
        }
        var wake = false
        let answers = requests.indices.map { index -> Result<Admitted, RuntimeDriverError> in
            guard let (outcome, signal) = admitted[index] else { return .failure(refused[index]!) }
            if requests[index].wake, signal.shouldWake { wake = true }
            return answer(outcome, completion: requests[index].completion)
        }
        if wake { wakeLoop() }
        return answers
    }

    /// The caller's answer; a handle is registered here, before the lock is released, so nothing can
    /// complete the input before its waiter exists.
    private func answer(_ outcome: AcceptOutcome, completion: Bool) -> Result<Admitted, RuntimeDriverError> {
        guard completion else { return .success(Admitted(outcome: outcome, handle: nil)) }
        let tracked: InputID
        switch outcome {
        case .accepted(let id, _, _): tracked = id
        case .deduplicated(_, let existing): tracked = existing
        case .rejected(let reason): return .failure(.validationFailed(reason: reason.description))
        }
        let handle = driver[tracked].map { $0.state.isTerminal } == false ? completions.register(tracked) : nil
        return .success(Admitted(outcome: outcome, handle: handle))
    }
}
