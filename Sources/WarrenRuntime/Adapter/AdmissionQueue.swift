/// One admission waiting for its session's next shared commit.
struct AdmissionRequest: Sendable {
    typealias ID = Int

    /// Its number in its session's queue.
    let id: ID
    let input: Input
    /// Whether the admission may wake the runtime loop.
    let wake: Bool
    /// Whether the caller wants a completion handle.
    let completion: Bool
}

/// What an admission gets back: its outcome and, when asked for, its completion handle.
struct Admitted: Sendable {
    let outcome: AcceptOutcome
    let handle: CompletionHandle?
}

/// What a queued admission is woken with: its answer, or the lead of the next commit.
enum AdmissionTurn: Sendable {
    case admitted(Result<Admitted, RuntimeDriverError>)
    case lead
}

/// The admissions of one session waiting for a commit, and whether a leader is committing (D94).
struct AdmissionQueue {
    /// Whether an admission is leading a commit; the others queue behind it.
    var leading = false
    private var nextID = 0
    private(set) var entries: [(request: AdmissionRequest, waiting: CheckedContinuation<AdmissionTurn, Never>?)] = []

    /// A request for `input`, numbered in this queue.
    mutating func request(_ input: Input, wake: Bool, completion: Bool) -> AdmissionRequest {
        nextID += 1
        return AdmissionRequest(id: nextID, input: input, wake: wake, completion: completion)
    }

    /// How many admissions wait behind the leader.
    var waitingCount: Int { entries.filter { $0.waiting != nil }.count }

    /// Queues `request`; `waiting` is nil for the leader's own admission.
    mutating func enqueue(_ request: AdmissionRequest, waiting: CheckedContinuation<AdmissionTurn, Never>?) {
        entries.append((request, waiting))
    }

    /// Every queued admission, in order, for one commit.
    mutating func takeAll() -> [(request: AdmissionRequest, waiting: CheckedContinuation<AdmissionTurn, Never>?)] {
        defer { entries.removeAll(keepingCapacity: true) }
        return entries
    }

    /// The first queued admission, which leads next (its entry stays queued, now as a leader's), or nil
    /// when none waits and nobody leads any more.
    mutating func passLead() -> CheckedContinuation<AdmissionTurn, Never>? {
        guard let next = entries.first?.waiting else {
            leading = false
            return nil
        }
        entries[0].waiting = nil
        return next
    }
}
