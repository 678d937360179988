import Testing

@testable import WarrenRuntime

@Suite("Ledger: input ledger")
struct InputLedgerTests {
    static func record(key: String? = nil, applying events: [InputLifecycleEvent] = []) throws -> InputState {
        var state = InputState(acceptedID: .make())
        state.idempotencyKey = key
        for event in events { try state.apply(event) }
        return state
    }

    @Test("a key maps to the first input admitted with it, and the ledger keeps one entry per id")
    func dedupIndexFirstWins() throws {
        var ledger = InputLedger()
        let first = try Self.record(key: "k")
        let second = try Self.record(key: "k")
        ledger.upsert(first)
        #expect(ledger.existing(idempotencyKey: "k") == first.inputID)
        ledger.upsert(second)
        #expect(ledger.existing(idempotencyKey: "k") == first.inputID)
        #expect(ledger.existing(idempotencyKey: "other") == nil)
        ledger.upsert(first)
        #expect(ledger.activeIDs.count == 2)
    }

    @Test("active inputs are the non-terminal ones, in admission order")
    func activeInputs() throws {
        var ledger = InputLedger()
        let queued = try Self.record(applying: [.queueAccepted])
        let consumed = try Self.record(applying: [.consumeOnAccept])
        let accepted = try Self.record()
        let abandoned = try Self.record(applying: [.queueAccepted, .abandon(.reset)])
        let staged = try Self.record(applying: [.queueAccepted, .stageForRun(.make())])
        for state in [queued, consumed, accepted, abandoned, staged] { ledger.upsert(state) }
        #expect(ledger.activeIDs == [queued.inputID, accepted.inputID, staged.inputID])
        #expect(ledger.activeCount == 3)
        #expect(ledger.ids(in: .queued) == [queued.inputID])
        #expect(ledger.ids(in: .consumed) == [consumed.inputID])
    }

    @Test("apply changes the stored state; a refused event or an unknown id changes nothing")
    func applyEvents() throws {
        var ledger = InputLedger()
        let state = try Self.record()
        ledger.upsert(state)
        try ledger.apply(.queueAccepted, to: state.inputID)
        #expect(ledger[state.inputID]?.state == .queued)
        let before = ledger[state.inputID]
        #expect(throws: InputLifecycleError.self) { try ledger.apply(.consume, to: state.inputID) }
        #expect(ledger[state.inputID] == before)
        let unknown = InputID.make()
        #expect(throws: InputLifecycleError.self) { try ledger.apply(.queueAccepted, to: unknown) }
        #expect(ledger[unknown] == nil)
    }

    @Test("replace overwrites a state and keeps the index")
    func replaceKeepsIndex() throws {
        var ledger = InputLedger()
        var state = try Self.record(key: "k", applying: [.queueAccepted])
        ledger.upsert(state)
        try state.apply(.abandon(.destroyed))
        ledger.replace(state)
        #expect(ledger[state.inputID]?.state == .abandoned)
        #expect(ledger.existing(idempotencyKey: "k") == state.inputID)
        #expect(ledger.activeIDs.isEmpty)
    }
}

@Suite("Ledger: ingress lanes")
struct IngressLanesTests {
    /// Lanes plus a set of ids that are prompts.
    struct Fixture {
        var lanes = IngressLanes()
        var prompts: Set<InputID> = []

        mutating func add(_ lane: Lane, prompt: Bool = false) -> InputID {
            let id = InputID.make()
            lanes.append(id, to: lane)
            if prompt { prompts.insert(id) }
            return id
        }

        mutating func next() -> (ids: [InputID], lane: Lane)? {
            let prompts = self.prompts
            guard let batch = lanes.nextBatch(isPrompt: { prompts.contains($0) }) else { return nil }
            lanes.take(batch)
            return batch
        }
    }

    @Test("lanes are FIFO and report their size")
    func fifo() {
        var fixture = Fixture()
        #expect(fixture.lanes.isEmpty)
        let a = fixture.add(.queue)
        let b = fixture.add(.queue)
        let s = fixture.add(.steer)
        #expect(fixture.lanes.count == 3)
        #expect(Array(fixture.lanes.queue) == [a, b])
        #expect(fixture.lanes.allIDs == [a, b, s], "queue lane first, then steer")
    }

    @Test("the whole steer lane drains before the queue lane")
    func steerFirst() {
        var fixture = Fixture()
        let q = fixture.add(.queue)
        let s1 = fixture.add(.steer, prompt: true)
        let s2 = fixture.add(.steer)
        let batch = fixture.next()
        #expect(batch?.ids == [s1, s2])
        #expect(batch?.lane == .steer)
        #expect(fixture.next()?.ids == [q])
        #expect(fixture.next()?.ids == nil)
    }

    @Test("a prompt at the head of the queue lane runs alone")
    func promptAlone() {
        var fixture = Fixture()
        let p1 = fixture.add(.queue, prompt: true)
        let p2 = fixture.add(.queue, prompt: true)
        let e = fixture.add(.queue)
        #expect(fixture.next()?.ids == [p1])
        #expect(fixture.next()?.ids == [p2])
        #expect(fixture.next()?.ids == [e])
    }

    @Test("non-prompts batch up to the next prompt")
    func nonPromptsBatch() {
        var fixture = Fixture()
        let a = fixture.add(.queue)
        let b = fixture.add(.queue)
        let p = fixture.add(.queue, prompt: true)
        let c = fixture.add(.queue)
        #expect(fixture.next()?.ids == [a, b])
        #expect(fixture.next()?.ids == [p])
        #expect(fixture.next()?.ids == [c])
        #expect(fixture.lanes.isEmpty)
    }

    @Test("restoring a batch puts it at the front of its lane in its own order")
    func restoreToFrontKeepsOrder() {
        var fixture = Fixture()
        let a = fixture.add(.queue)
        let b = fixture.add(.queue)
        let batch = fixture.next()
        let c = fixture.add(.queue)
        fixture.lanes.restoreToFront(batch?.ids ?? [], lane: .queue)
        #expect(Array(fixture.lanes.queue) == [a, b, c])
        let s = fixture.add(.steer)
        fixture.lanes.restoreToFront([c], lane: .steer)
        #expect(Array(fixture.lanes.steer) == [c, s])
    }

    @Test("remove takes an id out of whichever lane holds it")
    func remove() {
        var fixture = Fixture()
        let q = fixture.add(.queue)
        let s = fixture.add(.steer)
        let removedSteer = fixture.lanes.remove(s)
        #expect(removedSteer)
        #expect(fixture.lanes.steer.isEmpty)
        let removedAgain = fixture.lanes.remove(s)
        #expect(!removedAgain)
        let removedQueue = fixture.lanes.remove(q)
        #expect(removedQueue)
        #expect(fixture.lanes.isEmpty)
        _ = fixture.add(.queue)
        _ = fixture.add(.steer)
        fixture.lanes.removeAll()
        #expect(fixture.lanes.isEmpty)
    }
}
