package import WarrenProto
package import WarrenRPC
package import WarrenRuntime

extension WarrenProto.CompletionOutcome {
    /// The wire form of a completion outcome. A runtime-terminated reason the registry uses also travels
    /// typed; a cancellation carries no run id because the domain outcome has none (D41).
    package init(_ outcome: WarrenRuntime.CompletionOutcome) {
        switch outcome {
        case .completed(let result):
            self.init(outcome: .completed(CompletionOutcomeCompleted(runResult: WarrenProto.RunResult(result))))
        case .completedWithoutResult:
            self.init(outcome: .completedWithoutResult(CompletionOutcomeCompletedWithoutResult()))
        case .callbackPending(let toolName, let argumentsJSON):
            self.init(outcome: .callbackPending(CallbackPending(toolName: toolName, argsJson: argumentsJSON)))
        case .abandoned(let reason):
            self.init(outcome: .abandoned(CompletionOutcomeAbandoned(reason: reason)))
        case .cancelled(let reason):
            self.init(outcome: .cancelled(CompletionOutcomeCancelled(reason: reason)))
        case .runtimeTerminated(let reason):
            self.init(
                outcome: .runtimeTerminated(
                    CompletionOutcomeRuntimeTerminated(
                        reason: reason,
                        terminationReason: RuntimeTerminationReason(text: reason)
                    )
                )
            )
        }
    }
}

extension WarrenRuntime.CompletionOutcome {
    /// Reads a completion outcome; the reason text is authoritative, the typed reason informational.
    package init(wire: WarrenProto.CompletionOutcome, field: String) throws(RPCError) {
        switch try requireOneof(wire.outcome, field) {
        case .completed(let completed):
            let path = "\(field).completed.run_result"
            self = .completed(WarrenRuntime.RunResult(wire: try requireWire(completed.runResult, path)))
        case .completedWithoutResult: self = .completedWithoutResult
        case .callbackPending(let pending):
            self = .callbackPending(toolName: pending.toolName, argumentsJSON: pending.argsJson)
        case .abandoned(let abandoned): self = .abandoned(reason: abandoned.reason)
        case .cancelled(let cancelled): self = .cancelled(reason: cancelled.reason)
        case .runtimeTerminated(let terminated): self = .runtimeTerminated(reason: terminated.reason)
        }
    }
}

extension RuntimeTerminationReason {
    /// The typed reason for one of the completion registry's fixed texts (adapter-spec §2.6); UNSPECIFIED
    /// for any other text.
    init(text: String) {
        switch text {
        case "runtime session unregistered": self = .sessionUnregistered
        case "runtime reset": self = .reset
        case "retired without runtime loop": self = .retiredWithoutLoop
        case "runtime stopped": self = .stopped
        case "runtime destroyed": self = .destroyed
        case "runtime loop exited": self = .loopExited
        case "recycled input no longer pending": self = .recycledNoLongerPending
        case "completion channel closed without result": self = .channelClosed
        default: self = .unspecified
        }
    }
}

extension WarrenProto.RunResult {
    /// The wire form of a turn result; the domain keeps only text and structured output (D41).
    package init(_ result: WarrenRuntime.RunResult) {
        self.init(text: result.text, structuredOutputJson: result.structuredOutputJSON.wireBytes)
    }
}

extension WarrenRuntime.RunResult {
    /// Reads a turn result; usage, counts, warnings and diagnostics have no domain field and are dropped.
    package init(wire: WarrenProto.RunResult) {
        self.init(text: wire.text, structuredOutputJSON: wire.structuredOutputJson.nonEmpty)
    }
}
