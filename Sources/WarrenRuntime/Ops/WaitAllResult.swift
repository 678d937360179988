/// What `waitAll` returns once every awaited operation is terminal.
public struct WaitAllResult: Hashable, Sendable {
    /// The outcomes, in the order the operations were named.
    public var outcomes: [OperationOutcomeRecord]
    /// The registry's proof that it owned and satisfied the barrier.
    public var satisfied: WaitAllSatisfied

    /// Creates a result.
    public init(outcomes: [OperationOutcomeRecord], satisfied: WaitAllSatisfied) {
        self.outcomes = outcomes
        self.satisfied = satisfied
    }
}
