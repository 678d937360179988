import Foundation
import Testing
import WarrenClient
import WarrenProto
import WarrenRPC

/// RuntimeEvents.Subscribe over real TCP while ingests run: replay, the caught-up seam, live events, resume
/// from a position, and a slow subscriber that must not grow the server without bound.
@Suite("Event stream end to end")
struct EventStreamTests {
    @Test("from the beginning, during concurrent ingests: every position once, in order, sequences per runtime")
    func fromBeginningDuringIngests() async throws {
        try await withLiveServer { server in
            let load = try await IngestLoad(server: server, sessions: 3)
            try await load.run(perSession: 10)
            let items = try await Subscriber.collectFromBeginning(server, during: load, perSession: 30)
            let envelopes = StreamCheck.envelopes(items)
            StreamCheck.expectContiguous(envelopes, from: 1)
            StreamCheck.expectSequencesIncrease(envelopes)
            #expect(items.filter { if case .caughtUp = $0.item { true } else { false } }.count == 1)
            #expect(envelopes.filter { $0.event.map(StreamCheck.isInputConsumed) ?? false }.count == 3 * 40)
        }
    }

    @Test("max_batch: the same events in the same order, packed into batches of at most max_batch")
    func batched() async throws {
        try await withLiveServer { server in
            let load = try await IngestLoad(server: server, sessions: 3)
            try await load.run(perSession: 10)
            let items = try await Subscriber.collectFromBeginning(server, during: load, perSession: 10, maxBatch: 16)
            let envelopes = StreamCheck.envelopes(items)
            StreamCheck.expectContiguous(envelopes, from: 1)
            #expect(Array(try await EventLog.replay(server).prefix(envelopes.count)) == envelopes)
            let sizes = items.compactMap { if case .batch(let batch) = $0.item { batch.envelopes.count } else { nil } }
            #expect(!items.contains { if case .envelope = $0.item { true } else { false } }, "a lone envelope item")
            #expect(sizes.allSatisfy { (1...16).contains($0) }, "batch sizes \(sizes)")
            #expect(sizes.contains(16), "the replayed log (60+ events) must fill whole batches: \(sizes)")
            #expect(items.filter { if case .caughtUp = $0.item { true } else { false } }.count == 1)
        }
    }

    @Test(
        "a durable subscriber resumes right after the last event it was sent, batched or not",
        .timeLimit(.minutes(1)),  // a subscriber that resumed from now would wait for the sentinel forever
        arguments: [0, 16]
    )
    func durableResume(maxBatch: UInt32) async throws {
        try await withLiveServer { server in
            let first = try await IngestLoad(server: server, sessions: 2)
            try await first.run(perSession: 5)
            try await first.publishSentinel()
            let read = StreamCheck.envelopes(
                try await Subscriber.collect(
                    server,
                    start: .beginning(SubscribeFromBeginning()),
                    durable: "reader",
                    maxBatch: maxBatch,
                    until: first.sentinelCode
                )
            )
            try await Subscriber.waitForNoSubscribers(server)
            let second = try await IngestLoad(server: server, sessions: 1)
            try await second.run(perSession: 3)
            try await second.publishSentinel()
            let resumed = StreamCheck.envelopes(
                try await Subscriber.collect(
                    server,
                    start: nil,
                    durable: "reader",
                    maxBatch: maxBatch,
                    until: second.sentinelCode
                )
            )
            let last = try #require(read.last?.position)
            #expect(resumed.first?.position == last + 1)
            StreamCheck.expectContiguous(resumed, from: last + 1)
        }
    }

    @Test("after a position: the stream resumes exactly at the next position")
    func afterPosition() async throws {
        try await withLiveServer { server in
            let load = try await IngestLoad(server: server, sessions: 2)
            try await load.run(perSession: 10)
            let all = try await EventLog.replay(server)
            let middle = all[all.count / 2].position
            try await load.publishSentinel()
            let resumed = StreamCheck.envelopes(
                try await Subscriber.collect(server, start: .afterPosition(middle), until: load.sentinelCode)
            )
            #expect(resumed.first?.position == middle + 1)
            StreamCheck.expectContiguous(resumed, from: middle + 1)
            #expect(Array(resumed.prefix(all.count - all.count / 2 - 1)) == Array(all.suffix(from: all.count / 2 + 1)))
        }
    }

