import Synchronization

/// Where an interaction's terminal outcome goes: a one-shot sink the comms service registers for an
/// interaction (the reference's `mpsc::Sender<AgentEvent>` from `inject_with_subscription`).
///
/// The inbox hands it out at most once (``PeerInbox/interactionSubscriber(for:)`` removes it), and the
/// completion bridge sends it exactly one outcome.
public struct InteractionSubscriber: Sendable {
    private let deliver: @Sendable (InteractionOutcome) async -> Void

    /// Wraps the closure that delivers the outcome; it may suspend (for example on a full stream).
    public init(_ deliver: @escaping @Sendable (InteractionOutcome) async -> Void) {
        self.deliver = deliver
    }

    /// Delivers `outcome`, giving up after `timeout`; returns whether the delivery finished in time.
    ///
    /// The bound holds even if the closure ignores cancellation: the caller stops waiting when the timer
    /// fires and the delivery is cancelled, not awaited — a stuck subscriber must never keep the bridge
    /// from marking the interaction complete.
    public func send(_ outcome: InteractionOutcome, timeout: Duration) async -> Bool {
        let race = Race()
        var sender: Task<Void, Never>?
        var timer: Task<Void, Never>?
        let delivered = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            race.arm(continuation)
            sender = Task {
                await deliver(outcome)
                race.finish(true)
            }
            timer = Task {
                try? await Task.sleep(for: timeout)
                race.finish(false)
            }
        }
        sender?.cancel()
        timer?.cancel()
        return delivered
    }

    /// Resumes one continuation with whichever of delivery and timeout finishes first.
    private final class Race: Sendable {
        private let continuation = Mutex<CheckedContinuation<Bool, Never>?>(nil)

        func arm(_ continuation: CheckedContinuation<Bool, Never>) {
            self.continuation.withLock { $0 = continuation }
        }

        func finish(_ value: Bool) {
            let winner = continuation.withLock { slot -> CheckedContinuation<Bool, Never>? in
                defer { slot = nil }
                return slot
            }
            winner?.resume(returning: value)
        }
    }
}
