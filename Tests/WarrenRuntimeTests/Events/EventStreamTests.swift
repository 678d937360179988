import Synchronization
import Testing
import WarrenRuntime
import WarrenStore

/// The in-process event stream: every change emits, positions are gap-free, subscriptions resume (SPEC §4.1).
@Suite("Event stream")
struct EventStreamTests {
    static func collect(_ subscription: EventSubscription, events count: Int) async throws -> [SubscriptionItem] {
        var items: [SubscriptionItem] = []
        var seen = 0
        for try await item in subscription {
            items.append(item)
            if case .event = item { seen += 1 }
            if seen == count { break }
        }
        return items
    }

    static func events(_ items: [SubscriptionItem]) -> [RuntimeEventEnvelope] {
        items.compactMap { if case .event(let envelope) = $0 { envelope } else { nil } }
    }

    @Test(
        "one run emits its whole story in order: accepted, queued, started, staged, applied, committed, consumed, completed"
    )
    func runStoryInOrder() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.ensureSessionWithExecutor(session, executor: ScriptedExecutor())
        let (_, handle) = try await adapter.acceptInputWithCompletion(session, prompt())
        _ = try await #require(handle).wait()
        let page = try await adapter.store.readEvents(after: 0, limit: 100)
        let kinds = page.events.map(\.event.kind)
        #expect(
            kinds == [
                .runtimeCreated, .runtimeStateChanged, .executorAttached, .inputAccepted, .inputQueued,
                .runtimeStateChanged,
                .runStarted, .inputStaged, .inputApplied, .boundaryCommitted, .inputConsumed, .runtimeStateChanged,
                .runCompleted,
            ]
        )
        #expect(page.events.map(\.position) == Array(1...UInt64(page.events.count)))
        #expect(page.events.map(\.sequence) == Array(1...UInt64(page.events.count)))
    }

    @Test("a subscriber from the beginning sees every event once, in order, across the replay-to-live seam")
    func subscribeFromBeginningWhileIngesting() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let sessions = (0..<4).map { _ in SessionID.make() }
        for session in sessions { try await adapter.ensureSessionWithExecutor(session, executor: EchoExecutor()) }
        let producer = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for session in sessions {
                    group.addTask {
                        for index in 0..<50 {
                            let (_, handle) = try await adapter.acceptInputWithCompletion(session, prompt("m\(index)"))
                            _ = try await handle?.wait()
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        let items = try await Self.collect(adapter.subscribe(start: .beginning), events: 300)
        try await producer.value
        let envelopes = Self.events(items)
        #expect(envelopes.map(\.position) == Array(1...UInt64(envelopes.count)))
        #expect(items.filter { if case .caughtUp = $0 { true } else { false } }.count == 1)
        var lastSequence: [RuntimeID: UInt64] = [:]
        for envelope in envelopes {
            #expect(envelope.sequence == lastSequence[envelope.runtimeID, default: 0] + 1)
            lastSequence[envelope.runtimeID] = envelope.sequence
        }
    }

    @Test("batches: the next item, then what is ready without waiting, in order and at most the limit")
    func batches() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        _ = try await adapter.registerSession(session)
        var items = adapter.subscribe(start: .now).makeAsyncIterator()
        guard case .caughtUp(let head)? = try await items.next(batchingUpTo: 100)?.first else {
            Issue.record("a subscription from now starts with CaughtUp")
            return
        }
        for index in 0..<5 { _ = try await adapter.acceptInput(session, prompt("b\(index)")) }
        // Every event of the five admissions is in the live buffer now: one batch takes them all.
        let all = try #require(try await items.next(batchingUpTo: 100))
        let positions = Self.events(all).map(\.position)
        #expect(all.count == positions.count && positions.count >= 10)
        #expect(positions == Array(head + 1...head + UInt64(positions.count)))
        _ = try await adapter.acceptInput(session, prompt("more"))
        let limited = try #require(try await items.next(batchingUpTo: 1))
        #expect(limited.count == 1)
        let rest = try #require(try await items.next(batchingUpTo: 100))
        #expect(Self.events(limited + rest).map(\.position).first == positions.last! + 1)
        #expect(Self.events(limited + rest).count >= 2)
    }

    @Test("a subscriber after a position starts right after it; one from now sees only new events")
    func subscribeFromPositionAndNow() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.registerSession(session)
        _ = try await adapter.acceptInput(session, prompt())
        let head = try await adapter.store.readEvents(after: 0, limit: 100).head
        let fromPosition = adapter.subscribe(start: .after(2))
        let fromNow = adapter.subscribe(start: .now)
        var nowIterator = fromNow.makeAsyncIterator()
        #expect(try await nowIterator.next() == .caughtUp(position: head))
        _ = try await adapter.acceptInput(session, prompt())
        let replay = Self.events(try await Self.collect(fromPosition, events: Int(head) - 2 + 2))
        #expect(replay.first?.position == 3)
        guard case .event(let live)? = try await nowIterator.next() else { Issue.record("no live event"); return }
        #expect(live.position == head + 1)
        #expect(live.event.kind == .inputAccepted)
    }

    @Test("a subscriber slower than its buffer falls back to the log and still misses nothing")
    func slowSubscriberFallsBackToTheLog() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.registerSession(session)
        let subscription = adapter.subscribe(start: .now, bufferCapacity: 2)
        var iterator = subscription.makeAsyncIterator()
        guard case .caughtUp(let start)? = try await iterator.next() else { Issue.record("no caughtUp"); return }
        for index in 0..<40 { _ = try await adapter.acceptInput(session, prompt("x\(index)")) }
        var positions: [UInt64] = []
        while positions.count < 80, let item = try await iterator.next() {
            if case .event(let envelope) = item { positions.append(envelope.position) }
        }
        #expect(positions == Array((start + 1)...(start + 80)))
        #expect(adapter.bus.subscriberCount <= 1)
    }

    @Test("a subscriber behind the log's retention is told exactly which events it lost")
    func laggedBehindRetention() async throws {
        var configuration = RuntimeSessionAdapter.Configuration()
        configuration.eventRetention = 10
        let adapter = RuntimeSessionAdapter.ephemeral(configuration: configuration)
        let session = SessionID.make()
        try await adapter.registerSession(session)
        for index in 0..<20 { _ = try await adapter.acceptInput(session, prompt("x\(index)")) }
        var iterator = adapter.subscribe(start: .beginning).makeAsyncIterator()
        let head = try await adapter.store.readEvents(after: 0, limit: 1).head
        #expect(try await iterator.next() == .lagged(from: 1, to: head - 10))
        guard case .event(let first)? = try await iterator.next() else { Issue.record("no event after lagged"); return }
        #expect(first.position == head - 9)
    }

    @Test("publish event reaches subscribers with its correlation id; an unknown runtime is not found")
    func publishEventPublishes() async throws {
        let adapter = RuntimeSessionAdapter.ephemeral()
        let session = SessionID.make()
        try await adapter.registerSession(session)
        var iterator = adapter.subscribe(filter: EventFilter(kinds: [.published]), start: .now).makeAsyncIterator()
        _ = try await iterator.next()
        let published = try await adapter.publishEvent(
            session.runtimeID,
            code: "custom.thing",
            payload: [1, 2],
            correlationID: "c-1"
        )
        guard case .event(let envelope)? = try await iterator.next() else { Issue.record("no event"); return }
        #expect(envelope == published)
        #expect(
            envelope.event
                == .published(
                    code: "custom.thing",
                    payload: [1, 2],
                    contentType: "application/octet-stream",
                    attributes: [:]
                )
        )
        #expect(envelope.correlationID == "c-1")
        await #expect(throws: RuntimeControlPlaneError.notFound(RuntimeID("nope"))) {
            _ = try await adapter.publishEvent(RuntimeID("nope"), code: "x", payload: [])
        }
    }
}
