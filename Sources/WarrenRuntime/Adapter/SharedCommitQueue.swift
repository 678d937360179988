/// One piece of work waiting for its session's next shared commit: an admission or a publication.
struct SharedCommitRequest: Sendable {
    typealias ID = Int

    /// What the commit does for the request.
    enum Work: Sendable {
        /// Admit `input`; `wake`: it may wake the runtime loop; `completion`: the caller wants a handle.
        case admission(Input, wake: Bool, completion: Bool)
        /// Publish events that change no state (D121).
        case publication([PendingEvent])
    }

    /// Its number in its session's queue.
    let id: ID
    let work: Work
}

/// What an admission gets back: its outcome and, when asked for, its completion handle.
struct Admitted: Sendable {
    let outcome: AcceptOutcome
    let handle: CompletionHandle?
}

/// A request's answer once its commit is on disk.
enum SharedCommitAnswer: Sendable {
    case admitted(Admitted)
    /// The publication's events as committed, in order.
    case published([RuntimeEventEnvelope])
}

/// What a queued request is woken with: its answer, or the lead of the next commit.
enum SharedCommitTurn: Sendable {
    case answered(Result<SharedCommitAnswer, RuntimeDriverError>)
    case lead
}

/// The admissions and publications of one session waiting for a commit, and whether a leader is
/// committing (D94, D121).
struct SharedCommitQueue {
    typealias Entry = (request: SharedCommitRequest, waiting: CheckedContinuation<SharedCommitTurn, Never>?)

    /// Whether a request is leading a commit; the others queue behind it.
    var leading = false
    private var nextID = 0
    private(set) var entries: [Entry] = []

    /// A request for `work`, numbered in this queue.
    mutating func request(_ work: SharedCommitRequest.Work) -> SharedCommitRequest {
        nextID += 1
        return SharedCommitRequest(id: nextID, work: work)
    }

    /// How many requests wait behind the leader.
    var waitingCount: Int { entries.filter { $0.waiting != nil }.count }

    /// Queues `request`; `waiting` is nil for the leader's own request.
    mutating func enqueue(_ request: SharedCommitRequest, waiting: CheckedContinuation<SharedCommitTurn, Never>?) {
        entries.append((request, waiting))
    }

    /// Every queued request, in order, for one commit.
    mutating func takeAll() -> [Entry] {
        defer { entries.removeAll(keepingCapacity: true) }
        return entries
    }

    /// The first queued request, which leads next (its entry stays queued, now as a leader's), or nil
    /// when none waits and nobody leads any more.
    mutating func passLead() -> CheckedContinuation<SharedCommitTurn, Never>? {
        guard let next = entries.first?.waiting else {
            leading = false
            return nil
        }
        entries[0].waiting = nil
        return next
    }
}
