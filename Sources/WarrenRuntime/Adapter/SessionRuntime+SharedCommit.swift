/// Shared commits: concurrent admissions (D94) and publications (D121) to one session share one commit.
///
/// The first request becomes the leader and applies, under the session's lock, every request queued by
/// then, in queue order, commits them in one transaction and answers each; requests that arrive meanwhile
/// queue for the next leader, to whom the lead passes. One request alone is led by itself, with no extra hop.
extension SessionRuntime {
    /// Queues `work` for the session's next shared commit; returns its answer once the commit is on disk.
    func commitShared(_ work: SharedCommitRequest.Work) async throws(RuntimeDriverError) -> SharedCommitAnswer {
        let request = sharedCommits.request(work)
        if sharedCommits.leading {
            switch await withCheckedContinuation({ sharedCommits.enqueue(request, waiting: $0) }) {
            case .answered(let result): return try result.get()
            case .lead: break
            }
        } else {
            sharedCommits.leading = true
            sharedCommits.enqueue(request, waiting: nil)
        }
        return try await lead(request.id).get()
    }

    /// Commits everything queued (the leader's own request among it), answers the others and passes the
    /// lead on; returns the leader's own answer.
    private func lead(_ own: SharedCommitRequest.ID) async -> Result<SharedCommitAnswer, RuntimeDriverError> {
        let batch = sharedCommits.takeAll()
        let answers = await commit(batch.map(\.request))
        var mine: Result<SharedCommitAnswer, RuntimeDriverError> = .failure(
            .internal("request \(own) was not in its batch")
        )
        for (entry, answer) in zip(batch, answers) {
            if entry.request.id == own { mine = answer } else { entry.waiting?.resume(returning: .answered(answer)) }
        }
        if let next = sharedCommits.passLead() { next.resume(returning: .lead) }
        return mine
    }

    /// What applying one request did to the driver.
    private enum Applied {
        case admitted(AcceptOutcome, PostAdmissionSignal)
        /// The indices of the publication's events among the change's.
        case published(Range<Int>)
    }

    /// Applies `requests` in order under the lock and commits them in one transaction. An admission the
    /// driver refuses is taken out and the rest applied again from the start, so a refusal costs only its
    /// own caller; a publication is never refused.
    private func commit(_ requests: [SharedCommitRequest]) async -> [Result<SharedCommitAnswer, RuntimeDriverError>] {
        await acquire()
        defer { release() }
        var refused: [Int: RuntimeDriverError] = [:]
        var applied: [Int: Applied] = [:]
        attempt: while true {
            applied = [:]
            driver.beginChange()
            for (index, request) in requests.enumerated() where refused[index] == nil {
                do {
                    applied[index] = try apply(request.work)
                } catch {
                    driver.rollBackChange()
                    refused[index] = error
                    continue attempt
                }
            }
            break
        }
        var envelopes: [RuntimeEventEnvelope] = []
        let ended = driver.changedTerminalInputIDs
        if applied.isEmpty {
            driver.rollBackChange()
        } else {
            do {
                envelopes = try await commitChange()
            } catch {
                return requests.indices.map { .failure(refused[$0] ?? error) }
            }
        }
        var wake = false
        let answers = requests.indices.map { index -> Result<SharedCommitAnswer, RuntimeDriverError> in
            switch (applied[index], requests[index].work) {
            case (.admitted(let outcome, let signal)?, .admission(_, let wakes, let completion)):
                if wakes, signal.shouldWake { wake = true }
                return answer(outcome, completion: completion).map(SharedCommitAnswer.admitted)
            case (.published(let indices)?, _):
                return .success(.published(Array(envelopes[indices])))
            default:
                return .failure(refused[index] ?? .internal("request \(requests[index].id) was not applied"))
            }
        }
        // A queued input that an admission superseded or coalesced has ended: its waiters learn how.
        resolveTerminalWaiters(ended)
        if wake { wakeLoop() }
        return answers
    }

    private func apply(_ work: SharedCommitRequest.Work) throws(RuntimeDriverError) -> Applied {
        switch work {
        case .admission(let input, _, _):
            return .admitted(try driver.accept(input), driver.takeSignal())
        case .publication(let events):
            let first = driver.pendingEventCount
            for event in events { driver.emit(event.event, correlation: event.correlationID) }
            return .published(first..<driver.pendingEventCount)
        }
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
