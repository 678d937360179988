import Synchronization
import Testing
import WarrenRuntime
import WarrenStore

/// Many sessions and thousands of concurrent ingests mixed with interrupts, resets, retires, recycles and
/// unregisters; afterwards every invariant still holds (issue 4, item 6).
@Suite("Concurrent stress")
struct ConcurrentStressTests {
    static let sessionCount = 16
    static let ingestsPerSession = 150

    @Test("no input lost, every waiter resolved, inputs terminal or live, events gap-free and in order")
    func stressInvariants() async throws {
        let store = MemoryStore(eventRetention: 1_000_000)
        let adapter = try await RuntimeSessionAdapter.persistent(store: store)
        let sessions = (0..<Self.sessionCount).map { _ in SessionID.make() }
        for (index, session) in sessions.enumerated() {
            let executors: [any Executor] = [FailExecutor(failures: 1), SleepExecutor(), EchoExecutor()]
            let executor = executors[index % executors.count]
            try await adapter.ensureSessionWithExecutor(session, executor: executor)
        }
        let accepted = Shared<[(SessionID, InputID)]>([])
        let resolved = Shared(0)
        let waited = Shared(0)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for session in sessions {
                group.addTask {
                    try await withThrowingTaskGroup(of: Void.self) { inner in
                        for index in 0..<Self.ingestsPerSession {
                            inner.addTask {
                                let input = prompt("\(index % 7)", key: index % 10 == 0 ? "dup-\(index / 20)" : nil)
                                guard
                                    let (outcome, handle) = try? await adapter.acceptInputWithCompletion(session, input)
                                else { return }
                                if case .accepted(let id, _, _) = outcome {
                                    accepted.withLock { $0.append((session, id)) }
                                }
                                if let handle {
                                    waited.withLock { $0 += 1 }
                                    _ = try await handle.wait()
                                    resolved.withLock { $0 += 1 }
                                }
                            }
                        }
                        try await inner.waitForAll()
                    }
                }
            }
            group.addTask {
                for round in 0..<60 {
                    let session = sessions[round % sessions.count]
                    switch round % 5 {
                    case 0: try? await adapter.interruptCurrentRun(session)
                    case 1: _ = try? await adapter.resetRuntime(session)
                    case 2: _ = try? await adapter.recycle(session.runtimeID)
                    case 3: _ = try? await adapter.recover(session.runtimeID)
                    default: _ = try? await adapter.listActiveInputs(session)
                    }
                    await Task.yield()
                }
                _ = try? await adapter.retireRuntime(sessions[1])
                await adapter.unregisterSession(sessions[2])
            }
            try await group.waitForAll()
        }
        #expect(resolved.withLock { $0 } == waited.withLock { $0 })
        for (session, id) in accepted.withLock({ $0 }) where adapter.containsSession(session) {
            let record = try #require(try await adapter.inputState(session, id), "accepted input \(id) lost")
            let active = try await adapter.listActiveInputs(session)
            #expect(record.state.isTerminal != active.contains(id))
        }
        for (session, id) in accepted.withLock({ $0 }) {
            let stored = try await store.loadInputStates(session.runtimeID)
            #expect(stored.contains { $0.inputID == id }, "accepted input \(id) missing from the store")
        }
        let page = try await store.readEvents(after: 0, limit: 10_000_000)
        #expect(page.events.map(\.position) == Array(1...page.head))
        var sequences: [RuntimeID: UInt64] = [:]
        for envelope in page.events {
            #expect(envelope.sequence == sequences[envelope.runtimeID, default: 0] + 1)
            sequences[envelope.runtimeID] = envelope.sequence
        }
    }
}
