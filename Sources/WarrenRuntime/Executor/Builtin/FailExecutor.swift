import Synchronization

/// Fails each input recoverably `failures` times, then succeeds: it exercises the retry path and,
/// with `failures` ≥ ``maxStageAttempts``, the abandonment after the stage budget.
public final class FailExecutor: Executor {
    public let name: String
    /// How many runs of an input fail before one succeeds.
    public let failures: Int
    private let attempts = Mutex<[InputID: Int]>([:])

    /// Creates a fail executor (`fail`, or `fail:N` when `failures` is not the default 2).
    public init(failures: Int = 2) {
        self.failures = failures
        self.name = failures == 2 ? "fail" : "fail:\(failures)"
    }

    public func run(_ assignment: RunAssignment, control: RunControlStream) async -> RunOutcome {
        let seen = attempts.withLock { attempts in
            assignment.contributingInputIDs.map { id -> Int in
                attempts[id, default: 0] += 1
                return attempts[id]!
            }.min() ?? 0
        }
        if seen <= failures {
            return .failed(error: "fail executor: attempt \(seen) of \(failures) planned failures", recoverable: true)
        }
        return .completed(terminal: .result(RunResult(text: "succeeded after \(failures) failures")))
    }
}
