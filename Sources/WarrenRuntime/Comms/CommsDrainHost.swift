/// The adapter calls a drain task makes, and nothing more (the reference passes the whole adapter).
///
/// ``RuntimeSessionAdapter`` already has the first three with these exact signatures; it conforms by
/// adding ``notifyCommsDrainExited(_:reason:)``. Tests conform fakes.
public protocol CommsDrainHost: Sendable {
    /// Admits an input without completion tracking (lifecycle context and response progress).
    func acceptInput(_ sessionID: SessionID, _ input: Input) async throws(RuntimeDriverError) -> AcceptOutcome

    /// Admits an input and returns a handle for its completion when it has one.
    func acceptInputWithCompletion(_ sessionID: SessionID, _ input: Input) async throws(RuntimeDriverError)
        -> (AcceptOutcome, CompletionHandle?)

    /// Stops the session's executor (used on a peer DISMISS).
    func stopRuntimeExecutor(_ sessionID: SessionID, command: RunControlCommand) async throws(RuntimeDriverError)

    /// Told by a drain task that it is ending on its own (adapter-spec §5.13 `notify_comms_drain_exited`).
    func notifyCommsDrainExited(_ sessionID: SessionID, reason: DrainExitReason) async
}
