import Testing

@testable import WarrenRuntime

/// One row of the admission signal matrix (input-spec §3.4).
struct SignalCase: Sendable, CustomTestStringConvertible {
    let name: String
    let make: @Sendable () -> Input
    let idle: PostAdmissionSignal
    let running: PostAdmissionSignal
    var silentIntents: Set<String> = []

    var testDescription: String { name }

    static let all: [SignalCase] = {
        var rows: [SignalCase] = []
        let plain: [(String, @Sendable (HandlingMode?) -> Input)] = [
            ("prompt", { CoreInputs.prompt(hint: $0) }),
            ("flow step", { CoreInputs.flowStep(hint: $0) }),
            ("peer message", { CoreInputs.message(hint: $0) }),
            ("peer request", { CoreInputs.request(hint: $0) }),
            ("peer response terminal", { CoreInputs.terminal(hint: $0) }),
            ("external event", { CoreInputs.externalEvent(hint: $0 ?? .queue) }),
        ]
        for (name, make) in plain {
            rows.append(SignalCase(name: "\(name), no hint", make: { make(nil) }, idle: .wakeLoop, running: .none))
            rows.append(SignalCase(name: "\(name), queue", make: { make(.queue) }, idle: .wakeLoop, running: .none))
            rows.append(
                SignalCase(
                    name: "\(name), steer",
                    make: { make(.steer) },
                    idle: .requestImmediateProcessing,
                    running: .requestImmediateProcessing
                )
            )
        }
        rows.append(
            SignalCase(name: "peer response progress", make: { CoreInputs.progress() }, idle: .none, running: .none)
        )
        rows.append(
            SignalCase(
                name: "continuation (steer)",
                make: { CoreInputs.continuation() },
                idle: .requestImmediateProcessing,
                running: .requestImmediateProcessing
            )
        )
        rows.append(SignalCase(name: "operation", make: { CoreInputs.operation() }, idle: .none, running: .none))
        rows.append(
            SignalCase(
                name: "silenced peer request",
                make: { CoreInputs.request(intent: "status") },
                idle: .none,
                running: .none,
                silentIntents: ["status"]
            )
        )
        rows.append(
            SignalCase(
                name: "silenced peer request with steer",
                make: { CoreInputs.request(intent: "status", hint: .steer) },
                idle: .requestImmediateProcessing,
                running: .requestImmediateProcessing,
                silentIntents: ["status"]
            )
        )
        return rows
    }()
}

@Suite("Driver: admission")
struct DriverAdmissionTests {
    // MARK: The basic cases of driver_ephemeral.rs

    @Test("a prompt is queued and wakes an idle runtime")
    func promptIdleQueuesAndWakes() throws {
        var driver = CoreHarness.driver()
        let outcome = try driver.accept(CoreInputs.prompt())
        guard case .accepted(let id, let policy, let state) = outcome else {
            Issue.record("expected accepted, got \(outcome)")
            return
        }
        #expect(state.state == .queued)
        #expect(state.policy == policy)
        #expect(state.persistedInput?.id == id)
        #expect(CoreHarness.queueLane(driver) == [id])
        #expect(driver.takeSignal() == .wakeLoop)
    }

    @Test("a prompt accepted while running is queued without a wake")
    func promptRunningQueuesWithoutWake() throws {
        var driver = CoreHarness.driver()
        _ = try CoreHarness.makeRunning(&driver)
        let id = try CoreHarness.admit(CoreInputs.prompt(), into: &driver)
        #expect(driver[id]?.state == .queued)
        #expect(CoreHarness.queueLane(driver) == [id])
        #expect(driver.takeSignal() == .none)
    }

    @Test("a peer terminal response wakes when idle and not while running")
    func peerTerminalWakeOnlyIdle() throws {
        var idle = CoreHarness.driver()
        try CoreHarness.admit(CoreInputs.terminal(), into: &idle)
        #expect(idle.takeSignal() == .wakeLoop)
        var running = CoreHarness.driver()
        _ = try CoreHarness.makeRunning(&running)
        try CoreHarness.admit(CoreInputs.terminal(), into: &running)
        #expect(running.takeSignal() == .none)
    }

    @Test("response progress is queued in the steer lane with no signal")
    func progressQueuedInSteerLaneWithoutWake() throws {
        var driver = CoreHarness.driver()
        let id = try CoreHarness.admit(CoreInputs.progress(), into: &driver)
        #expect(driver[id]?.state == .queued)
        #expect(CoreHarness.steerLane(driver) == [id])
        #expect(CoreHarness.queueLane(driver).isEmpty)
        #expect(driver.takeSignal() == .none)
        let run = try CoreHarness.start(&driver)
        #expect(run.boundary == .runCheckpoint)
    }

