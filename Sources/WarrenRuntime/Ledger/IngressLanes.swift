import DequeModule

/// The steer and queue lanes of queued input ids: the single source of truth for what runs next.
///
/// Unlike v0.5.2 there is no second "canonical" copy, so a superseded, coalesced or abandoned input
/// leaves its lane at once and can never be delivered (docs/DECISIONS.md).
struct IngressLanes: Sendable {
    private(set) var steer: Deque<InputID> = []
    private(set) var queue: Deque<InputID> = []
    /// While open, how to undo each change (applied in reverse), so a failed commit undoes cheaply.
    private var journal: [Undo]?

    private enum Undo {
        case removeLast(Lane)
        case insert(InputID, Lane, at: Int)
        case removeFirst(Int, Lane)
        case insertAtFront([InputID], Lane)
        case restore(steer: Deque<InputID>, queue: Deque<InputID>)
    }

    mutating func beginJournal() { journal = [] }
    mutating func endJournal() { journal = nil }

    /// Undoes every change since ``beginJournal()``.
    mutating func rollBack() {
        guard let undo = journal else { return }
        journal = nil
        for step in undo.reversed() {
            switch step {
            case .removeLast(let lane): modify(lane) { _ = $0.removeLast() }
            case .insert(let id, let lane, let index): modify(lane) { $0.insert(id, at: index) }
            case .removeFirst(let count, let lane): modify(lane) { $0.removeFirst(count) }
            case .insertAtFront(let ids, let lane): modify(lane) { $0.insert(contentsOf: ids, at: 0) }
            case .restore(let oldSteer, let oldQueue):
                steer = oldSteer
                queue = oldQueue
            }
        }
    }

    private mutating func record(_ step: Undo) {
        if journal != nil { journal!.append(step) }
    }

    private mutating func modify(_ lane: Lane, _ body: (inout Deque<InputID>) -> Void) {
        switch lane {
        case .steer: body(&steer)
        case .queue: body(&queue)
        }
    }

    var isEmpty: Bool { steer.isEmpty && queue.isEmpty }
    var count: Int { steer.count + queue.count }

    mutating func append(_ id: InputID, to lane: Lane) {
        modify(lane) { $0.append(id) }
        record(.removeLast(lane))
    }

    /// Puts a failed batch back at the front of its lane, keeping the batch's own order.
    mutating func restoreToFront(_ ids: [InputID], lane: Lane) {
        modify(lane) { $0.insert(contentsOf: ids, at: 0) }
        record(.removeFirst(ids.count, lane))
    }

    /// Removes an id wherever it is; returns whether it was present.
    @discardableResult
    mutating func remove(_ id: InputID) -> Bool {
        if let index = steer.firstIndex(of: id) {
            steer.remove(at: index)
            record(.insert(id, .steer, at: index))
            return true
        }
        if let index = queue.firstIndex(of: id) {
            queue.remove(at: index)
            record(.insert(id, .queue, at: index))
            return true
        }
        return false
    }

    /// All queued ids: the queue lane, then the steer lane (the supersession scan order).
    var allIDs: [InputID] { Array(queue) + Array(steer) }

    mutating func removeAll() {
        record(.restore(steer: steer, queue: queue))
        steer = []
        queue = []
    }

    /// The next batch: the whole steer lane first; else a prompt alone; else the longest run of
    /// non-prompts (input-spec §3.6). Changes nothing; ``take(_:)`` removes it.
    func nextBatch(isPrompt: (InputID) -> Bool) -> (ids: [InputID], lane: Lane)? {
        if !steer.isEmpty { return (Array(steer), .steer) }
        guard let head = queue.first else { return nil }
        if isPrompt(head) { return ([head], .queue) }
        return (Array(queue.prefix { !isPrompt($0) }), .queue)
    }

    /// Removes a batch returned by ``nextBatch(isPrompt:)`` from the front of its lane.
    mutating func take(_ batch: (ids: [InputID], lane: Lane)) {
        modify(batch.lane) { $0.removeFirst(batch.ids.count) }
        record(.insertAtFront(batch.ids, batch.lane))
    }
}
