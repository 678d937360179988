import DequeModule

/// The steer and queue lanes of queued input ids: the single source of truth for what runs next.
///
/// Unlike v0.5.2 there is no second "canonical" copy, so a superseded, coalesced or abandoned input
/// leaves its lane at once and can never be delivered (docs/DECISIONS.md).
struct IngressLanes: Sendable {
    private(set) var steer: Deque<InputID> = []
    private(set) var queue: Deque<InputID> = []

    var isEmpty: Bool { steer.isEmpty && queue.isEmpty }
    var count: Int { steer.count + queue.count }

    mutating func append(_ id: InputID, to lane: Lane) {
        switch lane {
        case .steer: steer.append(id)
        case .queue: queue.append(id)
        }
    }

    /// Puts a failed batch back at the front of its lane, keeping the batch's own order.
    mutating func restoreToFront(_ ids: [InputID], lane: Lane) {
        switch lane {
        case .steer: steer.insert(contentsOf: ids, at: 0)
        case .queue: queue.insert(contentsOf: ids, at: 0)
        }
    }

    /// Removes an id wherever it is; returns whether it was present.
    @discardableResult
    mutating func remove(_ id: InputID) -> Bool {
        if let index = steer.firstIndex(of: id) {
            steer.remove(at: index)
            return true
        }
        if let index = queue.firstIndex(of: id) {
            queue.remove(at: index)
            return true
        }
        return false
    }

    /// All queued ids: the queue lane, then the steer lane (the supersession scan order).
    var allIDs: [InputID] { Array(queue) + Array(steer) }

    mutating func removeAll() {
        steer.removeAll()
        queue.removeAll()
    }

    /// Takes the next batch: the whole steer lane first; else a prompt alone; else the longest run of
    /// non-prompts (input-spec §3.6).
    mutating func takeNextBatch(isPrompt: (InputID) -> Bool) -> (ids: [InputID], lane: Lane)? {
        if !steer.isEmpty {
            let batch = Array(steer)
            steer.removeAll()
            return (batch, .steer)
        }
        guard let head = queue.first else { return nil }
        if isPrompt(head) {
            queue.removeFirst()
            return ([head], .queue)
        }
        var batch: [InputID] = []
        while let next = queue.first, !isPrompt(next) {
            batch.append(queue.removeFirst())
        }
        return (batch, .queue)
    }
}
