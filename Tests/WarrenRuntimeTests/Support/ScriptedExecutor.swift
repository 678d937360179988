import Synchronization
import WarrenRuntime

/// An executor whose behaviour each test scripts, and which records what it was asked to do.
final class ScriptedExecutor: Executor {
    let name: String
    private let script: @Sendable (RunAssignment, RunControlStream) async -> RunOutcome
    private let state = Mutex<State>(State())

    private struct State {
        var assignments: [RunAssignment] = []
    }

    init(
        name: String = "scripted",
        _ script: @escaping @Sendable (RunAssignment, RunControlStream) async -> RunOutcome = { assignment, _ in
            .completed(terminal: .result(RunResult(text: assignment.inputs.map(\.text).joined())))
        }
    ) {
        self.name = name
        self.script = script
    }

    /// An executor whose runs each wait for `gate` to open, then complete without a result.
    static func gated(by gate: Gate) -> ScriptedExecutor {
        ScriptedExecutor { _, _ in
            await gate.wait()
            return .completed(terminal: nil)
        }
    }

    /// Every assignment received, in order.
    var assignments: [RunAssignment] { state.withLock { $0.assignments } }
    var applyCount: Int { assignments.count }

    func run(_ assignment: RunAssignment, control: RunControlStream) async -> RunOutcome {
        state.withLock { $0.assignments.append(assignment) }
        return await script(assignment, control)
    }
}

/// A one-shot latch tests use to hold an executor mid-run and release it.
final class Gate: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func wait() async {
        await withCheckedContinuation { continuation in
            let open = state.withLock { state -> Bool in
                if state.open { return true }
                state.waiters.append(continuation)
                return false
            }
            if open { continuation.resume() }
        }
    }

    func open() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.open = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}

/// Polls `condition` until it holds; a safety net for asynchronous effects, never a timing assertion.
func eventually(
    _ what: String = "condition",
    timeout: Duration = .seconds(10),
    _ condition: @Sendable () async -> Bool
) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(2))
    }
    return await condition()
}

func prompt(_ text: String = "hello", key: String? = nil, durability: InputDurability = .durable) -> Input {
    .prompt(PromptInput(header: InputHeader(durability: durability, idempotencyKey: key), text: text))
}

/// A value shared between test tasks.
final class Shared<Value: Sendable>: Sendable {
    private let state: Mutex<Value>

    init(_ value: Value) { state = Mutex(value) }

    func withLock<R: Sendable>(_ body: (inout Value) -> R) -> R { state.withLock { body(&$0) } }
}
