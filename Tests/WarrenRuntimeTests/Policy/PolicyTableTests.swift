import Testing

@testable import WarrenRuntime

/// One cell of the default policy table (input-spec §4.2): a kind, idle or running, and the decision.
struct PolicyCell: Sendable, CustomTestStringConvertible {
    let kind: InputKind
    let idle: Bool
    let apply: ApplyMode
    let wake: WakeMode
    let queue: QueueMode
    let consume: ConsumePoint
    let drain: DrainPolicy
    let routing: RoutingDisposition
    let transcript: Bool

    var testDescription: String { "\(kind.rawValue) \(idle ? "idle" : "running")" }

    /// The 18 cells: nine kinds, idle and running.
    static let all: [PolicyCell] = InputKind.allCases.flatMap { kind in
        [true, false].map { idle in cell(kind, idle: idle) }
    }

    private static func cell(_ kind: InputKind, idle: Bool) -> PolicyCell {
        let wakeIfIdle: WakeMode = idle ? .wakeIfIdle : .none
        switch kind {
        case .prompt, .peerMessage, .peerRequest, .peerResponseTerminal, .flowStep, .externalEvent:
            return PolicyCell(
                kind: kind,
                idle: idle,
                apply: .stageRunStart,
                wake: wakeIfIdle,
                queue: .fifo,
                consume: .onRunComplete,
                drain: .queueNextTurn,
                routing: .queue,
                transcript: true
            )
        case .peerResponseProgress:
            return PolicyCell(
                kind: kind,
                idle: idle,
                apply: .stageRunBoundary,
                wake: .none,
                queue: .coalesce,
                consume: .onRunComplete,
                drain: .steerBatch,
                routing: .steer,
                transcript: true
            )
        case .continuation:
            return PolicyCell(
                kind: kind,
                idle: idle,
                apply: .stageRunBoundary,
                wake: wakeIfIdle,
                queue: .fifo,
                consume: .onRunComplete,
                drain: .steerBatch,
                routing: .steer,
                transcript: false
            )
        case .operation:
            return PolicyCell(
                kind: kind,
                idle: idle,
                apply: .ignore,
                wake: .none,
                queue: .priority,
                consume: .onAccept,
                drain: .ignore,
                routing: .drop,
                transcript: false
            )
        }
    }
}

@Suite("Policy: the default table")
struct PolicyTableTests {
    @Test("each cell of the default table resolves exactly", arguments: PolicyCell.all)
    func cell(_ cell: PolicyCell) {
        let input = CoreInputs.of(cell.kind)
        #expect(input.kind == cell.kind)
        let decision = DefaultPolicyTable.resolve(input, runtimeIdle: cell.idle)
        #expect(decision.applyMode == cell.apply)
        #expect(decision.wakeMode == cell.wake)
        #expect(decision.queueMode == cell.queue)
        #expect(decision.consumePoint == cell.consume)
        #expect(decision.drainPolicy == cell.drain)
        #expect(decision.routingDisposition == cell.routing)
        #expect(decision.recordTranscript == cell.transcript)
        #expect(decision.emitOperatorContent == cell.transcript)
        #expect(decision.policyVersion == 1)
    }

    @Test("the table covers every kind, so no unknown-kind row is reachable")
    func everyKindHasARow() {
        // InputKind is closed: v0.5.2's unknown-kind fallback row has no Swift input that reaches it.
        #expect(InputKind.allCases.count == 9)
        #expect(Set(PolicyCell.all.map(\.testDescription)).count == 18)
    }

    @Test("a steer hint on a prompt gives a run-boundary, steer-lane decision", arguments: [true, false])
    func explicitSteerPrompt(idle: Bool) {
        let decision = DefaultPolicyTable.resolve(CoreInputs.prompt(hint: .steer), runtimeIdle: idle)
        #expect(decision.applyMode == .stageRunBoundary)
        #expect(decision.drainPolicy == .steerBatch)
        #expect(decision.routingDisposition == .steer)
        #expect(decision.queueMode == .fifo)
        #expect(decision.consumePoint == .onRunComplete)
        #expect(decision.wakeMode == (idle ? .wakeIfIdle : .none))
        #expect(decision.recordTranscript)
    }

