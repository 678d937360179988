import Synchronization
import WarrenRuntime

/// Completes every run with the inputs' text and records which inputs it ran.
final class RecordingExecutor: Executor {
    let name = "recording"
    private let ran = Mutex<[InputID]>([])

    func run(_ assignment: RunAssignment, control: RunControlStream) async -> RunOutcome {
        ran.withLock { $0 += assignment.contributingInputIDs }
        return .completed(terminal: .result(RunResult(text: assignment.inputs.map(\.text).joined())))
    }

    /// Every input it ran, in order.
    var ranInputs: [InputID] { ran.withLock { $0 } }
}

/// A durable prompt.
func prompt(_ text: String, key: String? = nil) -> Input {
    .prompt(PromptInput(header: InputHeader(idempotencyKey: key), text: text))
}
