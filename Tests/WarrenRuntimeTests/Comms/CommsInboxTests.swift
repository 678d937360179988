import Testing
import WarrenRuntime

/// The in-memory inbox's wake protocol: arming by generation cannot miss a delivery.
@Suite("Comms in-memory peer inbox")
struct CommsInboxTests {
    @Test("a wait armed before a delivery returns even if the delivery lands before the wait starts")
    func armedWaitSeesEarlierDelivery() async {
        let inbox = InMemoryPeerInbox()
        let armed = inbox.currentGeneration()
        inbox.deliver(commsCandidate(.actionableMessage))
        let returned: Bool? = await commsWithin {
            await inbox.waitForCandidates(afterGeneration: armed)
            return true
        }
        #expect(returned == true)
    }

    @Test("a parked wait is woken by a delivery")
    func parkedWaitWakes() async {
        let inbox = InMemoryPeerInbox()
        let armed = inbox.currentGeneration()
        let waiter = Task { await inbox.waitForCandidates(afterGeneration: armed) }
        inbox.deliver(commsCandidate(.actionableMessage))
        #expect(await commsWithin { await waiter.value } != nil)
    }

    @Test("a dismiss wakes a parked wait and stays visible")
    func dismissWakes() async {
        let inbox = InMemoryPeerInbox()
        let armed = inbox.currentGeneration()
        let waiter = Task { await inbox.waitForCandidates(afterGeneration: armed) }
        inbox.dismiss()
        #expect(await commsWithin { await waiter.value } != nil)
        #expect(inbox.dismissReceived())
        #expect(inbox.dismissReceived(), "a DISMISS is sticky")
    }

    @Test("a cancelled wait returns without a delivery")
    func cancelledWaitReturns() async {
        let inbox = InMemoryPeerInbox()
        let waiter = Task { await inbox.waitForCandidates(afterGeneration: inbox.currentGeneration()) }
        waiter.cancel()
        #expect(await commsWithin { await waiter.value } != nil)
    }

    @Test("draining takes every candidate in delivery order, once")
    func drainOrder() {
        let inbox = InMemoryPeerInbox()
        let candidates = (0..<3).map { _ in commsCandidate(.actionableMessage) }
        for candidate in candidates { inbox.deliver(candidate) }
        #expect(inbox.pendingCount == 3)
        #expect(inbox.drainCandidates() == candidates)
        #expect(inbox.drainCandidates().isEmpty)
    }
}
