import Synchronization
import Testing
import WarrenRuntime

/// The drain loop of §8.5 against a fake host and the in-memory inbox.
@Suite("Comms drain task")
struct CommsDrainTaskTests {
    let session = SessionID.make()

    @Test(
        "the routing table: acks skipped, lifecycle context and progress untracked, the rest tracked",
        arguments: PeerInputClass.allCases
    )
    func routes(inputClass: PeerInputClass) {
        let expected: CommsDrainTask.Route =
            switch inputClass {
            case .ack: .skip
            case .peerLifecycleAdded, .peerLifecycleRetired, .peerLifecycleUnwired: .untracked
            default: .tracked
            }
        #expect(CommsDrainTask.route(for: commsCandidate(inputClass)) == expected)
    }

    @Test("a response routes on its status: progress untracked, completed and failed tracked")
    func responseRoutes() {
        func route(_ status: PeerResponseStatus) -> CommsDrainTask.Route {
            CommsDrainTask.route(
                for: commsCandidate(.response, content: .response(inReplyTo: .make(), status: status, resultJSON: []))
            )
        }
        #expect(route(.accepted) == .untracked)
        #expect(route(.completed) == .tracked)
        #expect(route(.failed) == .tracked)
    }

    @Test("candidates are admitted in delivery order, each the way its class demands")
    func admitsInOrder() async throws {
        let inbox = InMemoryPeerInbox()
        let host = CommsFakeHost()
        let progress = commsCandidate(
            .response,
            content: .response(inReplyTo: .make(), status: .accepted, resultJSON: [])
        )
        let candidates = PeerInputClass.allCases.map { commsCandidate($0) } + [progress]
        for candidate in candidates { inbox.deliver(candidate) }
        let drain = CommsDrainTask(sessionID: session, host: host, inbox: inbox).spawn()
        defer { drain.cancel() }

        let admitted = candidates.filter { $0.inputClass != .ack }
        let calls = try #require(await commsWithin { await host.calls.waitForCount(admitted.count) })
        #expect(calls.map { $0.input?.header.correlationID } == admitted.map { $0.interaction.id.rawValue })
        for (call, candidate) in zip(calls, admitted) {
            switch CommsDrainTask.route(for: candidate) {
            case .tracked: #expect(call == .acceptWithCompletion(call.input!), "\(candidate.inputClass)")
            case .untracked: #expect(call == .accept(call.input!), "\(candidate.inputClass)")
            case .skip: Issue.record("a skipped class was admitted")
            }
        }

        let tracked = admitted.filter { CommsDrainTask.route(for: $0) == .tracked }.map(\.interaction.id)
        // Nothing waits on these (no subscriber, no handle), so each is marked complete right after admission.
        let allMarked: Bool? = await commsWithin {
            for id in tracked { await inbox.awaitCompletion(of: id) }
            return true
        }
        #expect(allMarked == true)
        #expect(Set(inbox.completedInteractions) == Set(tracked), "only tracked interactions are marked complete")
    }

