import OrderedCollections

/// Every input a runtime has admitted, in admission order, with the idempotency index (input-spec §3.5).
///
/// Entries are never removed: terminal states stay so that a key seen once deduplicates for the
/// runtime's lifetime. While a journal is open every change records its before-image, so a change whose
/// commit fails can be undone in time proportional to the change, not to the ledger.
struct InputLedger: Sendable {
    private(set) var states: OrderedDictionary<InputID, InputState> = [:]
    private var idsByIdempotencyKey: [String: InputID] = [:]
    /// Non-terminal inputs in admission order.
    private(set) var active: OrderedSet<InputID> = []
    private var journal: [(id: InputID, before: InputState?)]?
    private var journalKeys: [String] = []

    subscript(id: InputID) -> InputState? { states[id] }

    /// The first input admitted with `key`, if any.
    func existing(idempotencyKey key: String) -> InputID? { idsByIdempotencyKey[key] }

    /// Inserts or replaces a state and indexes its key.
    mutating func upsert(_ state: InputState) {
        store(state)
        if let key = state.idempotencyKey, idsByIdempotencyKey[key] == nil {
            idsByIdempotencyKey[key] = state.inputID
            if journal != nil { journalKeys.append(key) }
        }
    }

    /// Applies one lifecycle event to an input.
    mutating func apply(_ event: InputLifecycleEvent, to id: InputID, at time: Timestamp = .now())
        throws(InputLifecycleError)
    {
        guard var state = states[id] else { throw .invalidTransition(from: .accepted, event: "unknown input \(id)") }
        try state.apply(event, at: time)
        store(state)
    }

    /// Replaces a state that is already present (recovery normalisation).
    mutating func replace(_ state: InputState) {
        store(state)
    }

    private mutating func store(_ state: InputState) {
        let id = state.inputID
        if journal != nil { journal!.append((id, states[id])) }
        states[id] = state
        if state.state.isTerminal {
            active.remove(id)
        } else {
            active.append(id)
        }
    }

    /// Non-terminal inputs in admission order.
    var activeIDs: [InputID] { Array(active) }

    /// The number of non-terminal inputs.
    var activeCount: Int { active.count }

    /// Inputs currently in `state`, in admission order.
    func ids(in state: InputLifecycleState) -> [InputID] {
        states.values.filter { $0.state == state }.map(\.inputID)
    }

    // MARK: Journal

    /// Starts recording before-images.
    mutating func beginJournal() {
        journal = []
        journalKeys = []
    }

    /// Forgets the recorded changes: they are committed.
    mutating func endJournal() {
        journal = nil
        journalKeys = []
    }

    /// Undoes every change since ``beginJournal()``.
    mutating func rollBack() {
        guard let entries = journal else { return }
        journal = nil
        for (id, before) in entries.reversed() {
            if let before {
                states[id] = before
            } else {
                states.removeValue(forKey: id)
            }
        }
        for key in journalKeys { idsByIdempotencyKey[key] = nil }
        journalKeys = []
        active = OrderedSet(states.values.lazy.filter { !$0.state.isTerminal }.map(\.inputID))
    }
}
