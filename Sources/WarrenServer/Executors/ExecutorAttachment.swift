import Synchronization
package import WarrenRuntime

/// One remote executor's `Executor.Attach` stream: hands runs out and matches outcomes back by assignment
/// sequence. When the stream ends, every run still out fails recoverably, so the runtime retries its inputs.
package final class ExecutorAttachment: Sendable {
    /// What the server sends down the stream.
    package enum Outbound: Sendable, Equatable {
        /// A run to execute.
        case assignment(sequence: UInt64, RunAssignment)
        /// Interrupt or stop for the run of `assignmentSequence`.
        case control(sequence: UInt64, assignment: RunAssignment, RunControlCommand)
    }

    /// The name sessions select it by.
    package let name: String
    /// This attachment's id (a new one for each Attach).
    package let attachmentID: String
    /// The messages to send, in order; finishes when the attachment closes.
    package let outbound: AsyncStream<Outbound>

    private let sender: AsyncStream<Outbound>.Continuation
    private let state = Mutex(State())

    private struct State {
        var nextSequence: UInt64 = 0
        var pending: [UInt64: CheckedContinuation<RunOutcome, Never>] = [:]
        var closedReason: String?
    }

    /// Creates an attachment named `name`.
    package init(name: String, attachmentID: String) {
        self.name = name
        self.attachmentID = attachmentID
        (self.outbound, self.sender) = AsyncStream.makeStream(of: Outbound.self)
    }

    /// Runs currently out with the executor.
    package var runsInFlight: Int { self.state.withLock { $0.pending.count } }

    /// Sends `assignment` and waits for its outcome, forwarding `control` commands meanwhile.
    package func run(_ assignment: RunAssignment, control: RunControlStream) async -> RunOutcome {
        let sequence = self.state.withLock { state -> UInt64 in
            state.nextSequence += 1
            return state.nextSequence
        }
        return await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.forward(control, for: assignment, sequence: sequence) }
            let outcome = await self.awaitOutcome(assignment, sequence: sequence)
            group.cancelAll()
            return outcome
        }
    }

    /// Resolves the run of `sequence`; false when no such run is out (a stale or invented sequence).
    @discardableResult
    package func deliver(_ outcome: RunOutcome, sequence: UInt64) -> Bool {
        let waiter = self.state.withLock { $0.pending.removeValue(forKey: sequence) }
        waiter?.resume(returning: outcome)
        return waiter != nil
    }

    /// Ends the attachment: runs still out fail recoverably with `reason`, and later runs fail at once.
    package func close(reason: String) {
        let waiters = self.state.withLock { state -> [CheckedContinuation<RunOutcome, Never>] in
            guard state.closedReason == nil else { return [] }
            state.closedReason = reason
            defer { state.pending.removeAll() }
            return Array(state.pending.values)
        }
        for waiter in waiters {
            waiter.resume(returning: Self.lost(self.name, reason))
        }
        self.sender.finish()
    }

    private func awaitOutcome(_ assignment: RunAssignment, sequence: UInt64) async -> RunOutcome {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (waiter: CheckedContinuation<RunOutcome, Never>) in
                let closedReason = self.state.withLock { state -> String? in
                    if let reason = state.closedReason { return reason }
                    state.pending[sequence] = waiter
                    return nil
                }
                if let closedReason {
                    waiter.resume(returning: Self.lost(self.name, closedReason))
                } else {
                    self.sender.yield(.assignment(sequence: sequence, assignment))
                }
            }
        } onCancel: {
            // The runtime gave up on the run (it is stopping): tell the executor and stop waiting.
            self.sender.yield(
                .control(sequence: sequence, assignment: assignment, .cancelCurrentRun(reason: "cancelled"))
            )
            self.deliver(.cancelled(reason: "the run was cancelled by the server"), sequence: sequence)
        }
    }

    private func forward(_ control: RunControlStream, for assignment: RunAssignment, sequence: UInt64) async {
        for await command in control {
            self.sender.yield(.control(sequence: sequence, assignment: assignment, command))
        }
    }

    private static func lost(_ name: String, _ reason: String) -> RunOutcome {
        .failed(error: "executor '\(name)' went away mid-run: \(reason)", recoverable: true)
    }
}
