/// Waits the milliseconds its inputs ask for (the first number in their text), then completes; an
/// interrupt cancels the run and a stop ends it at once.
public struct SleepExecutor: Executor {
    public let name = "sleep"

    /// Creates the sleep executor.
    public init() {}

    /// The requested duration: the first decimal number in the batch's text, in milliseconds.
    static func requestedMilliseconds(_ inputs: [Input]) -> Int {
        for input in inputs {
            let digits = input.text.drop { !$0.isNumber }.prefix { $0.isNumber }
            if let value = Int(digits) { return min(value, 3_600_000) }
        }
        return 0
    }

    public func run(_ assignment: RunAssignment, control: RunControlStream) async -> RunOutcome {
        let milliseconds = Self.requestedMilliseconds(assignment.inputs)
        return await withTaskGroup(of: RunOutcome?.self) { group in
            group.addTask {
                try? await Task.sleep(for: .milliseconds(milliseconds))
                if Task.isCancelled { return nil }
                return .completed(terminal: .result(RunResult(text: "slept \(milliseconds) ms")))
            }
            group.addTask {
                for await command in control {
                    switch command {
                    case .cancelCurrentRun(let reason), .stopRuntimeExecutor(let reason):
                        return .cancelled(reason: reason)
                    }
                }
                return nil
            }
            var outcome: RunOutcome = .cancelled(reason: "control closed")
            for await result in group {
                if let result {
                    outcome = result
                    break
                }
            }
            group.cancelAll()
            return outcome
        }
    }
}
