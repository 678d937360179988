import DequeModule
import Synchronization

/// A process-local ``PeerInbox``: the server's Comms service delivers into it and tests drive it.
///
/// One lock guards everything, so a delivery, its generation bump and the wakeup of parked drains are one
/// atomic step — the property that makes ``PeerInbox/waitForCandidates(afterGeneration:)`` lossless.
/// A DISMISS is sticky: once dismissed, ``dismissReceived()`` stays true for this inbox.
public final class InMemoryPeerInbox: PeerInbox {
    private let state = Mutex<State>(State())

    /// Creates an empty inbox.
    public init() {}

    // MARK: Feeding (the comms service side)

    /// Queues `candidate` and wakes any parked drain.
    public func deliver(_ candidate: PeerInputCandidate) {
        mutate { state in
            state.pending.append(candidate)
            state.generation &+= 1
        }
    }

    /// Registers the one-shot `subscriber` that receives `id`'s terminal outcome; replaces an earlier one.
    public func setSubscriber(_ subscriber: InteractionSubscriber, for id: InteractionID) {
        state.withLock { $0.subscribers[id] = subscriber }
    }

    /// Registers a subscriber that records `id`'s outcome in the inbox, for ``recordedOutcome(of:)``.
    public func recordOutcome(of id: InteractionID) {
        setSubscriber(InteractionSubscriber { [weak self] outcome in self?.record(outcome, for: id) }, for: id)
    }

    /// Marks the inbox dismissed (a peer DISMISS) and wakes any parked drain so it notices.
    public func dismiss() {
        mutate { state in
            state.dismissed = true
            state.generation &+= 1
        }
    }

    // MARK: Observing

    /// Candidates delivered and not yet drained.
    public var pendingCount: Int { state.withLock { $0.pending.count } }

    /// Interactions marked complete, in the order they were marked.
    public var completedInteractions: [InteractionID] { state.withLock { $0.completed } }

    /// The outcome a recording subscriber (``recordOutcome(of:)``) received for `id`, if any yet.
    public func recordedOutcome(of id: InteractionID) -> InteractionOutcome? {
        state.withLock { $0.outcomes[id] }
    }

    /// Suspends until `id` is marked complete; returns false only if the calling task was cancelled first.
    @discardableResult
    public func awaitCompletion(of id: InteractionID) async -> Bool {
        await park(until: .completed(id))
    }

    // MARK: PeerInbox

    /// The wake generation (advanced by ``deliver(_:)`` and ``dismiss()``).
    public func currentGeneration() -> UInt64 {
        state.withLock { $0.generation }
    }

    /// Suspends until a delivery or DISMISS after `generation`, or until the caller is cancelled.
    public func waitForCandidates(afterGeneration generation: UInt64) async {
        _ = await park(until: .generationAfter(generation))
    }

    /// Takes every pending candidate, oldest first.
    public func drainCandidates() -> [PeerInputCandidate] {
        state.withLock { state in
            defer { state.pending.removeAll() }
            return Array(state.pending)
        }
    }

    /// Whether ``dismiss()`` was called.
    public func dismissReceived() -> Bool {
        state.withLock { $0.dismissed }
    }

    /// Takes the subscriber registered for `id`, if any.
    public func interactionSubscriber(for id: InteractionID) -> InteractionSubscriber? {
        state.withLock { $0.subscribers.removeValue(forKey: id) }
    }

    /// Records `id` as complete and wakes ``awaitCompletion(of:)`` callers.
    public func markInteractionComplete(_ id: InteractionID) {
        mutate { state in
            state.completedSet.insert(id)
            state.completed.append(id)
        }
    }

    // MARK: Internals

    private struct State {
        var pending: Deque<PeerInputCandidate> = []
        var generation: UInt64 = 0
        var dismissed = false
        var subscribers: [InteractionID: InteractionSubscriber] = [:]
        var outcomes: [InteractionID: InteractionOutcome] = [:]
        var completed: [InteractionID] = []
        var completedSet: Set<InteractionID> = []
        var parked: [UInt64: Parked] = [:]
        var nextToken: UInt64 = 0

        func holds(_ condition: Condition) -> Bool {
            switch condition {
            case .generationAfter(let seen): generation != seen
            case .completed(let id): completedSet.contains(id)
            }
        }

        /// Removes and returns the parked continuations whose condition now holds.
        mutating func takeSatisfied() -> [CheckedContinuation<Bool, Never>] {
            var ready: [CheckedContinuation<Bool, Never>] = []
            for (token, entry) in parked {
                guard case .waiting(let condition, let continuation) = entry, holds(condition) else { continue }
                parked[token] = nil
                ready.append(continuation)
            }
            return ready
        }
    }

    /// What a parked caller waits for.
    private enum Condition {
        case generationAfter(UInt64)
        case completed(InteractionID)
    }

    /// A parked caller: registered before it suspends (`armed`) so a cancellation that races the
    /// suspension is remembered (`cancelled`) instead of lost.
    private enum Parked {
        case armed
        case waiting(Condition, CheckedContinuation<Bool, Never>)
        case cancelled
    }

    private func record(_ outcome: InteractionOutcome, for id: InteractionID) {
        state.withLock { $0.outcomes[id] = outcome }
    }

    /// Applies a change and resumes, outside the lock, every parked caller it satisfied.
    private func mutate(_ change: (inout State) -> Void) {
        let ready = state.withLock { state -> [CheckedContinuation<Bool, Never>] in
            change(&state)
            return state.takeSatisfied()
        }
        for continuation in ready { continuation.resume(returning: true) }
    }

    /// Suspends until `condition` holds (true) or the calling task is cancelled (false).
    private func park(until condition: Condition) async -> Bool {
        let token = state.withLock { state -> UInt64 in
            state.nextToken &+= 1
            state.parked[state.nextToken] = .armed
            return state.nextToken
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let immediate = state.withLock { state -> Bool? in
                    if state.holds(condition) {
                        state.parked[token] = nil
                        return true
                    }
                    if case .cancelled = state.parked[token] {
                        state.parked[token] = nil
                        return false
                    }
                    state.parked[token] = .waiting(condition, continuation)
                    return nil
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
                switch state.parked[token] {
                case .waiting(_, let continuation):
                    state.parked[token] = nil
                    return continuation
                case .armed:
                    state.parked[token] = .cancelled
                    return nil
                case .cancelled, nil:
                    return nil
                }
            }
            waiter?.resume(returning: false)
        }
    }
}
