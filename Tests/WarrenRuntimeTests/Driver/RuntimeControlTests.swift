import Testing

@testable import WarrenRuntime

/// An input of ``RuntimeControl`` without a run id, for the table tests.
enum ControlStep: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case attach, detach, beginRun, retire, reset, stop, destroy, recycle, recycleSucceeded

    var testDescription: String { rawValue }

    var input: RuntimeControlInput {
        switch self {
        case .attach: .attach
        case .detach: .detach
        case .beginRun: .beginRun(.make())
        case .retire: .retire
        case .reset: .reset
        case .stop: .stop
        case .destroy: .destroy
        case .recycle: .recycle
        case .recycleSucceeded: .recycleSucceeded
        }
    }

    /// runtime-spec §4: the legal source states of each input and where it leads.
    func target(from state: RuntimeState) -> RuntimeState? {
        switch (self, state) {
        case (.attach, .idle): .attached
        case (.detach, .attached): .idle
        case (.beginRun, .idle), (.beginRun, .attached), (.beginRun, .retired), (.beginRun, .recovering): .running
        case (.retire, .idle), (.retire, .attached), (.retire, .running): .retired
        case (.reset, .initializing), (.reset, .idle), (.reset, .attached), (.reset, .recovering), (.reset, .retired):
            .idle
        case (.stop, let from) where !from.isTerminal: .stopped
        case (.destroy, let from) where from != .destroyed: .destroyed
        case (.recycle, .idle), (.recycle, .attached), (.recycle, .retired): .recovering
        case (.recycleSucceeded, .recovering): .idle
        default: nil
        }
    }

    var nominalTarget: RuntimeState {
        switch self {
        case .attach: .attached
        case .detach, .reset, .recycleSucceeded: .idle
        case .beginRun: .running
        case .retire: .retired
        case .stop: .stopped
        case .destroy: .destroyed
        case .recycle: .recovering
        }
    }
}

/// One (input, state) pair of the control table.
struct ControlPair: Sendable, CustomTestStringConvertible {
    let step: ControlStep
    let from: RuntimeState

    var testDescription: String { "\(step.rawValue) from \(from.rawValue)" }

    static let all: [ControlPair] = ControlStep.allCases.flatMap { step in
        RuntimeState.allCases.map { ControlPair(step: step, from: $0) }
    }
    static let legal = all.filter { $0.step.target(from: $0.from) != nil }
    static let illegal = all.filter { $0.step.target(from: $0.from) == nil }
}

@Suite("Driver: runtime control table")
struct RuntimeControlTests {
    @Test("every legal row reaches its target state", arguments: ControlPair.legal)
    func legalRow(_ pair: ControlPair) throws {
        var control = RuntimeControl(state: pair.from)
        try control.apply(pair.step.input)
        #expect(control.state == pair.step.target(from: pair.from))
    }

