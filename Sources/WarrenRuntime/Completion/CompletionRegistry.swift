/// The completions being waited for, one shared ``CompletionHandle`` per input (adapter-spec §2.6).
///
/// Its owner (``SessionRuntime``) serialises access, so a waiter is always registered before the input
/// it waits for can complete (the reference's "driver → completions" lock order).
struct CompletionRegistry: Sendable {
    private var handles: [InputID: CompletionHandle] = [:]

    /// The number of inputs being waited for.
    var count: Int { handles.count }

    /// Inputs being waited for.
    var inputIDs: [InputID] { Array(handles.keys) }

    /// The handle for `id`, created on first use; every caller for one input shares it.
    mutating func register(_ id: InputID) -> CompletionHandle {
        if let handle = handles[id] { return handle }
        let handle = CompletionHandle(inputID: id)
        handles[id] = handle
        return handle
    }

    /// Resolves the waiters of `id`, if any.
    mutating func resolve(_ id: InputID, with outcome: CompletionOutcome) {
        handles.removeValue(forKey: id)?.resolve(outcome)
    }

    /// Resolves every waiter whose input is not in `keep`.
    mutating func resolveAll(with outcome: CompletionOutcome, except keep: Set<InputID> = []) {
        for id in inputIDs where !keep.contains(id) { resolve(id, with: outcome) }
    }
}