    @Test("a continuation goes to the steer lane and requests immediate processing")
    func continuationSteerLaneImmediate() throws {
        var driver = CoreHarness.driver()
        let id = try CoreHarness.admit(CoreInputs.continuation(), into: &driver)
        #expect(CoreHarness.steerLane(driver) == [id])
        let signal = driver.takeSignal()
        #expect(signal == .requestImmediateProcessing)
        #expect(signal.shouldWake)
        #expect(signal.shouldProcessImmediately)
    }

    @Test("an operation is consumed on accept: not queued, no queued event, no signal")
    func operationConsumedOnAccept() throws {
        var driver = CoreHarness.driver()
        let outcome = try driver.accept(CoreInputs.operation())
        guard case .accepted(let id, _, let state) = outcome else {
            Issue.record("expected accepted, got \(outcome)")
            return
        }
        #expect(state.state == .consumed)
        #expect(state.terminalOutcome == .consumed)
        #expect(driver.lanes.isEmpty)
        #expect(driver.takeSignal() == .none)
        #expect(CoreHarness.events(&driver) == [.inputAccepted(inputID: id, kind: .operation)])
        #expect(driver.activeInputIDs.isEmpty)
    }

    @Test("a peer message with a steer hint is accepted into the steer lane")
    func peerMessageSteerAccepted() throws {
        var driver = CoreHarness.driver()
        let outcome = try driver.accept(CoreInputs.message(hint: .steer))
        #expect(CoreHarness.policy(of: outcome)?.routingDisposition == .steer)
        #expect(CoreHarness.steerLane(driver).count == 1)
    }

    @Test("a steer peer message while running: boundary apply, no policy wake, immediate processing")
    func runningSteerPeerMessage() throws {
        var driver = CoreHarness.driver()
        _ = try CoreHarness.makeRunning(&driver)
        let outcome = try driver.accept(CoreInputs.message(hint: .steer))
        let policy = try #require(CoreHarness.policy(of: outcome))
        #expect(policy.applyMode == .stageRunBoundary)
        #expect(policy.wakeMode == .none)
        #expect(policy.routingDisposition == .steer)
        #expect(driver.takeSignal() == .requestImmediateProcessing)
    }

    @Test("a peer terminal response with a hint is accepted")
    func terminalWithHintAccepted() throws {
        var driver = CoreHarness.driver()
        try CoreHarness.admit(CoreInputs.terminal(hint: .steer), into: &driver)
        try CoreHarness.admit(CoreInputs.terminal(hint: .queue), into: &driver)
    }

