/// Waits for one input's completion; any number of tasks may wait, and all see the same outcome.
public final class CompletionHandle: Sendable {
    /// The input this handle completes with.
    public let inputID: InputID
    private let result = OneShot<CompletionOutcome>()

    init(inputID: InputID) {
        self.inputID = inputID
    }

    /// A handle that is already resolved (for an input that was terminal when asked for).
    public static func resolved(_ inputID: InputID, _ outcome: CompletionOutcome) -> CompletionHandle {
        let handle = CompletionHandle(inputID: inputID)
        handle.resolve(outcome)
        return handle
    }

    /// The outcome once resolved, without waiting.
    public var outcome: CompletionOutcome? { result.value }

    /// Suspends until the input completes.
    ///
    /// - Throws: `CancellationError` when the waiting task is cancelled; the input itself keeps going.
    public func wait() async throws(CancellationError) -> CompletionOutcome {
        try await result.wait()
    }

    func resolve(_ outcome: CompletionOutcome) {
        result.resolve(outcome)
    }
}
