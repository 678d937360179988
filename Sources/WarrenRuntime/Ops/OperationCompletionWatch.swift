/// Waits for one operation's terminal outcome; any number of tasks may wait, and all see the same outcome.
/// Waits for one operation's terminal outcome; any number of tasks may wait, and all see the same outcome.
public final class OperationCompletionWatch: Sendable {
    /// The operation this watch resolves with.
    public let operationID: OperationID
    private let result = OneShot<OperationTerminalOutcome>()

    init(operationID: OperationID) {
        self.operationID = operationID
    }

    /// A watch that is already resolved, for an operation that was terminal when watched.
    static func resolved(_ operationID: OperationID, _ outcome: OperationTerminalOutcome) -> OperationCompletionWatch {
        let watch = OperationCompletionWatch(operationID: operationID)
        watch.resolve(outcome)
        return watch
    }

    /// The outcome once resolved, without waiting.
    public var outcome: OperationTerminalOutcome? { result.value }

    /// Suspends until the operation is terminal.
    ///
    /// Cancelling the waiting task ends only this wait: the watch stays registered and can be awaited again.
    /// - Throws: `CancellationError` when the waiting task is cancelled first.
    public func wait() async throws(CancellationError) -> OperationTerminalOutcome {
        try await result.wait()
    }

    /// Resolves the watch; only the first outcome counts.
    func resolve(_ outcome: OperationTerminalOutcome) {
        result.resolve(outcome)
    }
}