    static let hintedInputs: [(String, @Sendable (HandlingMode) -> Input)] = [
        ("prompt", { CoreInputs.prompt(hint: $0) }),
        ("flow step", { CoreInputs.flowStep(hint: $0) }),
        ("peer message", { CoreInputs.message(hint: $0) }),
        ("peer request", { CoreInputs.request(hint: $0) }),
        ("peer response terminal", { CoreInputs.terminal(hint: $0) }),
        ("peer without convention", { CoreInputs.peer(nil, hint: $0) }),
        ("external event", { CoreInputs.externalEvent(hint: $0) }),
    ]

    @Test("a queue or steer hint overrides the kind's default", arguments: [HandlingMode.queue, .steer])
    func hintOverridesKind(hint: HandlingMode) {
        for (name, make) in Self.hintedInputs {
            for idle in [true, false] {
                let decision = DefaultPolicyTable.resolve(make(hint), runtimeIdle: idle)
                let context = "\(name), hint \(hint), idle \(idle)"
                switch hint {
                case .queue:
                    #expect(decision.applyMode == .stageRunStart, "\(context)")
                    #expect(decision.routingDisposition == .queue, "\(context)")
                    #expect(decision.drainPolicy == .queueNextTurn, "\(context)")
                case .steer:
                    #expect(decision.applyMode == .stageRunBoundary, "\(context)")
                    #expect(decision.routingDisposition == .steer, "\(context)")
                    #expect(decision.drainPolicy == .steerBatch, "\(context)")
                }
                #expect(decision.queueMode == .fifo, "\(context)")
                #expect(decision.consumePoint == .onRunComplete, "\(context)")
                #expect(decision.wakeMode == (idle ? .wakeIfIdle : .none), "\(context)")
                #expect(decision.recordTranscript, "\(context)")
            }
        }
    }

    @Test(
        "a continuation is never recorded in the transcript, whatever its hint",
        arguments: [HandlingMode.queue, .steer]
    )
    func continuationTranscriptFalse(hint: HandlingMode) {
        let decision = DefaultPolicyTable.resolve(CoreInputs.continuation(hint: hint), runtimeIdle: true)
        #expect(!decision.recordTranscript)
        #expect(!decision.emitOperatorContent)
        #expect(decision.routingDisposition == (hint == .steer ? .steer : .queue))
        #expect(decision.applyMode == (hint == .steer ? .stageRunBoundary : .stageRunStart))
    }

    @Test(
        "a response-progress input ignores its hint and keeps the kind default",
        arguments: [HandlingMode.queue, .steer]
    )
    func progressIgnoresHint(hint: HandlingMode) {
        for idle in [true, false] {
            let hinted = DefaultPolicyTable.resolve(CoreInputs.progress(hint: hint), runtimeIdle: idle)
            let plain = DefaultPolicyTable.resolve(CoreInputs.progress(), runtimeIdle: idle)
            #expect(hinted == plain)
            #expect(hinted.queueMode == .coalesce)
            #expect(hinted.wakeMode == .none)
        }
    }

    @Test("a peer terminal response honours both hints")
    func terminalHonoursHints() {
        let steer = DefaultPolicyTable.resolve(CoreInputs.terminal(hint: .steer), runtimeIdle: false)
        let queue = DefaultPolicyTable.resolve(CoreInputs.terminal(hint: .queue), runtimeIdle: false)
        #expect(steer.routingDisposition == .steer)
        #expect(steer.applyMode == .stageRunBoundary)
        #expect(queue.routingDisposition == .queue)
        #expect(queue.applyMode == .stageRunStart)
    }

    @Test("peer messages and requests wake only when idle", arguments: [true, false])
    func peerWakesOnlyWhenIdle(idle: Bool) {
        for input in [CoreInputs.message(), CoreInputs.request()] {
            let decision = DefaultPolicyTable.resolve(input, runtimeIdle: idle)
            #expect(decision.wakeMode == (idle ? .wakeIfIdle : .none))
            #expect(decision.routingDisposition == .queue)
        }
    }

    @Test("only ignore with on-accept consumes at admission; the lane follows the routing")
    func derivedProperties() {
        let operation = DefaultPolicyTable.resolve(CoreInputs.operation(), runtimeIdle: true)
        #expect(operation.consumesOnAccept)
        #expect(operation.lane == .queue)
        #expect(!DefaultPolicyTable.resolve(CoreInputs.prompt(), runtimeIdle: true).consumesOnAccept)
        #expect(DefaultPolicyTable.resolve(CoreInputs.continuation(), runtimeIdle: true).lane == .steer)
        #expect(DefaultPolicyTable.resolve(CoreInputs.prompt(), runtimeIdle: true).lane == .queue)
    }
}