    @Test("from now: caught up at the head, then only live events, contiguous")
    func fromNow() async throws {
        try await withLiveServer { server in
            let load = try await IngestLoad(server: server, sessions: 2)
            try await load.run(perSession: 5)
            let head = try await EventLog.replay(server).last?.position ?? 0
            let items = try await withThrowingTaskGroup(of: [SubscribeResponse].self) { group in
                group.addTask {
                    try await Subscriber.collect(server, start: .now(SubscribeFromNow()), until: load.sentinelCode)
                }
                group.addTask {
                    try await Subscriber.waitForSubscribers(server, count: 1)
                    try await load.run(perSession: 10)
                    try await load.publishSentinel()
                    return []
                }
                var collected: [SubscribeResponse] = []
                for try await items in group { collected += items }
                return collected
            }
            guard case .caughtUp(let marker) = items.first?.item else {
                Issue.record("first item is not CaughtUp: \(String(describing: items.first))")
                return
            }
            #expect(marker.position >= head)
            let envelopes = StreamCheck.envelopes(items)
            StreamCheck.expectContiguous(envelopes, from: marker.position + 1)
        }
    }

    @Test("a subscriber that does not read gets Lagged past retention, and the server's memory stays bounded")
    func slowSubscriberLags() async throws {
        try await withLiveServer(["--event-retention", "2000"]) { server in
            let load = try await IngestLoad(server: server, sessions: 4)
            // A small window makes the server's writer wait for this reader instead of filling the client's buffer.
            let slow = server.process.makeClient { $0.initialStreamWindow = 16_384 }
            let rssBefore = try ProcessMemory.residentBytes(of: server.process)
            let items = try await slow.events.subscribe(
                SubscribeRequest(start: .beginning(SubscribeFromBeginning()))
            ) { stream in
                var iterator = stream.makeAsyncIterator()
                let first = try await iterator.next()
                try await load.run(perSession: 300)
                try await load.publishSentinel()
                var items = [first].compactMap { $0 }
                while let item = try await iterator.next() {
                    items.append(item)
                    if case .envelope(let envelope) = item.item, StreamCheck.isSentinel(envelope, load.sentinelCode) {
                        break
                    }
                }
                return items
            }
            await slow.close()
            let lags = items.compactMap { if case .lagged(let lag) = $0.item { lag } else { nil } }
            #expect(!lags.isEmpty, "a subscriber 4,800+ events behind a 2,000-event log must be told it lagged")
            let envelopes = StreamCheck.envelopes(items)
            var expected = envelopes.first?.position ?? 1
            for item in items {
                switch item.item {
                case .envelope(let envelope):
                    #expect(envelope.position == expected, "hole or duplicate at \(envelope.position)")
                    expected = envelope.position + 1
                case .lagged(let lag):
                    #expect(lag.fromPosition == expected)
                    expected = lag.toPosition + 1
                case .caughtUp, .batch, nil: continue
                }
            }
            let rssAfter = try ProcessMemory.residentBytes(of: server.process)
            #expect(rssAfter < rssBefore + 200 << 20, "server RSS grew from \(rssBefore) to \(rssAfter)")
            try await server.expectSettles()
        }
    }
}

/// Drives ingests through echo sessions and marks the end of a load with a published sentinel event.
struct IngestLoad: Sendable {
    let server: LiveServer
    let sessions: [String]
    let sentinelCode = "test.sentinel.\(UUID().uuidString)"

    init(server: LiveServer, sessions count: Int) async throws {
        self.server = server
        var sessions: [String] = []
        for _ in 0..<count { sessions.append(try await Sessions.withEcho(server)) }
        self.sessions = sessions
    }

