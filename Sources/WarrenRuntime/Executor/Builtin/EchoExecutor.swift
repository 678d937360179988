/// Completes at once, echoing its inputs' text (one line per input).
public struct EchoExecutor: Executor {
    public let name = "echo"

    /// Creates the echo executor.
    public init() {}

    public func run(_ assignment: RunAssignment, control: RunControlStream) async -> RunOutcome {
        .completed(terminal: .result(RunResult(text: assignment.inputs.map(\.text).joined(separator: "\n"))))
    }
}
