import Synchronization
import WarrenClient
import WarrenProto
import WarrenRPC

/// A remote executor run by the test over its own connection: answers each run with `remote: <prompt>`, or
/// holds runs until the server pushes control and then reports them cancelled.
final class RemoteWorker: Sendable {
    let client: WarrenClient
    let name: String
    let holdRuns: Bool
    let replaceExisting: Bool
    private let counts = Mutex((assignments: 0, controls: 0))

    init(client: WarrenClient, name: String, holdRuns: Bool = false, replaceExisting: Bool = false) {
        self.client = client
        self.name = name
        self.holdRuns = holdRuns
        self.replaceExisting = replaceExisting
    }

    /// Assignments received so far.
    var assignmentsReceived: Int { self.counts.withLock { $0.assignments } }
    /// Control messages received so far.
    var controlsReceived: Int { self.counts.withLock { $0.controls } }

    /// Attaches, runs `body` while serving runs, then detaches (the call is cancelled) and closes the client.
    func attached(_ body: @Sendable (String) async throws -> Void) async throws {
        do {
            try await self.client.executor.attach { requests, responses in
                let hello = ExecutorHello(executorName: self.name, replaceExisting: self.replaceExisting)
                try await requests.write(ExecutorAttachRequest(item: .hello(hello)))
                var iterator = responses.makeAsyncIterator()
                guard case .welcome(let welcome) = try await iterator.next()?.item else {
                    throw HarnessError("no welcome for \(self.name)")
                }
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await self.serve(responses, requests) }
                    try await body(welcome.attachmentID)
                    group.cancelAll()
                }
            }
        } catch {
            await self.client.close()
            throw error
        }
        await self.client.close()
    }

    /// Polls until `count` assignments arrived.
    func waitForAssignments(_ count: Int) async throws {
        for _ in 0..<1_000 where self.assignmentsReceived < count { try await Task.sleep(for: .milliseconds(10)) }
        guard self.assignmentsReceived >= count else { throw HarnessError("\(self.name) got no assignment") }
    }

    private func serve(
        _ responses: RPCResponseStream<ExecutorAttachResponse>,
        _ requests: RPCRequestWriter<ExecutorAttachRequest>
    ) async throws {
        var held: [String: RunAssignment] = [:]
        for try await response in responses {
            switch response.item {
            case .assignment(let assignment):
                self.counts.withLock { $0.assignments += 1 }
                if self.holdRuns {
                    held[assignment.runID] = assignment
                } else {
                    try await requests.write(ExecutorAttachRequest(item: .outcome(Self.completed(assignment))))
                }
            case .control(let control):
                self.counts.withLock { $0.controls += 1 }
                if let assignment = held.removeValue(forKey: control.runID) {
                    try await requests.write(ExecutorAttachRequest(item: .outcome(Self.cancelled(assignment))))
                }
            case .welcome, nil:
                continue
            }
        }
    }

    /// `remote: <first prompt's text>`.
    static func completed(_ assignment: RunAssignment) -> RunOutcome {
        let text =
            assignment.inputs.compactMap { input -> String? in
                if case .prompt(let prompt) = input.variant { return prompt.text }
                return nil
            }.first ?? ""
        let result = RunOutcomeCompleted(terminal: .runResult(RunResult(text: "remote: \(text)")))
        return RunOutcome(
            sessionID: assignment.sessionID,
            runID: assignment.runID,
            assignmentSeq: assignment.assignmentSeq,
            outcome: .completed(result)
        )
    }

    static func cancelled(_ assignment: RunAssignment) -> RunOutcome {
        RunOutcome(
            sessionID: assignment.sessionID,
            runID: assignment.runID,
            assignmentSeq: assignment.assignmentSeq,
            outcome: .cancelled(RunOutcomeCancelled(reason: "interrupted"))
        )
    }
}
