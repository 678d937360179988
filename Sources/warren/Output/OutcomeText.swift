import WarrenProto

/// One-line descriptions of admission and completion outcomes.
enum OutcomeText {
    static func accept(_ outcome: AcceptOutcome?) -> String {
        switch outcome?.outcome {
        case .accepted(let accepted):
            "input \(accepted.inputID) accepted (\(accepted.state.map { "\($0.currentState)" } ?? "accepted"))"
        case .deduplicated(let duplicate):
            "input \(duplicate.existingID) already admitted (deduplicated)"
        case .rejected(let rejected):
            "rejected: \(rejected.reason?.jsonValue().jsonText ?? "no reason given")"
        case nil:
            "no outcome"
        }
    }

    /// The admitted (or already admitted) input's id; the rejection text otherwise.
    static func inputID(_ outcome: AcceptOutcome?) -> String {
        switch outcome?.outcome {
        case .accepted(let accepted): accepted.inputID
        case .deduplicated(let duplicate): duplicate.existingID
        case .rejected, nil: Self.accept(outcome)
        }
    }

    static func completion(_ outcome: CompletionOutcome?) -> String {
        switch outcome?.outcome {
        case .completed(let completed): "completed: \(completed.runResult?.text ?? "")"
        case .completedWithoutResult: "completed without a result"
        case .callbackPending(let pending): "waiting for a callback from tool \(pending.toolName)"
        case .abandoned(let abandoned): "abandoned: \(abandoned.reason)"
        case .runtimeTerminated(let terminated): "runtime terminated: \(terminated.reason)"
        case .cancelled(let cancelled): "cancelled: \(cancelled.reason)"
        case nil: "no outcome"
        }
    }

    static func inputState(_ state: InputState?) -> String {
        guard let state else { return "no state" }
        let attempts = state.attemptCount > 0 ? ", \(state.attemptCount) attempt(s)" : ""
        return "\(state.inputID) \(state.currentState)\(attempts)"
    }
}
