/// The session-keyed surface (adapter-spec §5.6–§6). An unknown session is `notReady(destroyed)`.
extension RuntimeSessionAdapter: SessionServiceRuntimeExt {
    public func acceptInput(_ id: SessionID, _ input: Input) async throws(RuntimeDriverError) -> AcceptOutcome {
        try await runtime(id).accept(input)
    }

    public func acceptInputWithCompletion(_ id: SessionID, _ input: Input) async throws(RuntimeDriverError)
        -> (AcceptOutcome, CompletionHandle?)
    {
        try await runtime(id).acceptWithCompletion(input)
    }

    /// Admits without waking the loop: the input waits for the next turn boundary.
    public func acceptInputWithoutWake(_ id: SessionID, _ input: Input) async throws(RuntimeDriverError)
        -> AcceptOutcome
    {
        try await runtime(id).accept(input, wake: false)
    }

    public func runtimeState(_ id: SessionID) async throws(RuntimeDriverError) -> RuntimeState {
        try await runtime(id).state
    }

    public func retireRuntime(_ id: SessionID) async throws(RuntimeDriverError) -> RetireReport {
        try await runtime(id).retire()
    }

    public func resetRuntime(_ id: SessionID) async throws(RuntimeDriverError) -> ResetReport {
        try await runtime(id).reset()
    }

    public func inputState(_ id: SessionID, _ inputID: InputID) async throws(RuntimeDriverError) -> InputState? {
        try await runtime(id).inputState(inputID)
    }

    public func listActiveInputs(_ id: SessionID) async throws(RuntimeDriverError) -> [InputID] {
        try await runtime(id).activeInputIDs
    }

    /// Replaces the session's silent comms intents (unknown session: no-op).
    public func setSessionSilentIntents(_ id: SessionID, _ intents: [String]) async {
        await entry(id)?.runtime.setSilentIntents(intents)
    }

    /// A handle to an input's completion by id: already resolved when the input is terminal.
    public func awaitCompletion(_ id: SessionID, inputID: InputID) async throws(RuntimeDriverError) -> CompletionHandle
    {
        guard let handle = try await runtime(id).completionHandle(for: inputID) else {
            throw .validationFailed(reason: "unknown input \(inputID)")
        }
        return handle
    }

    /// The id of the run in flight, if any.
    public func currentRunID(_ id: SessionID) async throws(RuntimeDriverError) -> RunID? {
        try await runtime(id).currentRunID
    }

    /// The name of the executor whose loop is live, if any.
    public func executorName(_ id: SessionID) async -> String? {
        await entry(id)?.runtime.executorName
    }

    /// Cancels the run in flight (delivered to the executor mid-run).
    public func interruptCurrentRun(_ id: SessionID) async throws(RuntimeDriverError) {
        let runtime = try runtime(id)
        guard await runtime.interrupt(reason: "interrupt") else { throw .notReady(state: await runtime.state) }
    }

    /// Stops the executor: a live loop stops asynchronously (this returns once it is told); without one,
    /// a stop command stops the runtime directly.
    public func stopRuntimeExecutor(_ id: SessionID, command: RunControlCommand) async throws(RuntimeDriverError) {
        let runtime = try runtime(id)
        let reason: String
        switch command {
        case .stopRuntimeExecutor(let text): reason = text
        case .cancelCurrentRun(let text):
            guard await runtime.interrupt(reason: text) else {
                throw .internal("failed to send stop: runtime loop is unavailable")
            }
            return
        }
        if await runtime.requestStop(reason: reason) { return }
        try await runtime.stopWithoutLoop()
    }
}

/// The session-keyed runtime surface of the reference's `SessionServiceRuntimeExt`.
public protocol SessionServiceRuntimeExt: Sendable {
    /// The runtime mode.
    var runtimeMode: RuntimeMode { get }
    /// Admits an input; rejections come back as `.rejected`.
    func acceptInput(_ id: SessionID, _ input: Input) async throws(RuntimeDriverError) -> AcceptOutcome
    /// Admits an input with a completion handle; a rejection is `validationFailed`.
    func acceptInputWithCompletion(_ id: SessionID, _ input: Input) async throws(RuntimeDriverError)
        -> (AcceptOutcome, CompletionHandle?)
    /// The runtime's state.
    func runtimeState(_ id: SessionID) async throws(RuntimeDriverError) -> RuntimeState
    /// Retires the runtime.
    func retireRuntime(_ id: SessionID) async throws(RuntimeDriverError) -> RetireReport
    /// Resets the runtime.
    func resetRuntime(_ id: SessionID) async throws(RuntimeDriverError) -> ResetReport
    /// One input's state.
    func inputState(_ id: SessionID, _ inputID: InputID) async throws(RuntimeDriverError) -> InputState?
    /// Non-terminal inputs, in admission order.
    func listActiveInputs(_ id: SessionID) async throws(RuntimeDriverError) -> [InputID]
}

extension RuntimeSessionAdapter {
    /// Admits `input` and runs it at once with the caller as its executor; returns what `operation`
    /// returned, or throws its error (the input is then abandoned) or a ``RuntimeDriverError``.
    public func acceptInputAndRun<T: Sendable>(
        _ id: SessionID,
        _ input: Input,
        _ operation: @Sendable (RunAssignment) async throws -> (T, RunOutcome)
    ) async throws -> T {
        try await runtime(id).acceptAndRun(input, operation)
    }
}
