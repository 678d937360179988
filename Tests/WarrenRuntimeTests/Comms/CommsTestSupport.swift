import Synchronization
import WarrenRuntime

/// Runs `body` in its own task and returns its result, or nil if it has not finished within `timeout`.
///
/// A safety net only: a test that gets nil fails, and no test asserts on how long anything took.
func commsWithin<T: Sendable>(
    _ timeout: Duration = .seconds(20),
    _ body: @escaping @Sendable () async -> T
) async -> T? {
    let race = CommsRace<T?>()
    var worker: Task<Void, Never>?
    var timer: Task<Void, Never>?
    let result = await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
        race.arm(continuation)
        worker = Task { race.finish(await body()) }
        timer = Task {
            try? await Task.sleep(for: timeout)
            race.finish(nil)
        }
    }
    timer?.cancel()
    if result == nil { worker?.cancel() }
    return result
}

/// Resumes one continuation with the first value offered.
final class CommsRace<T: Sendable>: Sendable {
    private let slot = Mutex<CheckedContinuation<T, Never>?>(nil)

    func arm(_ continuation: CheckedContinuation<T, Never>) { slot.withLock { $0 = continuation } }

    func finish(_ value: T) {
        let continuation = slot.withLock { slot -> CheckedContinuation<T, Never>? in
            defer { slot = nil }
            return slot
        }
        continuation?.resume(returning: value)
    }
}

/// An append-only log whose readers can wait for it to reach a state.
final class CommsLog<Element: Sendable>: Sendable {
    private let state = Mutex<(items: [Element], waiters: [(Int, CheckedContinuation<Void, Never>)])>(([], []))

    var items: [Element] { state.withLock { $0.items } }

    func append(_ item: Element) {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.items.append(item)
            let count = state.items.count
            let ready = state.waiters.filter { $0.0 <= count }.map(\.1)
            state.waiters.removeAll { $0.0 <= count }
            return ready
        }
        for waiter in ready { waiter.resume() }
    }

    /// Suspends until the log holds at least `count` items, then returns them all.
    func waitForCount(_ count: Int) async -> [Element] {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                if state.items.count >= count { return true }
                state.waiters.append((count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
        return items
    }
}

/// One call a drain made on its host.
enum CommsHostCall: Hashable, Sendable {
    case accept(Input)
    case acceptWithCompletion(Input)
    case stop(RunControlCommand)
    case exited(DrainExitReason)

    /// The input admitted by this call, if it is an admission.
    var input: Input? {
        switch self {
        case .accept(let input), .acceptWithCompletion(let input): input
        case .stop, .exited: nil
        }
    }
}

/// A scripted ``CommsDrainHost`` that records every call in order.
final class CommsFakeHost: CommsDrainHost {
    typealias Admission = @Sendable (Input) async throws(RuntimeDriverError) -> (AcceptOutcome, CompletionHandle?)

    let calls = CommsLog<CommsHostCall>()
    private let admission: Admission
    private let onExit: @Sendable (SessionID, DrainExitReason) async -> Void

    /// By default every admission is a deduplication of itself with no handle, and exits do nothing more.
    init(
        admission: @escaping Admission = { input in (.deduplicated(inputID: input.id, existingID: input.id), nil) },
        onExit: @escaping @Sendable (SessionID, DrainExitReason) async -> Void = { _, _ in }
    ) {
        self.admission = admission
        self.onExit = onExit
    }

    func acceptInput(_ sessionID: SessionID, _ input: Input) async throws(RuntimeDriverError) -> AcceptOutcome {
        calls.append(.accept(input))
        return try await admission(input).0
    }

    func acceptInputWithCompletion(_ sessionID: SessionID, _ input: Input) async throws(RuntimeDriverError)
        -> (AcceptOutcome, CompletionHandle?)
    {
        calls.append(.acceptWithCompletion(input))
        return try await admission(input)
    }

    func stopRuntimeExecutor(_ sessionID: SessionID, command: RunControlCommand) async throws(RuntimeDriverError) {
        calls.append(.stop(command))
    }

    func notifyCommsDrainExited(_ sessionID: SessionID, reason: DrainExitReason) async {
        calls.append(.exited(reason))
        await onExit(sessionID, reason)
    }
}

/// A candidate of `inputClass` whose content suits the class.
func commsCandidate(
    _ inputClass: PeerInputClass,
    from: String = "peer-1",
    content: InteractionContent? = nil,
    renderedText: String = "",
    handlingMode: HandlingMode = .queue
) -> PeerInputCandidate {
    let defaultContent: InteractionContent
    switch inputClass {
    case .actionableRequest, .silentRequest:
        defaultContent = .request(intent: "review", paramsJSON: Array(#"{"pr":42}"#.utf8))
    case .response:
        defaultContent = .response(inReplyTo: .make(), status: .completed, resultJSON: Array(#"{"ok":true}"#.utf8))
    default:
        defaultContent = .message(body: "hello from \(inputClass.rawValue)")
    }
    return PeerInputCandidate(
        interaction: PeerInteraction(
            from: from,
            content: content ?? defaultContent,
            renderedText: renderedText,
            handlingMode: handlingMode
        ),
        inputClass: inputClass
    )
}
