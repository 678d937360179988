/// The terminal outcome of an interaction, as the completion bridge sends it to the interaction's
/// subscriber (the reference's terminal `AgentEvent`s, adapter-spec §8.6).
public enum InteractionOutcome: Hashable, Sendable {
    /// `InteractionComplete`: the run's result text ("" when it completed without a result).
    case complete(result: String)
    /// `InteractionCallbackPending`: the run waits for a tool result outside the runtime.
    case callbackPending(toolName: String, argumentsJSON: [UInt8])
    /// `InteractionFailed`: the input never completed.
    case failed(error: String)

    /// Maps a completion outcome. Warren's extra `cancelled` outcome (an interrupted run) reads as a
    /// failure with its reason, like abandoned and runtime-terminated inputs.
    public init(_ outcome: CompletionOutcome) {
        switch outcome {
        case .completed(let result): self = .complete(result: result.text)
        case .completedWithoutResult: self = .complete(result: "")
        case .callbackPending(let toolName, let arguments):
            self = .callbackPending(toolName: toolName, argumentsJSON: arguments)
        case .abandoned(let reason), .runtimeTerminated(let reason), .cancelled(let reason):
            self = .failed(error: reason)
        }
    }
}