    @Test("a response-progress input with a hint is rejected and leaves nothing behind")
    func progressWithHintRejected() throws {
        var driver = CoreHarness.driver()
        let input = CoreInputs.progress(hint: .steer)
        let outcome = try driver.accept(input)
        #expect(
            outcome
                == .rejected(
                    .peerHandlingModeInvalid(detail: "handling_mode is forbidden on ResponseProgress peer inputs")
                )
        )
        #expect(driver[input.id] == nil)
        #expect(driver.lanes.isEmpty)
        #expect(CoreHarness.events(&driver).isEmpty)
        #expect(driver.takeChangedStates().isEmpty)
    }

    @Test("a derived prompt is rejected and leaves nothing behind")
    func derivedPromptRejected() throws {
        var driver = CoreHarness.driver()
        let input = CoreInputs.prompt(header: CoreInputs.header(source: .system, durability: .derived))
        let outcome = try driver.accept(input)
        #expect(outcome == .rejected(.durabilityViolation(detail: "Derived durability forbidden for prompt")))
        #expect(driver[input.id] == nil)
        #expect(CoreHarness.events(&driver).isEmpty)
        #expect(driver.takeSignal() == .none)
    }

    // MARK: Error precedence (input-spec §3.2)

    @Test("the runtime gate comes first: a retired runtime fails an invalid input with NotReady")
    func gateBeforeDurability() throws {
        var driver = CoreHarness.driver()
        _ = try driver.retire()
        let invalid = CoreInputs.prompt(header: CoreInputs.header(source: .system, durability: .derived))
        #expect(throws: RuntimeDriverError.notReady(state: .retired)) { try driver.accept(invalid) }
    }

    @Test(
        "every state outside idle, attached and running fails accept with NotReady",
        arguments: [RuntimeState.initializing, .recovering, .retired, .stopped, .destroyed]
    )
    func gateStates(state: RuntimeState) {
        var driver = CoreHarness.driver(state)
        #expect(throws: RuntimeDriverError.notReady(state: state)) { try driver.accept(CoreInputs.prompt()) }
        #expect(driver.allStates.isEmpty)
    }

    @Test("durability is checked before the peer handling mode")
    func durabilityBeforePeerMode() throws {
        var driver = CoreHarness.driver()
        let input = CoreInputs.progress(
            hint: .steer,
            header: CoreInputs.header(source: CoreInputs.peerOrigin, durability: .derived)
        )
        let outcome = try driver.accept(input)
        #expect(outcome == .rejected(.durabilityViolation(detail: "External ingress cannot submit derived inputs")))
    }

    @Test("validation comes before dedup: a reused key on an invalid input is rejected, not deduplicated")
    func validationBeforeDedup() throws {
        var driver = CoreHarness.driver()
        try CoreHarness.admit(CoreInputs.progress(header: CoreInputs.header(key: "k")), into: &driver)
        _ = CoreHarness.events(&driver)
        let badMode = try driver.accept(CoreInputs.progress(hint: .queue, header: CoreInputs.header(key: "k")))
        guard case .rejected(.peerHandlingModeInvalid) = badMode else {
            Issue.record("expected a peer handling-mode rejection, got \(badMode)")
            return
        }
        let badDurability = try driver.accept(
            CoreInputs.prompt(header: CoreInputs.header(source: .operator, durability: .derived, key: "k"))
        )
        guard case .rejected(.durabilityViolation) = badDurability else {
            Issue.record("expected a durability rejection, got \(badDurability)")
            return
        }
        #expect(CoreHarness.events(&driver).isEmpty)
    }

    // MARK: Dedup (input-spec §3.3)

    @Test("a reused idempotency key deduplicates onto an input in flight, recording nothing")
    func dedupInFlight() throws {
        var driver = CoreHarness.driver()
        let first = try CoreHarness.admit(CoreInputs.prompt(header: CoreInputs.header(key: "k")), into: &driver)
        _ = driver.takeSignal()
        _ = CoreHarness.events(&driver)
        _ = driver.takeChangedStates()
        let second = CoreInputs.prompt(header: CoreInputs.header(key: "k"))
        let outcome = try driver.accept(second)
        #expect(outcome == .deduplicated(inputID: second.id, existingID: first))
        #expect(driver[second.id] == nil)
        #expect(driver.allStates.count == 1)
        #expect(CoreHarness.queueLane(driver) == [first])
        #expect(driver.takeSignal() == .none)
        #expect(driver.takeChangedStates().isEmpty)
        #expect(CoreHarness.events(&driver) == [.inputDeduplicated(inputID: second.id, existingID: first)])
    }

    @Test("dedup also applies once the existing input is terminal")
    func dedupTerminal() throws {
        var driver = CoreHarness.driver()
        let first = try CoreHarness.admit(CoreInputs.prompt(header: CoreInputs.header(key: "k")), into: &driver)
        let run = try CoreHarness.start(&driver)
        try CoreHarness.complete(run, in: &driver)
        #expect(driver[first]?.state == .consumed)
        let again = CoreInputs.prompt(header: CoreInputs.header(key: "k"))
        #expect(try driver.accept(again) == .deduplicated(inputID: again.id, existingID: first))
        #expect(driver.allStates.count == 1)
        #expect(driver.lanes.isEmpty)
    }

    @Test("the key is not scoped by kind: another kind with the same key deduplicates")
    func dedupAcrossKinds() throws {
        var driver = CoreHarness.driver()
        let first = try CoreHarness.admit(CoreInputs.prompt(header: CoreInputs.header(key: "k")), into: &driver)
        let other = CoreInputs.message(header: CoreInputs.header(source: CoreInputs.peerOrigin, key: "k"))
        #expect(try driver.accept(other) == .deduplicated(inputID: other.id, existingID: first))
    }

    @Test("dedup after an abandoned input still returns the first id")
    func dedupAbandoned() throws {
        var driver = CoreHarness.driver()
        let first = try CoreHarness.admit(CoreInputs.prompt(header: CoreInputs.header(key: "k")), into: &driver)
        _ = try driver.reset()
        let again = CoreInputs.prompt(header: CoreInputs.header(key: "k"))
        #expect(try driver.accept(again) == .deduplicated(inputID: again.id, existingID: first))
    }

    @Test("re-admitting a known input id is refused and neither duplicates nor resurrects it")
    func knownInputIDRefused() throws {
        var driver = CoreHarness.driver()
        let input = CoreInputs.prompt()
        try CoreHarness.admit(input, into: &driver)
        _ = driver.takeEvents()
        #expect(throws: RuntimeDriverError.self) { try driver.accept(input) }
        #expect(driver.takeEvents().isEmpty)
        #expect(CoreHarness.queueLane(driver) == [input.id])
        let run = try CoreHarness.start(&driver)
        try CoreHarness.complete(run, in: &driver)
        #expect(throws: RuntimeDriverError.self) { try driver.accept(input) }
        #expect(driver[input.id]?.state == .consumed)
        #expect(driver.lanes.isEmpty)
        #expect(try driver.startNextRun(executorName: "test") == nil)
    }

    // MARK: Signals (input-spec §3.4)

    @Test("the admission signal matrix, idle", arguments: SignalCase.all)
    func signalIdle(_ row: SignalCase) throws {
        var driver = CoreHarness.driver()
        driver.silentIntents = row.silentIntents
        _ = try driver.accept(row.make())
        #expect(driver.takeSignal() == row.idle)
    }

    @Test("the admission signal matrix, attached counts as idle", arguments: SignalCase.all)
    func signalAttached(_ row: SignalCase) throws {
        var driver = CoreHarness.driver()
        try driver.attach(executorName: "test")
        driver.silentIntents = row.silentIntents
        _ = try driver.accept(row.make())
        #expect(driver.takeSignal() == row.idle)
    }

    @Test("the admission signal matrix, running", arguments: SignalCase.all)
    func signalRunning(_ row: SignalCase) throws {
        var driver = CoreHarness.driver()
        _ = try CoreHarness.makeRunning(&driver)
        driver.silentIntents = row.silentIntents
        _ = try driver.accept(row.make())
        #expect(driver.takeSignal() == row.running)
    }

    @Test("a silenced request is still queued")
    func silencedRequestQueued() throws {
        var driver = CoreHarness.driver()
        driver.silentIntents = ["status"]
        let outcome = try driver.accept(CoreInputs.request(intent: "status"))
        let policy = try #require(CoreHarness.policy(of: outcome))
        #expect(policy.wakeMode == .none)
        #expect(CoreHarness.queueLane(driver).count == 1)
    }

    @Test("signals order none < wake < immediate")
    func signalOrdering() {
        #expect(PostAdmissionSignal.none < .wakeLoop)
        #expect(PostAdmissionSignal.wakeLoop < .requestImmediateProcessing)
        #expect(!PostAdmissionSignal.none.shouldWake)
        #expect(PostAdmissionSignal.wakeLoop.shouldWake)
        #expect(!PostAdmissionSignal.wakeLoop.shouldProcessImmediately)
        #expect(PostAdmissionSignal.requestImmediateProcessing.shouldProcessImmediately)
    }

    @Test("taking the signal resets it")
    func takeAndReset() throws {
        var driver = CoreHarness.driver()
        try CoreHarness.admit(CoreInputs.prompt(), into: &driver)
        #expect(driver.takeSignal() == .wakeLoop)
        #expect(driver.takeSignal() == .none)
    }

    @Test("the strongest pending signal wins until taken")
    func strongestWins() throws {
        var driver = CoreHarness.driver()
        try CoreHarness.admit(CoreInputs.progress(), into: &driver)
        #expect(driver.signal == .none)
        try CoreHarness.admit(CoreInputs.prompt(), into: &driver)
        try CoreHarness.admit(CoreInputs.prompt(hint: .steer), into: &driver)
        try CoreHarness.admit(CoreInputs.prompt(), into: &driver)
        try CoreHarness.admit(
            CoreInputs.progress(header: CoreInputs.header(source: CoreInputs.peerOrigin)),
            into: &driver
        )
        #expect(driver.takeSignal() == .requestImmediateProcessing)
        #expect(driver.takeSignal() == .none)
    }

    // MARK: Events and changed states

    @Test("one accept emits accepted then queued, carrying the input's correlation id")
    func acceptEmitsAcceptedThenQueued() throws {
        var driver = CoreHarness.driver()
        let id = try CoreHarness.admit(
            CoreInputs.prompt(header: CoreInputs.header(correlation: "corr-1")),
            into: &driver
        )
        let pending = driver.takeEvents()
        #expect(
            pending.map(\.event) == [
                .inputAccepted(inputID: id, kind: .prompt),
                .inputQueued(inputID: id, requeuedFromRunID: nil, attemptCount: 0),
            ]
        )
        #expect(pending.map(\.correlationID) == ["corr-1", "corr-1"])
        #expect(driver.takeChangedStates().map(\.inputID) == [id])
    }
}
