/// The driver's runtime state (adapter-spec §2.4, runtime-spec §4).
public enum RuntimeState: String, Hashable, Sendable, CaseIterable, Codable {
    case initializing, idle, attached, running, recovering, retired, stopped, destroyed

    /// Idle, Attached and Running admit input.
    public var canAcceptInput: Bool { self == .idle || self == .attached || self == .running }
    /// Idle, Attached and Retired may start a run from the queue.
    public var canProcessQueue: Bool { self == .idle || self == .attached || self == .retired }
    /// Stopped and Destroyed are final.
    public var isTerminal: Bool { self == .stopped || self == .destroyed }
    /// Idle or Attached: "idle" for policy.
    public var isIdleOrAttached: Bool { self == .idle || self == .attached }
}

/// Inputs of the runtime control state machine.
enum RuntimeControlInput: Hashable, Sendable {
    case attach, detach
    case beginRun(RunID)
    case runEnded(RunID)
    case retire, reset, stop, destroy
    case recycle, recycleSucceeded

    /// The nominal target, used in error reports.
    var nominalTarget: RuntimeState {
        switch self {
        case .attach: .attached
        case .detach, .reset, .recycleSucceeded, .runEnded: .idle
        case .beginRun: .running
        case .retire: .retired
        case .stop: .stopped
        case .destroy: .destroyed
        case .recycle: .recovering
        }
    }
}

/// An illegal runtime transition; nothing changed.
public struct RuntimeStateTransitionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The state it was in.
    public let from: RuntimeState
    /// The state the input aimed for.
    public let to: RuntimeState

    public var description: String { "Invalid runtime state transition: \(from.rawValue) -> \(to.rawValue)" }
}

/// The runtime control authority: the phase table and its guards (runtime-spec §4).
///
/// States: the eight ``RuntimeState`` values. Errors: an illegal pair or a failed run-id guard throws
/// ``RuntimeStateTransitionError`` and leaves everything unchanged.
struct RuntimeControl: Hashable, Sendable {
    private(set) var state: RuntimeState = .idle
    private(set) var currentRunID: RunID?
    private(set) var preRunState: RuntimeState?

    init(state: RuntimeState = .idle) {
        self.state = state
    }

    mutating func apply(_ input: RuntimeControlInput) throws(RuntimeStateTransitionError) {
        let illegal = RuntimeStateTransitionError(from: state, to: input.nominalTarget)
        switch (input, state) {
        case (.attach, .idle): state = .attached
        case (.detach, .attached): state = .idle
        case (.beginRun(let run), .idle), (.beginRun(let run), .attached), (.beginRun(let run), .retired),
            (.beginRun(let run), .recovering):
            guard currentRunID == nil else { throw illegal }
            preRunState = state
            currentRunID = run
            state = .running
        case (.runEnded(let run), .running), (.runEnded(let run), .retired):
            guard run == currentRunID else {
                throw RuntimeStateTransitionError(from: state, to: returnState)
            }
            state = returnState
            currentRunID = nil
            preRunState = nil
        case (.retire, .idle), (.retire, .attached), (.retire, .running): state = .retired
        case (.reset, .initializing), (.reset, .idle), (.reset, .attached), (.reset, .recovering), (.reset, .retired):
            state = .idle
            currentRunID = nil
            preRunState = nil
        case (.stop, let from) where !from.isTerminal: clear(to: .stopped)
        case (.destroy, let from) where from != .destroyed: clear(to: .destroyed)
        case (.recycle, .idle), (.recycle, .attached), (.recycle, .retired):
            guard currentRunID == nil else { throw illegal }
            preRunState = state
            state = .recovering
        case (.recycleSucceeded, .recovering): clear(to: .idle)
        default: throw illegal
        }
    }

    /// Where a run returns: Retired stays Retired, Attached returns to Attached, anything else to Idle.
    private var returnState: RuntimeState {
        if state == .retired || preRunState == .retired { return .retired }
        return preRunState == .attached ? .attached : .idle
    }

    private mutating func clear(to target: RuntimeState) {
        state = target
        currentRunID = nil
        preRunState = nil
    }
}
