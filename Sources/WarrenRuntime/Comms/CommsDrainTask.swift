/// The comms drain loop of one session (meerkat-runtime `spawn_comms_drain`, adapter-spec §8.5–§8.6):
/// moves classified interactions from a ``PeerInbox`` into the runtime through a ``CommsDrainHost``.
///
/// It runs until a peer DISMISS (it stops the executor, notifies the host and returns `.dismissed`) or
/// until its task is cancelled (it returns `.aborted` at its next suspension point without notifying —
/// the canceller, ``CommsDrainSlots``, already moved the authority to Stopped). Candidates drained but not
/// yet admitted when it is cancelled are lost, as in the reference. Admission errors never end it.
public struct CommsDrainTask: Sendable {
    /// How the drain handles one class of candidate.
    public enum Route: Hashable, Sendable {
        /// Dropped (acks are filtered at ingress already).
        case skip
        /// Admitted with `acceptInput`; errors ignored, no completion tracking, never marked complete.
        case untracked
        /// Admitted with `acceptInputWithCompletion`; a completion bridge reports the outcome and the
        /// interaction is always marked complete.
        case tracked
    }

    /// The session whose runtime receives the inputs.
    public let sessionID: SessionID
    /// The adapter side.
    public let host: any CommsDrainHost
    /// The comms side.
    public let inbox: any PeerInbox
    /// How long the completion bridge waits for a subscriber to take an outcome (the reference: 5 s).
    public let subscriberTimeout: Duration
    /// Receives the warnings the reference logs (failed admissions, subscriber timeouts).
    public let warn: @Sendable (String) -> Void

    /// Creates a drain; it does nothing until ``run()`` or ``spawn()``.
    public init(
        sessionID: SessionID,
        host: any CommsDrainHost,
        inbox: any PeerInbox,
        subscriberTimeout: Duration = .seconds(5),
        warn: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.sessionID = sessionID
        self.host = host
        self.inbox = inbox
        self.subscriberTimeout = subscriberTimeout
        self.warn = warn
    }

    /// The class routing table of §8.5; responses split on whether their status is terminal.
    public static func route(for candidate: PeerInputCandidate) -> Route {
        switch candidate.inputClass {
        case .ack: return .skip
        case .peerLifecycleAdded, .peerLifecycleRetired, .peerLifecycleUnwired: return .untracked
        case .response:
            if case .response(_, let status, _) = candidate.interaction.content, !status.isTerminal {
                return .untracked
            }
            return .tracked
        case .silentRequest, .peerLifecycleKickoffFailed, .peerLifecycleKickoffCancelled, .actionableMessage,
            .actionableRequest, .plainEvent:
            return .tracked
        }
    }

    /// Spawns ``run()`` as an unstructured task: the handle ``CommsDrainSlots`` keeps and cancels.
    public func spawn() -> Task<Void, Never> {
        Task { _ = await run() }
    }

    /// Runs the loop; returns `.dismissed` after a DISMISS, `.aborted` when cancelled.
    @discardableResult
    public func run() async -> DrainExitReason {
        while !Task.isCancelled {
            // Arm before draining: a delivery between an empty drain and the wait advances the generation
            // past `armed`, so the wait returns at once instead of sleeping on a non-empty inbox.
            let armed = inbox.currentGeneration()
            let candidates = inbox.drainCandidates()
            if candidates.isEmpty {
                if inbox.dismissReceived() { return await dismissed() }
                await inbox.waitForCandidates(afterGeneration: armed)
                continue
            }
            for candidate in candidates {
                // Every admission is a suspension point; an abort stops here, dropping the rest.
                if Task.isCancelled { return .aborted }
                await admit(candidate)
            }
        }
        return .aborted
    }

    private func dismissed() async -> DrainExitReason {
        do {
            try await host.stopRuntimeExecutor(sessionID, command: .stopRuntimeExecutor(reason: "peer DISMISS"))
        } catch {
            // The reference ignores the result: the drain ends either way.
            warn("comms_drain: stop on DISMISS failed: \(error)")
        }
        // Aborted while stopping: the canceller owns the authority now, so do not report an exit.
        if Task.isCancelled { return .aborted }
        await host.notifyCommsDrainExited(sessionID, reason: .dismissed)
        return .dismissed
    }

    private func admit(_ candidate: PeerInputCandidate) async {
        let route = Self.route(for: candidate)
        guard route != .skip else { return }
        let id = candidate.interaction.id
        // Taken before admission, as the reference does, so the subscriber is claimed exactly once.
        let subscriber = route == .tracked ? inbox.interactionSubscriber(for: id) : nil
        let input = InteractionMapping.input(for: candidate, runtimeID: sessionID.runtimeID)
        if route == .untracked {
            do {
                _ = try await host.acceptInput(sessionID, input)
            } catch {
                warn("comms_drain: failed to inject \(candidate.inputClass.rawValue): \(error)")
            }
            return
        }
        do {
            let (_, handle) = try await host.acceptInputWithCompletion(sessionID, input)
            guard subscriber != nil || handle != nil else {
                inbox.markInteractionComplete(id)
                return
            }
            Self.bridgeCompletion(
                of: id,
                handle: handle,
                subscriber: subscriber,
                inbox: inbox,
                timeout: subscriberTimeout,
                warn: warn
            )
        } catch {
            warn("comms_drain: failed to accept \(candidate.inputClass.rawValue): \(error)")
            inbox.markInteractionComplete(id)
        }
    }

    /// The completion bridge (§8.6): waits for the input's outcome, sends it to the subscriber within
    /// `timeout`, and always marks the interaction complete.
    ///
    /// Detached on purpose: the outcome must still be delivered after the drain itself is aborted.
    @discardableResult
    public static func bridgeCompletion(
        of id: InteractionID,
        handle: CompletionHandle?,
        subscriber: InteractionSubscriber?,
        inbox: any PeerInbox,
        timeout: Duration,
        warn: @escaping @Sendable (String) -> Void = { _ in }
    ) -> Task<Void, Never> {
        Task.detached {
            let outcome: CompletionOutcome
            if let handle {
                do {
                    outcome = try await handle.wait()
                } catch {
                    // Only reachable if someone cancels the bridge; report rather than hang the peer.
                    outcome = .runtimeTerminated(reason: "interaction completion wait cancelled")
                }
            } else {
                outcome = .completedWithoutResult
            }
            if let subscriber, await !subscriber.send(InteractionOutcome(outcome), timeout: timeout) {
                warn("completion bridge dropped terminal event for \(id): subscriber send timed out")
            }
            inbox.markInteractionComplete(id)
        }
    }
}
