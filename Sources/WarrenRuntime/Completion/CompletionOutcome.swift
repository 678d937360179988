/// How an input's completion ended, as its waiters see it (adapter-spec §2.6, with Warren's cancellation).
public enum CompletionOutcome: Hashable, Sendable {
    /// The run completed with a result.
    case completed(RunResult)
    /// The run committed without a turn result.
    case completedWithoutResult
    /// The run ended waiting for a callback (tool call) result.
    case callbackPending(toolName: String, argumentsJSON: [UInt8])
    /// The input was abandoned (retry budget, reset, destroy…).
    case abandoned(reason: String)
    /// The run was cancelled (an interrupt): its own outcome, never retried.
    case cancelled(reason: String)
    /// The runtime went away under the waiter (unregister, reset, stop, destroy, retire without a loop).
    case runtimeTerminated(reason: String)
}

/// What an executor's turn produced.
public struct RunResult: Hashable, Sendable {
    /// The output text.
    public var text: String
    /// Structured output as UTF-8 JSON, when any.
    public var structuredOutputJSON: [UInt8]?

    /// Creates a result.
    public init(text: String, structuredOutputJSON: [UInt8]? = nil) {
        self.text = text
        self.structuredOutputJSON = structuredOutputJSON
    }
}
