/// The comms inbox a drain task reads (the runtime-facing half of the reference's `CommsRuntime`).
///
/// The server's Comms service feeds an implementation; ``InMemoryPeerInbox`` is the one Warren ships.
///
/// Wakeups cannot be lost: a drain reads ``currentGeneration()`` *before* it drains, and
/// ``waitForCandidates(afterGeneration:)`` returns at once if anything arrived since that read. Every
/// delivery and a DISMISS must advance the generation.
public protocol PeerInbox: Sendable {
    /// The wake generation: advanced by every delivery and by a DISMISS. Read it to arm a wait.
    func currentGeneration() -> UInt64

    /// Suspends until the generation differs from `generation`, or the calling task is cancelled.
    func waitForCandidates(afterGeneration generation: UInt64) async

    /// Takes every pending candidate, oldest first, without suspending.
    func drainCandidates() -> [PeerInputCandidate]

    /// Whether a peer DISMISS arrived; the drain checks it only when a drain comes back empty, so work
    /// delivered before the DISMISS is admitted first.
    func dismissReceived() -> Bool

    /// Takes the one-shot subscriber registered for `id`, if any (a second call returns nil).
    func interactionSubscriber(for id: InteractionID) -> InteractionSubscriber?

    /// Records that `id` reached a terminal state (its outcome was sent, or nobody waits for one).
    func markInteractionComplete(_ id: InteractionID)
}
