/// Does the work of a run: receives the staged inputs and answers with an outcome (SPEC §4.2).
///
/// The runtime never holds a lock while an executor runs. Interrupt and stop arrive mid-run on
/// `control` (Warren delivers them to a busy executor, unlike v0.5.2).
public protocol Executor: Sendable {
    /// The executor's name, as sessions select it and events report it.
    var name: String { get }

    /// Runs one batch and returns how it ended.
    func run(_ assignment: RunAssignment, control: RunControlStream) async -> RunOutcome
}

/// One run handed to an executor.
public struct RunAssignment: Hashable, Sendable {
    /// The session the run belongs to.
    public var sessionID: SessionID
    /// The run's id; a receipt must echo it.
    public var runID: RunID
    /// Where the batch applies.
    public var boundary: RunBoundary
    /// The staged inputs, in batch order; a receipt must echo their ids.
    public var inputs: [Input]
    /// Merged turn metadata of the batch.
    public var turnMetadata: RuntimeTurnMetadata
    /// Content turn, or resume-pending when every input is a continuation.
    public var executionKind: RuntimeExecutionKind

    /// The ids a receipt must list, in order.
    public var contributingInputIDs: [InputID] { inputs.map(\.id) }

    /// Creates an assignment.
    public init(
        sessionID: SessionID,
        runID: RunID,
        boundary: RunBoundary,
        inputs: [Input],
        turnMetadata: RuntimeTurnMetadata = .init(),
        executionKind: RuntimeExecutionKind = .contentTurn
    ) {
        self.sessionID = sessionID
        self.runID = runID
        self.boundary = boundary
        self.inputs = inputs
        self.turnMetadata = turnMetadata
        self.executionKind = executionKind
    }
}

/// How a run ended, as its executor reports it.
public enum RunOutcome: Hashable, Sendable {
    /// The run applied. The runtime mints the receipt unless the executor supplies its own, which
    /// must echo the run id and the inputs or the run fails.
    case completed(terminal: RunTerminal?, receipt: RunBoundaryReceipt? = nil, sessionSnapshot: [UInt8]? = nil)
    /// The run failed; recoverable failures retry (up to the stage budget), others abandon the inputs.
    case failed(error: String, recoverable: Bool)
    /// The run was cancelled (after an interrupt): its inputs are abandoned, never retried.
    case cancelled(reason: String)
}

/// What a completed turn produced.
public enum RunTerminal: Hashable, Sendable {
    /// A result.
    case result(RunResult)
    /// Waiting for a callback (a tool call) outside the runtime.
    case callbackPending(toolName: String, argumentsJSON: [UInt8])
}

/// Commands pushed to a running executor.
public enum RunControlCommand: Hashable, Sendable {
    /// Cancel the run in flight (an interrupt).
    case cancelCurrentRun(reason: String)
    /// Stop the executor for good.
    case stopRuntimeExecutor(reason: String)
}

/// The control commands of one run, as an async sequence the executor may read or ignore.
public typealias RunControlStream = AsyncStream<RunControlCommand>