    @Test("DISMISS on an empty drain stops the executor, reports Dismissed and ends the drain")
    func dismiss() async throws {
        let inbox = InMemoryPeerInbox()
        let host = CommsFakeHost()
        let message = commsCandidate(.actionableMessage)
        inbox.deliver(message)
        inbox.dismiss()
        let drain = CommsDrainTask(sessionID: session, host: host, inbox: inbox)
        #expect(await commsWithin { await drain.run() } == .dismissed)
        let calls = host.calls.items
        #expect(calls.count == 3)
        #expect(
            calls.first?.input?.header.correlationID == message.interaction.id.rawValue,
            "work before DISMISS first"
        )
        #expect(calls.dropFirst().first == .stop(.stopRuntimeExecutor(reason: "peer DISMISS")))
        #expect(calls.last == .exited(.dismissed))
    }

    @Test("a DISMISS arriving while the drain waits wakes and ends it")
    func dismissWhileParked() async {
        let inbox = InMemoryPeerInbox()
        let host = CommsFakeHost()
        let drain = Task { await CommsDrainTask(sessionID: session, host: host, inbox: inbox).run() }
        inbox.dismiss()
        #expect(await commsWithin { await drain.value } == .dismissed)
        #expect(host.calls.items.last == .exited(.dismissed))
    }

    @Test("no lost wakeup: a candidate arriving between an empty drain and the wait is admitted")
    func noLostWakeup() async throws {
        let inner = InMemoryPeerInbox()
        let late = commsCandidate(.actionableMessage)
        let inbox = CommsRacingInbox(inner: inner, late: late)
        let host = CommsFakeHost()
        let drain = CommsDrainTask(sessionID: session, host: host, inbox: inbox).spawn()
        defer { drain.cancel() }
        let calls = try #require(await commsWithin { await host.calls.waitForCount(1) })
        #expect(calls.first?.input?.header.correlationID == late.interaction.id.rawValue)
        #expect(inbox.injected, "the candidate really arrived after the drain came back empty")
    }

    @Test("cancelling the drain ends it without reporting an exit")
    func cancellationEnds() async {
        let inbox = InMemoryPeerInbox()
        let host = CommsFakeHost()
        let drain = Task { await CommsDrainTask(sessionID: session, host: host, inbox: inbox).run() }
        drain.cancel()
        #expect(await commsWithin { await drain.value } == .aborted)
        #expect(host.calls.items.isEmpty)
    }

    @Test("cancellation takes effect at the next suspension point: the rest of a drained batch is dropped")
    func cancellationMidBatch() async throws {
        let inbox = InMemoryPeerInbox()
        let entered = Gate()
        let release = Gate()
        let host = CommsFakeHost { input in
            entered.open()
            await release.wait()
            return (.deduplicated(inputID: input.id, existingID: input.id), nil)
        }
        let first = commsCandidate(.actionableMessage)
        inbox.deliver(first)
        inbox.deliver(commsCandidate(.actionableMessage))
        let drain = Task { await CommsDrainTask(sessionID: session, host: host, inbox: inbox).run() }
        await entered.wait()
        drain.cancel()
        release.open()
        #expect(await commsWithin { await drain.value } == .aborted)
        #expect(host.calls.items.count == 1, "the second candidate is never admitted")
        #expect(inbox.completedInteractions == [first.interaction.id], "the admitted one is still completed")
    }

    @Test("admission errors never stop the drain, and the failed interaction is still marked complete")
    func admissionErrors() async throws {
        let inbox = InMemoryPeerInbox()
        let failing = commsCandidate(.actionableMessage)
        let host = CommsFakeHost { input throws(RuntimeDriverError) in
            if input.header.correlationID == failing.interaction.id.rawValue { throw .notReady(state: .destroyed) }
            return (.deduplicated(inputID: input.id, existingID: input.id), nil)
        }
        let lifecycle = commsCandidate(.peerLifecycleAdded)
        let later = commsCandidate(.actionableRequest)
        inbox.deliver(failing)
        inbox.deliver(lifecycle)
        inbox.deliver(later)
        let drain = CommsDrainTask(sessionID: session, host: host, inbox: inbox).spawn()
        defer { drain.cancel() }
        #expect(await commsWithin { await inbox.awaitCompletion(of: later.interaction.id) } == true)
        #expect(host.calls.items.count == 3)
        #expect(inbox.completedInteractions == [failing.interaction.id, later.interaction.id])
    }

    @Test("a subscriber gets the outcome of the admitted input's completion handle")
    func subscriberGetsOutcome() async throws {
        let inbox = InMemoryPeerInbox()
        let host = CommsFakeHost { input in
            (
                .deduplicated(inputID: input.id, existingID: input.id),
                .resolved(input.id, .completed(RunResult(text: "ok")))
            )
        }
        let request = commsCandidate(.actionableRequest)
        inbox.recordOutcome(of: request.interaction.id)
        inbox.deliver(request)
        let drain = CommsDrainTask(sessionID: session, host: host, inbox: inbox).spawn()
        defer { drain.cancel() }
        #expect(await commsWithin { await inbox.awaitCompletion(of: request.interaction.id) } == true)
        #expect(inbox.recordedOutcome(of: request.interaction.id) == .complete(result: "ok"))
    }

    @Test("a terminal response is admitted exactly once, as a terminal peer input with no continuation")
    func terminalResponseOnce() async throws {
        let inbox = InMemoryPeerInbox()
        let host = CommsFakeHost()
        inbox.deliver(commsCandidate(.response))
        inbox.dismiss()
        #expect(
            await commsWithin { await CommsDrainTask(sessionID: session, host: host, inbox: inbox).run() } == .dismissed
        )
        let admissions = host.calls.items.compactMap(\.input)
        #expect(admissions.count == 1)
        #expect(admissions.first?.kind == .peerResponseTerminal)
    }
}

/// Delivers `late` right after the first empty drain, before the drain can park: the lost-wakeup window.
final class CommsRacingInbox: PeerInbox {
    let inner: InMemoryPeerInbox
    let late: PeerInputCandidate
    private let done = Mutex(false)

    init(inner: InMemoryPeerInbox, late: PeerInputCandidate) {
        self.inner = inner
        self.late = late
    }

    var injected: Bool { done.withLock { $0 } }

    func currentGeneration() -> UInt64 { inner.currentGeneration() }
    func waitForCandidates(afterGeneration generation: UInt64) async {
        await inner.waitForCandidates(afterGeneration: generation)
    }
    func drainCandidates() -> [PeerInputCandidate] {
        let drained = inner.drainCandidates()
        if drained.isEmpty,
            done.withLock({ done in
                defer { done = true }; return !done
            })
        {
            inner.deliver(late)
        }
        return drained
    }
    func dismissReceived() -> Bool { inner.dismissReceived() }
    func interactionSubscriber(for id: InteractionID) -> InteractionSubscriber? { inner.interactionSubscriber(for: id) }
    func markInteractionComplete(_ id: InteractionID) { inner.markInteractionComplete(id) }
}
