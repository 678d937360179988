import Synchronization
import Testing
import WarrenRuntime

/// The adapter's drain slots (§5.13, §8.3–§8.4) and the session_adapter.rs unit tests in slot form.
@Suite("Comms drain slots")
struct CommsDrainSlotsTests {
    let session = SessionID.make()

    /// A drain over `inbox` whose host routes exits back into `slots`, as the adapter will.
    func spawner(
        _ slots: CommsDrainSlots,
        inbox: any PeerInbox,
        ends: CommsLog<DrainExitReason>? = nil
    ) -> (CommsDrainMode) -> Task<Void, Never> {
        let session = session
        let host = CommsFakeHost(onExit: { id, reason in slots.notifyExited(id, reason: reason) })
        return { _ in
            Task {
                let reason = await CommsDrainTask(sessionID: session, host: host, inbox: inbox).run()
                ends?.append(reason)
            }
        }
    }

    @Test("reconcile spawns once and reports it; while the drain runs further reconciles do nothing")
    func reconcileIsEdgeTriggered() {
        let slots = CommsDrainSlots()
        let spawns = Mutex(0)
        let spawn: (CommsDrainMode) -> Task<Void, Never> = { _ in
            spawns.withLock { $0 += 1 }
            return Task {}
        }
        #expect(slots.reconcile(sessionID: session, desired: .persistentHost, spawn: spawn))
        #expect(slots.phase(of: session) == .running)
        #expect(slots.hasTask(session))
        #expect(!slots.reconcile(sessionID: session, desired: .attachedSession, spawn: spawn))
        #expect(spawns.withLock { $0 } == 1)
        #expect(slots.mode(of: session) == .persistentHost, "a running drain keeps its mode after attach")
    }

    @Test("a reconcile that wants no drain creates no slot")
    func noSlotForNoDrain() {
        let slots = CommsDrainSlots()
        #expect(!slots.reconcile(sessionID: session, desired: nil) { _ in Task {} })
        #expect(!slots.contains(session))
    }

    @Test("a reconcile that wants no drain aborts the running one and keeps its slot; the next one respawns")
    func reconcileToNoneAborts() async {
        let slots = CommsDrainSlots()
        let ends = CommsLog<DrainExitReason>()
        let spawn = spawner(slots, inbox: InMemoryPeerInbox(), ends: ends)
        #expect(slots.reconcile(sessionID: session, desired: .attachedSession, spawn: spawn))
        #expect(!slots.reconcile(sessionID: session, desired: nil, spawn: spawn))
        #expect(slots.phase(of: session) == .stopped)
        #expect(!slots.hasTask(session))
        #expect(await commsWithin { await ends.waitForCount(1) } == [.aborted], "the task was cancelled")
        #expect(slots.reconcile(sessionID: session, desired: .attachedSession, spawn: spawn), "stopped respawns")
        #expect(slots.phase(of: session) == .running)
        slots.abortAll()
    }

    @Test("abort stops an active drain; abortAll stops every drain and keeps the slots")
    func abortAndAbortAll() async {
        let slots = CommsDrainSlots()
        let other = SessionID.make()
        let ends = CommsLog<DrainExitReason>()
        let spawn = spawner(slots, inbox: InMemoryPeerInbox(), ends: ends)
        slots.reconcile(sessionID: session, desired: .persistentHost, spawn: spawn)
        slots.reconcile(sessionID: other, desired: .attachedSession, spawn: spawn)
        slots.abort(session)
        #expect(slots.phase(of: session) == .stopped)
        #expect(slots.phase(of: other) == .running)
        slots.abortAll()
        #expect(slots.phase(of: other) == .stopped)
        #expect(slots.contains(session) && slots.contains(other))
        #expect(await commsWithin { await ends.waitForCount(2) } == [.aborted, .aborted])
        slots.abort(SessionID.make())  // unknown session: nothing happens
    }

    @Test("dismiss_exit_updates_authority_before_join: a dismissed drain is Stopped with no handle before the wait")
    func dismissExitUpdatesAuthorityBeforeJoin() async {
        let changes = CommsLog<CommsDrainPhase>()
        let slots = CommsDrainSlots { _, _, to, _, _ in changes.append(to) }
        let inbox = InMemoryPeerInbox()
        inbox.dismiss()
        slots.reconcile(sessionID: session, desired: .persistentHost, spawn: spawner(slots, inbox: inbox))
        // starting, running, then stopped when the task reports its exit.
        #expect(await commsWithin { await changes.waitForCount(3) } == [.starting, .running, .stopped])
        #expect(slots.phase(of: session) == .stopped)
        #expect(!slots.hasTask(session), "the drain clears its handle before anyone joins it")
        await slots.wait(session)
        #expect(slots.phase(of: session) == .stopped)
    }

