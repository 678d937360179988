import Testing
import WarrenRuntime

/// The §8.1 table, pair by pair: every legal pair's target and effects, every other pair refused unchanged.
@Suite("Comms drain lifecycle")
struct CommsDrainLifecycleTests {
    /// A starting point of the table, reached through legal inputs only.
    enum Start: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case inactive
        case startingAttached, startingHost
        case runningAttached, runningHost
        case exitedRespawnable
        case stoppedAttached, stoppedHost

        var testDescription: String { rawValue }

        var lifecycle: CommsDrainLifecycle {
            var machine = CommsDrainLifecycle()
            let inputs: [CommsDrainInput] =
                switch self {
                case .inactive: []
                case .startingAttached: [.ensureRunning(.attachedSession)]
                case .startingHost: [.ensureRunning(.persistentHost)]
                case .runningAttached: [.ensureRunning(.attachedSession), .taskSpawned]
                case .runningHost: [.ensureRunning(.persistentHost), .taskSpawned]
                case .exitedRespawnable: [.ensureRunning(.persistentHost), .taskSpawned, .taskExited(.failed)]
                case .stoppedAttached: [.ensureRunning(.attachedSession), .stopRequested]
                case .stoppedHost: [.ensureRunning(.persistentHost), .taskSpawned, .taskExited(.dismissed)]
                }
            for input in inputs { _ = try! machine.apply(input) }
            return machine
        }
    }

    /// An input, named with its payload in test output.
    struct Step: Sendable, CustomTestStringConvertible {
        let input: CommsDrainInput

        var testDescription: String {
            switch input {
            case .ensureRunning(let mode): "EnsureRunning(\(mode))"
            case .taskExited(let reason): "TaskExited(\(reason))"
            default: input.description
            }
        }
    }

    static let allSteps: [Step] =
        (CommsDrainMode.allCases.map { .ensureRunning($0) } + [.taskSpawned]
        + DrainExitReason.allCases.map { .taskExited($0) } + [.stopRequested, .abortObserved]).map(Step.init)

    /// The table of §8.1 written out: nil means the pair is illegal.
    static func expected(_ start: Start, _ input: CommsDrainInput) -> (
        CommsDrainPhase, CommsDrainMode?, [CommsDrainEffect]
    )? {
        let mode = start.lifecycle.mode
        switch (start, input) {
        case (.inactive, .ensureRunning(let m)), (.exitedRespawnable, .ensureRunning(let m)),
            (.stoppedAttached, .ensureRunning(let m)), (.stoppedHost, .ensureRunning(let m)):
            return (.starting, m, [.spawnDrainTask(m)])
        case (.startingAttached, .taskSpawned), (.startingHost, .taskSpawned):
            return (.running, mode, [])
        case (.startingHost, .taskExited(.failed)), (.runningHost, .taskExited(.failed)):
            return (.exitedRespawnable, mode, [])
        case (.startingAttached, .taskExited), (.runningAttached, .taskExited), (.startingHost, .taskExited),
            (.runningHost, .taskExited):
            return (.stopped, mode, [])
        case (.startingAttached, .stopRequested), (.runningAttached, .stopRequested),
            (.startingHost, .stopRequested), (.runningHost, .stopRequested):
            return (.stopped, mode, [.abortDrainTask])
        case (.startingAttached, .abortObserved), (.runningAttached, .abortObserved),
            (.startingHost, .abortObserved), (.runningHost, .abortObserved):
            return (.stopped, mode, [])
        case (.exitedRespawnable, .stopRequested):
            return (.stopped, mode, [])
        default:
            return nil
        }
    }

    @Test("every (phase, input) pair does exactly what the §8.1 table says", arguments: Start.allCases, allSteps)
    func tablePair(start: Start, step: Step) {
        let input = step.input
        var machine = start.lifecycle
        let before = machine
        if let (phase, mode, effects) = Self.expected(start, input) {
            #expect((try? machine.apply(input)) == effects)
            #expect(machine.phase == phase)
            #expect(machine.mode == mode)
        } else {
            #expect(throws: CommsDrainTransitionError(from: before.phase, input: input)) { try machine.apply(input) }
            #expect(machine == before, "a refused input changes nothing")
        }
    }

    @Test("a new machine is inactive with no mode")
    func initialState() {
        let machine = CommsDrainLifecycle()
        #expect(machine.phase == .inactive)
        #expect(machine.mode == nil)
    }

    @Test("ensureRunning while running is refused and keeps the running drain's mode")
    func ensureWhileRunningKeepsMode() {
        var machine = Start.runningHost.lifecycle
        #expect(throws: CommsDrainTransitionError.self) { try machine.apply(.ensureRunning(.attachedSession)) }
        #expect(machine.phase == .running)
        #expect(machine.mode == .persistentHost)
    }

    @Test("stopped is not terminal: ensureRunning respawns with the new mode")
    func stoppedRespawns() throws {
        var machine = Start.stoppedHost.lifecycle
        #expect(try machine.apply(.ensureRunning(.attachedSession)) == [.spawnDrainTask(.attachedSession)])
        #expect(machine.mode == .attachedSession)
    }

    @Test("in every active phase the mode is set")
    func activePhasesHaveMode() {
        for start in Start.allCases where start.lifecycle.phase.isActive {
            #expect(start.lifecycle.mode != nil, "\(start)")
        }
    }

    @Test("the error names the input and the phase as the reference does")
    func errorText() {
        let error = CommsDrainTransitionError(from: .running, input: .ensureRunning(.persistentHost))
        #expect(error.description == "illegal comms drain lifecycle transition: EnsureRunning in phase Running")
    }
}