    /// Ingests `perSession` prompts into every session concurrently and waits for all to complete.
    func run(perSession: Int) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for session in self.sessions {
                group.addTask {
                    for index in 0..<perSession {
                        let accepted = try await self.server.client.sessions.acceptInput(
                            AcceptInputRequest(sessionID: session, input: Wire.prompt("load \(index)"))
                        )
                        let inputID = try #require(Wire.acceptedID(accepted.outcome))
                        _ = try await self.server.client.adapter.awaitCompletion(
                            AwaitCompletionRequest(sessionID: session, inputID: inputID)
                        )
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// Publishes the sentinel on the first session's runtime.
    func publishSentinel() async throws {
        var envelope = RuntimeEventEnvelope()
        envelope.runtimeID = self.sessions[0]
        envelope.event = RuntimeEvent(event: .published(PublishedEvent(code: self.sentinelCode)))
        _ = try await self.server.client.controlPlane.publishEvent(PublishEventRequest(envelope: envelope))
    }
}

/// A subscriber on its own connection.
enum Subscriber {
    /// Every item from `start` until both the sentinel event and the CaughtUp marker have arrived (a subscriber
    /// replaying while the load runs may only catch up after the sentinel).
    static func collect(
        _ server: LiveServer,
        start: SubscribeRequest.Start?,
        durable: String = "",
        maxBatch: UInt32 = 0,
        until sentinel: String
    ) async throws -> [SubscribeResponse] {
        let client = server.process.makeClient()
        defer { Task { await client.close() } }
        let request = SubscribeRequest(durableSubscriber: durable, maxBatch: maxBatch, start: start)
        return try await client.events.subscribe(request) { stream in
            var items: [SubscribeResponse] = []
            var (sawSentinel, caughtUp) = (false, false)
            for try await item in stream {
                items.append(item)
                switch item.item {
                case .envelope(let envelope): sawSentinel = sawSentinel || StreamCheck.isSentinel(envelope, sentinel)
                case .batch(let batch):
                    sawSentinel = sawSentinel || batch.envelopes.contains { StreamCheck.isSentinel($0, sentinel) }
                case .caughtUp: caughtUp = true
                case .lagged, nil: break
                }
                if sawSentinel, caughtUp { break }
            }
            return items
        }
    }

    /// Every item from the beginning while `load` ingests `perSession` more prompts into each session and then
    /// publishes its sentinel.
    static func collectFromBeginning(
        _ server: LiveServer,
        during load: IngestLoad,
        perSession: Int,
        maxBatch: UInt32 = 0
    ) async throws -> [SubscribeResponse] {
        try await withThrowingTaskGroup(of: [SubscribeResponse].self) { group in
            group.addTask {
                try await Self.collect(
                    server,
                    start: .beginning(SubscribeFromBeginning()),
                    maxBatch: maxBatch,
                    until: load.sentinelCode
                )
            }
            group.addTask {
                try await load.run(perSession: perSession)
                try await load.publishSentinel()
                return []
            }
            var collected: [SubscribeResponse] = []
            for try await items in group { collected += items }
            return collected
        }
    }

    /// Polls ServerInfo until at least `count` subscribers are live.
    static func waitForSubscribers(_ server: LiveServer, count: UInt64) async throws {
        for _ in 0..<400 {
            if try await server.serverInfo().subscribers >= count { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw HarnessError("no subscriber registered")
    }

    /// Polls ServerInfo until no subscriber is live (a durable one has saved its position by then).
    static func waitForNoSubscribers(_ server: LiveServer) async throws {
        for _ in 0..<400 {
            if try await server.serverInfo().subscribers == 0 { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw HarnessError("a subscriber is still registered")
    }
}

/// Checks over collected stream items.
enum StreamCheck {
    /// The events of `items` in order, batches unpacked.
    static func envelopes(_ items: [SubscribeResponse]) -> [RuntimeEventEnvelope] {
        items.flatMap { item -> [RuntimeEventEnvelope] in
            switch item.item {
            case .envelope(let envelope): [envelope]
            case .batch(let batch): batch.envelopes
            case .caughtUp, .lagged, nil: []
            }
        }
    }

    /// Positions run `first, first+1, …` with no gap and no duplicate.
    static func expectContiguous(_ envelopes: [RuntimeEventEnvelope], from first: UInt64) {
        for (offset, envelope) in envelopes.enumerated() where envelope.position != first + UInt64(offset) {
            Issue.record("position \(envelope.position) at offset \(offset); expected \(first + UInt64(offset))")
            return
        }
    }

    /// Each runtime's sequence numbers strictly increase.
    static func expectSequencesIncrease(_ envelopes: [RuntimeEventEnvelope]) {
        var last: [String: UInt64] = [:]
        for envelope in envelopes {
            if let previous = last[envelope.runtimeID] {
                #expect(
                    envelope.sequence > previous,
                    "runtime \(envelope.runtimeID) went \(previous) → \(envelope.sequence)"
                )
            }
            last[envelope.runtimeID] = envelope.sequence
        }
    }

    static func isSentinel(_ envelope: RuntimeEventEnvelope, _ code: String) -> Bool {
        if case .published(let published) = envelope.event?.event { return published.code == code }
        return false
    }

    static func isInputConsumed(_ event: RuntimeEvent) -> Bool {
        if case .inputConsumed = event.event { return true }
        return false
    }
}

/// Reads a process's resident memory from /proc.
enum ProcessMemory {
    static func residentBytes(of process: WarrendProcess) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(process.pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { throw HarnessError("no VmRSS for \(process.pid)") }
        return kilobytes * 1_024
    }
}
