import Synchronization
import WarrenProto
import WarrenRPC

/// The runs of the demo executor: each sleeps, then answers; a control message cancels it early.
final class DemoRuns: Sendable {
    private let delay: Duration
    private let requests: RPCRequestWriter<ExecutorAttachRequest>
    private let cancelled = Mutex<Set<String>>([])

    init(delay: Duration, requests: RPCRequestWriter<ExecutorAttachRequest>) {
        self.delay = delay
        self.requests = requests
    }

    /// Sleeps for the delay (polling for cancellation), then reports the run completed or cancelled.
    func run(_ assignment: RunAssignment) async throws {
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: self.delay)
        while clock.now < end, !self.isCancelled(assignment.runID) {
            try await Task.sleep(for: min(.milliseconds(50), end - clock.now))
        }
        var outcome = RunOutcome(sessionID: assignment.sessionID, runID: assignment.runID)
        outcome.assignmentSeq = assignment.assignmentSeq
        if self.isCancelled(assignment.runID) {
            outcome.outcome = .cancelled(RunOutcomeCancelled(reason: "interrupted"))
        } else {
            let text =
                assignment.inputs.compactMap { input -> String? in
                    if case .prompt(let prompt) = input.variant { return prompt.text }
                    return nil
                }.first ?? ""
            outcome.outcome = .completed(RunOutcomeCompleted(terminal: .runResult(RunResult(text: "remote: \(text)"))))
        }
        try await self.requests.write(ExecutorAttachRequest(item: .outcome(outcome)))
        Console.line("finished \(assignment.runID)")
    }

    /// Marks `runID` cancelled; its run answers at its next poll.
    func cancel(_ runID: String) {
        self.cancelled.withLock { _ = $0.insert(runID) }
    }

    private func isCancelled(_ runID: String) -> Bool {
        self.cancelled.withLock { $0.contains(runID) }
    }
}
