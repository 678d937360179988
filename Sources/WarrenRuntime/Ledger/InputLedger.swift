import OrderedCollections

/// Every input a runtime has admitted, in admission order, with the idempotency index (input-spec §3.5).
///
/// Entries are never removed: terminal states stay so that a key seen once deduplicates for the
/// runtime's lifetime.
struct InputLedger: Sendable {
    private(set) var states: OrderedDictionary<InputID, InputState> = [:]
    private var idsByIdempotencyKey: [String: InputID] = [:]

    subscript(id: InputID) -> InputState? { states[id] }

    /// The first input admitted with `key`, if any.
    func existing(idempotencyKey key: String) -> InputID? { idsByIdempotencyKey[key] }

    /// Inserts or replaces a state and indexes its key.
    mutating func upsert(_ state: InputState) {
        states[state.inputID] = state
        if let key = state.idempotencyKey, idsByIdempotencyKey[key] == nil {
            idsByIdempotencyKey[key] = state.inputID
        }
    }

    /// Applies one lifecycle event to an input.
    mutating func apply(_ event: InputLifecycleEvent, to id: InputID, at time: Timestamp = .now())
        throws(InputLifecycleError)
    {
        guard var state = states[id] else { throw .invalidTransition(from: .accepted, event: "unknown input \(id)") }
        try state.apply(event, at: time)
        states[id] = state
    }

    /// Replaces a state that is already present (recovery normalisation).
    mutating func replace(_ state: InputState) {
        states[state.inputID] = state
    }

    /// Non-terminal inputs in admission order.
    var activeIDs: [InputID] { states.values.filter { !$0.state.isTerminal }.map(\.inputID) }

    /// The number of non-terminal inputs.
    var activeCount: Int { states.values.reduce(0) { $0 + ($1.state.isTerminal ? 0 : 1) } }

    /// Non-terminal inputs currently in `state`.
    func ids(in state: InputLifecycleState) -> [InputID] {
        states.values.filter { $0.state == state }.map(\.inputID)
    }
}
