import Testing
import WarrenRuntime

/// The completion outcome → interaction outcome mapping and the completion bridge (§8.6).
@Suite("Comms interaction outcome and completion bridge")
struct CommsOutcomeTests {
    @Test(
        "each completion outcome maps to the terminal event the reference sends",
        arguments: [
            (CompletionOutcome.completed(RunResult(text: "done")), InteractionOutcome.complete(result: "done")),
            (.completedWithoutResult, .complete(result: "")),
            (
                .callbackPending(toolName: "external_mock", argumentsJSON: Array(#"{"value":"browser"}"#.utf8)),
                .callbackPending(toolName: "external_mock", argumentsJSON: Array(#"{"value":"browser"}"#.utf8))
            ),
            (.abandoned(reason: "Reset"), .failed(error: "Reset")),
            (
                .runtimeTerminated(reason: "runtime session unregistered"),
                .failed(error: "runtime session unregistered")
            ),
            (.cancelled(reason: "interrupt"), .failed(error: "interrupt")),
        ]
    )
    func mapping(completion: CompletionOutcome, expected: InteractionOutcome) {
        #expect(InteractionOutcome(completion) == expected)
    }

    @Test("the bridge sends the handle's outcome to the subscriber, then marks the interaction complete")
    func bridgeSendsThenMarks() async {
        let inbox = InMemoryPeerInbox()
        let id = InteractionID.make()
        inbox.recordOutcome(of: id)
        let subscriber = inbox.interactionSubscriber(for: id)
        let handle = CompletionHandle.resolved(.make(), .completed(RunResult(text: "42")))
        CommsDrainTask.bridgeCompletion(
            of: id,
            handle: handle,
            subscriber: subscriber,
            inbox: inbox,
            timeout: .seconds(5)
        )
        #expect(await commsWithin { await inbox.awaitCompletion(of: id) } == true)
        #expect(inbox.recordedOutcome(of: id) == .complete(result: "42"), "the outcome is sent before completion")
        #expect(inbox.completedInteractions == [id])
    }

    @Test("without a handle the subscriber is told the interaction completed without a result")
    func bridgeWithoutHandle() async {
        let inbox = InMemoryPeerInbox()
        let id = InteractionID.make()
        inbox.recordOutcome(of: id)
        let subscriber = inbox.interactionSubscriber(for: id)
        CommsDrainTask.bridgeCompletion(of: id, handle: nil, subscriber: subscriber, inbox: inbox, timeout: .seconds(5))
        #expect(await commsWithin { await inbox.awaitCompletion(of: id) } == true)
        #expect(inbox.recordedOutcome(of: id) == .complete(result: ""))
    }

    @Test("a subscriber that never takes the outcome cannot keep the interaction from completing")
    func stuckSubscriberIsBounded() async {
        let inbox = InMemoryPeerInbox()
        let id = InteractionID.make()
        let never = Gate()
        let warnings = CommsLog<String>()
        let stuck = InteractionSubscriber { _ in await never.wait() }
        CommsDrainTask.bridgeCompletion(
            of: id,
            handle: nil,
            subscriber: stuck,
            inbox: inbox,
            timeout: .milliseconds(20),
            warn: { warnings.append($0) }
        )
        #expect(await commsWithin { await inbox.awaitCompletion(of: id) } == true)
        #expect(warnings.items.count == 1)
        never.open()
    }

    @Test("a subscriber is handed out once")
    func subscriberIsOneShot() {
        let inbox = InMemoryPeerInbox()
        let id = InteractionID.make()
        inbox.recordOutcome(of: id)
        #expect(inbox.interactionSubscriber(for: id) != nil)
        #expect(inbox.interactionSubscriber(for: id) == nil)
    }
}
