import Testing

@testable import WarrenRuntime

/// Inputs for the value-level conformance tests (driver, policy, ledger).
enum CoreInputs {
    static let peerOrigin = InputOrigin.peer(peerID: "peer-a", runtimeID: nil)

    static func header(
        id: InputID = .make(),
        source: InputOrigin = .operator,
        durability: InputDurability = .durable,
        key: String? = nil,
        supersession: String? = nil,
        correlation: String? = nil
    ) -> InputHeader {
        InputHeader(
            id: id,
            source: source,
            durability: durability,
            idempotencyKey: key,
            supersessionKey: supersession,
            correlationID: correlation
        )
    }

    static func prompt(
        _ text: String = "prompt",
        hint: HandlingMode? = nil,
        header: InputHeader = header()
    ) -> Input {
        .prompt(
            PromptInput(
                header: header,
                text: text,
                turnMetadata: hint.map { RuntimeTurnMetadata(handlingMode: $0) }
            )
        )
    }

    static func peer(
        _ convention: PeerConvention?,
        hint: HandlingMode? = nil,
        header: InputHeader = header(source: peerOrigin)
    ) -> Input {
        .peer(PeerInput(header: header, convention: convention, body: "body", handlingMode: hint))
    }

    static func message(hint: HandlingMode? = nil, header: InputHeader = header(source: peerOrigin)) -> Input {
        peer(.message, hint: hint, header: header)
    }

    static func request(
        intent: String = "ask",
        hint: HandlingMode? = nil,
        header: InputHeader = header(source: peerOrigin)
    ) -> Input {
        peer(.request(requestID: "req-1", intent: intent), hint: hint, header: header)
    }

    static func progress(hint: HandlingMode? = nil, header: InputHeader = header(source: peerOrigin)) -> Input {
        peer(.responseProgress(requestID: "req-1", phase: .inProgress), hint: hint, header: header)
    }

    static func terminal(hint: HandlingMode? = nil, header: InputHeader = header(source: peerOrigin)) -> Input {
        peer(.responseTerminal(requestID: "req-1", status: .completed), hint: hint, header: header)
    }

    static func flowStep(
        hint: HandlingMode? = nil,
        header: InputHeader = header(source: .flow(flowID: "flow", stepIndex: 0))
    ) -> Input {
        .flowStep(
            FlowStepInput(
                header: header,
                stepID: "step-1",
                instructions: "do it",
                turnMetadata: hint.map { RuntimeTurnMetadata(handlingMode: $0) }
            )
        )
    }

    static func externalEvent(
        hint: HandlingMode = .queue,
        header: InputHeader = header(source: .external(sourceName: "webhook"))
    ) -> Input {
        .externalEvent(ExternalEventInput(header: header, eventType: "ping", handlingMode: hint))
    }

    static func continuation(
        hint: HandlingMode = .steer,
        header: InputHeader = header(source: .system, durability: .derived)
    ) -> Input {
        .continuation(ContinuationInput(header: header, reason: "resume", handlingMode: hint))
    }

    static func operation(header: InputHeader = header(source: .system)) -> Input {
        .operation(OperationInput(header: header, operationID: .make()))
    }

    /// One input of each kind id, without a handling hint where the variant allows none.
    static func of(_ kind: InputKind) -> Input {
        switch kind {
        case .prompt: prompt()
        case .peerMessage: message()
        case .peerRequest: request()
        case .peerResponseProgress: progress()
        case .peerResponseTerminal: terminal()
        case .flowStep: flowStep()
        case .externalEvent: externalEvent()
        case .continuation: continuation()
        case .operation: operation()
        }
    }
}

/// Driving a ``RuntimeDriver`` through admission and runs in tests.
enum CoreHarness {
    static let runtimeID = RuntimeID("runtime-under-test")

    static func driver(_ state: RuntimeState = .idle) -> RuntimeDriver {
        RuntimeDriver(runtimeID: runtimeID, state: state)
    }

    /// Accepts `input`, requires an `accepted` outcome, and returns its id.
    @discardableResult
    static func admit(
        _ input: Input,
        into driver: inout RuntimeDriver,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> InputID {
        let outcome = try driver.accept(input)
        guard case .accepted(let id, _, _) = outcome else {
            Issue.record("expected accepted, got \(outcome)", sourceLocation: sourceLocation)
            throw HarnessError.unexpected("\(outcome)")
        }
        return id
    }

    /// The policy of an accepted outcome.
    static func policy(of outcome: AcceptOutcome) -> PolicyDecision? {
        if case .accepted(_, let policy, _) = outcome { return policy }
        return nil
    }

    /// Starts the next run, requiring one.
    static func start(_ driver: inout RuntimeDriver) throws -> StagedRun {
        try #require(try driver.startNextRun(executorName: "test"))
    }

    /// Applies the run's boundary and completes it.
    static func complete(_ run: StagedRun, in driver: inout RuntimeDriver, sequence: UInt64 = 0) throws {
        try driver.boundaryApplied(
            RunBoundaryReceipt(
                runID: run.runID,
                boundary: run.boundary,
                contributingInputIDs: run.inputIDs,
                sequence: sequence
            )
        )
        try driver.runCompleted(run.runID)
    }

    /// Puts an idle driver into Running with one prompt in flight; returns that run.
    static func makeRunning(_ driver: inout RuntimeDriver) throws -> StagedRun {
        try admit(CoreInputs.prompt("in flight"), into: &driver)
        let run = try start(&driver)
        #expect(driver.state == .running)
        _ = driver.takeSignal()
        _ = driver.takeEvents()
        return run
    }

    static func events(_ driver: inout RuntimeDriver) -> [RuntimeEvent] {
        driver.takeEvents().map(\.event)
    }

    static func steerLane(_ driver: RuntimeDriver) -> [InputID] { Array(driver.lanes.steer) }
    static func queueLane(_ driver: RuntimeDriver) -> [InputID] { Array(driver.lanes.queue) }
}

enum HarnessError: Error {
    case unexpected(String)
}