    @Test("unregister_session_aborts_and_removes_drain_slot: remove cancels the drain and forgets the slot")
    func unregisterAbortsAndRemovesSlot() async {
        let slots = CommsDrainSlots()
        let ends = CommsLog<DrainExitReason>()
        #expect(
            slots.reconcile(
                sessionID: session,
                desired: .persistentHost,
                spawn: spawner(slots, inbox: InMemoryPeerInbox(), ends: ends)
            )
        )
        #expect(slots.phase(of: session) == .running)
        #expect(slots.hasTask(session))
        slots.remove(session)
        #expect(!slots.contains(session))
        #expect(await commsWithin { await ends.waitForCount(1) } == [.aborted])
        #expect(await commsWithin { await slots.wait(session) } != nil, "wait on a removed slot returns")
    }

    @Test("a failed host drain becomes respawnable and reconciles back to running; an attached one stops")
    func failedExit() {
        let slots = CommsDrainSlots()
        let other = SessionID.make()
        slots.reconcile(sessionID: session, desired: .persistentHost) { _ in Task {} }
        slots.reconcile(sessionID: other, desired: .attachedSession) { _ in Task {} }
        #expect(slots.notifyExited(session, reason: .failed))
        #expect(slots.notifyExited(other, reason: .failed))
        #expect(slots.phase(of: session) == .exitedRespawnable)
        #expect(slots.phase(of: other) == .stopped)
        #expect(!slots.hasTask(session))
        #expect(slots.reconcile(sessionID: session, desired: .persistentHost) { _ in Task {} })
        #expect(slots.phase(of: session) == .running)
    }

    @Test("after a DISMISS the caller is told not to reconcile")
    func dismissedExitSkipsReconcile() {
        let slots = CommsDrainSlots()
        slots.reconcile(sessionID: session, desired: .attachedSession) { _ in Task {} }
        #expect(!slots.notifyExited(session, reason: .dismissed))
        #expect(slots.phase(of: session) == .stopped)
        #expect(slots.notifyExited(SessionID.make(), reason: .failed), "unknown session: nothing changes")
    }

    @Test("wait returns at once without a slot or a task")
    func waitWithoutTask() async {
        let slots = CommsDrainSlots()
        #expect(await commsWithin { await slots.wait(session) } != nil)
        slots.reconcile(sessionID: session, desired: .attachedSession) { _ in Task {} }
        slots.abort(session)
        #expect(await commsWithin { await slots.wait(session) } != nil)
    }

    @Test("Q4: an abort during a wait still cancels the drain, and the wait then returns")
    func abortDuringWait() async {
        let slots = CommsDrainSlots()
        let ends = CommsLog<DrainExitReason>()
        slots.reconcile(
            sessionID: session,
            desired: .persistentHost,
            spawn: spawner(slots, inbox: InMemoryPeerInbox(), ends: ends)
        )
        let session = session
        let waiter = Task { await slots.wait(session) }
        let waiting: Bool? = await commsWithin {
            while slots.waiterCount(of: session) == 0 { await Task.yield() }
            return true
        }
        #expect(waiting == true)
        #expect(slots.hasTask(session), "the wait leaves the handle in the slot")
        slots.abort(session)
        #expect(await commsWithin { await waiter.value } != nil)
        #expect(ends.items == [.aborted])
        #expect(slots.phase(of: session) == .stopped)
    }

    @Test("the wait safety net fails a drain that ended without notifying, and does not respawn")
    func waitSafetyNet() async {
        let slots = CommsDrainSlots()
        let other = SessionID.make()
        slots.reconcile(sessionID: session, desired: .persistentHost) { _ in Task {} }
        slots.reconcile(sessionID: other, desired: .attachedSession) { _ in Task {} }
        await slots.wait(session)
        await slots.wait(other)
        #expect(slots.phase(of: session) == .exitedRespawnable)
        #expect(slots.phase(of: other) == .stopped)
        #expect(!slots.hasTask(session))
    }

    @Test("the wait safety net never fails a newer drain that replaced the one it waited on")
    func waitSafetyNetSparesSuccessor() async {
        let slots = CommsDrainSlots()
        let session = session
        let go = Gate()
        let successor = Gate()
        // The first drain reports a failure and is respawned before it ends, so by the time the wait
        // resumes, the slot is Running again with a different task.
        slots.reconcile(sessionID: session, desired: .persistentHost) { _ in
            Task {
                await go.wait()
                slots.notifyExited(session, reason: .failed)
                slots.reconcile(sessionID: session, desired: .persistentHost) { _ in Task { await successor.wait() } }
            }
        }
        let waiter = Task { await slots.wait(session) }
        let waiting: Bool? = await commsWithin {
            while slots.waiterCount(of: session) == 0 { await Task.yield() }
            return true
        }
        #expect(waiting == true)
        go.open()
        #expect(await commsWithin { await waiter.value } != nil)
        #expect(slots.phase(of: session) == .running)
        #expect(slots.hasTask(session))
        successor.open()
        slots.abortAll()
    }

    @Test("phase changes are reported with mode and exit reason")
    func phaseChangeHook() {
        let log = CommsLog<String>()
        let slots = CommsDrainSlots { _, from, to, mode, reason in
            log.append(
                "\(from)->\(to) \(mode.map(String.init(describing:)) ?? "-") \(reason.map(String.init(describing:)) ?? "-")"
            )
        }
        slots.reconcile(sessionID: session, desired: .persistentHost) { _ in Task {} }
        slots.notifyExited(session, reason: .failed)
        slots.remove(session)
        #expect(
            log.items == [
                "Inactive->Starting PersistentHost -",
                "Starting->Running PersistentHost -",
                "Running->ExitedRespawnable PersistentHost Failed",
                "ExitedRespawnable->Stopped PersistentHost -",
            ]
        )
    }
}