    @Test("every illegal pair is refused with its nominal target and changes nothing", arguments: ControlPair.illegal)
    func illegalPair(_ pair: ControlPair) {
        var control = RuntimeControl(state: pair.from)
        let before = control
        #expect(throws: RuntimeStateTransitionError(from: pair.from, to: pair.step.nominalTarget)) {
            try control.apply(pair.step.input)
        }
        #expect(control == before)
    }

    @Test("the table has the expected number of legal rows")
    func legalRowCount() {
        // attach 1, detach 1, beginRun 4, retire 3, reset 5, stop 6, destroy 7, recycle 3, recycleSucceeded 1.
        #expect(ControlPair.legal.count == 31)
    }

    @Test("the transition error text names both states")
    func errorText() {
        let error = RuntimeStateTransitionError(from: .running, to: .idle)
        #expect(error.description == "Invalid runtime state transition: running -> idle")
    }

    // MARK: Runs

    @Test(
        "a run returns to the state it started from",
        arguments: [
            (RuntimeState.idle, RuntimeState.idle), (.attached, .attached), (.retired, .retired),
            (.recovering, .idle),
        ]
    )
    func runReturnsToPreRunState(from: RuntimeState, expected: RuntimeState) throws {
        var control = RuntimeControl(state: from)
        let run = RunID.make()
        try control.apply(.beginRun(run))
        #expect(control.state == .running)
        #expect(control.currentRunID == run)
        #expect(control.preRunState == from)
        try control.apply(.runEnded(run))
        #expect(control.state == expected)
        #expect(control.currentRunID == nil)
        #expect(control.preRunState == nil)
    }

    @Test("a run end with another run id is refused and changes nothing", arguments: [RuntimeState.idle, .attached])
    func runIDGuard(from: RuntimeState) throws {
        var control = RuntimeControl(state: from)
        let run = RunID.make()
        try control.apply(.beginRun(run))
        let before = control
        #expect(throws: RuntimeStateTransitionError(from: .running, to: from)) {
            try control.apply(.runEnded(.make()))
        }
        #expect(control == before)
        try control.apply(.runEnded(run))
        #expect(control.state == from)
    }

    @Test("a second run cannot begin while one is current")
    func beginRunGuard() throws {
        var control = RuntimeControl(state: .idle)
        try control.apply(.beginRun(.make()))
        try control.apply(.retire)
        let before = control
        #expect(throws: RuntimeStateTransitionError(from: .retired, to: .running)) {
            try control.apply(.beginRun(.make()))
        }
        #expect(control == before)
    }

    @Test("retiring during a run keeps the run, and its end returns to retired")
    func retireDuringRun() throws {
        var control = RuntimeControl(state: .attached)
        let run = RunID.make()
        try control.apply(.beginRun(run))
        try control.apply(.retire)
        #expect(control.state == .retired)
        #expect(control.currentRunID == run)
        try control.apply(.runEnded(run))
        #expect(control.state == .retired)
        #expect(control.currentRunID == nil)
        try control.apply(.beginRun(.make()))
        #expect(control.state == .running)
    }

    @Test("a run end with no run in flight is refused", arguments: [RuntimeState.idle, .running, .retired])
    func runEndedWithoutRun(from: RuntimeState) {
        var control = RuntimeControl(state: from)
        #expect(throws: RuntimeStateTransitionError.self) { try control.apply(.runEnded(.make())) }
        #expect(control.state == from)
    }

    @Test("recycle is refused from retired while the retired runtime's run is in flight")
    func recycleGuard() throws {
        var control = RuntimeControl(state: .idle)
        try control.apply(.beginRun(.make()))
        try control.apply(.retire)
        let before = control
        #expect(throws: RuntimeStateTransitionError(from: .retired, to: .recovering)) {
            try control.apply(.recycle)
        }
        #expect(control == before)
    }

    @Test("stop and destroy clear the run in flight", arguments: [ControlStep.stop, .destroy])
    func terminalClearsRun(step: ControlStep) throws {
        var control = RuntimeControl(state: .idle)
        try control.apply(.beginRun(.make()))
        try control.apply(step.input)
        #expect(control.currentRunID == nil)
        #expect(control.preRunState == nil)
        #expect(control.state.isTerminal)
    }

    @Test("reset from retired with a run in flight clears it")
    func resetClearsRun() throws {
        var control = RuntimeControl(state: .idle)
        try control.apply(.beginRun(.make()))
        try control.apply(.retire)
        try control.apply(.reset)
        #expect(control.state == .idle)
        #expect(control.currentRunID == nil)
    }

    @Test("destroy from stopped is legal; destroy from destroyed is not")
    func destroyFromStopped() throws {
        var control = RuntimeControl(state: .idle)
        try control.apply(.stop)
        try control.apply(.destroy)
        #expect(control.state == .destroyed)
        #expect(throws: RuntimeStateTransitionError(from: .destroyed, to: .destroyed)) {
            try control.apply(.destroy)
        }
    }

    @Test("the state predicates match the reference")
    func predicates() {
        let accepting = RuntimeState.allCases.filter(\.canAcceptInput)
        let processing = RuntimeState.allCases.filter(\.canProcessQueue)
        let terminal = RuntimeState.allCases.filter(\.isTerminal)
        #expect(Set(accepting) == [.idle, .attached, .running])
        #expect(Set(processing) == [.idle, .attached, .retired])
        #expect(Set(terminal) == [.stopped, .destroyed])
        #expect(Set(RuntimeState.allCases.filter(\.isIdleOrAttached)) == [.idle, .attached])
    }
}
