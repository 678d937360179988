import Logging
import WarrenProto
import WarrenRPC
import WarrenRuntime

/// Executor.Attach: a remote executor says hello, then receives runs and control and answers with outcomes.
///
/// When the stream ends for any reason (detach, CANCEL, a vanished connection), the attachment closes and
/// every run still out fails recoverably, so the runtime retries its inputs (SPEC §4.2).
struct ExecutorBinding: ExecutorServiceProtocol {
    let server: WarrenServer

    func attach(
        _ requests: RPCRequestStream<ExecutorAttachRequest>,
        responses: RPCResponseWriter<ExecutorAttachResponse>,
        context: ServerCallContext
    ) async throws {
        var inbound = requests.makeAsyncIterator()
        guard case .hello(let hello) = try await inbound.next()?.item else {
            throw RPCError(.invalidArgument, "the first message of Attach must be hello")
        }
        let attachment = try self.server.executors.attach(
            name: hello.executorName,
            replaceExisting: hello.replaceExisting
        )
        defer { self.server.executors.detach(attachment, reason: "the executor's Attach stream ended") }
        self.server.logger.notice(
            "executor attached",
            metadata: ["name": "\(attachment.name)", "peer": "\(context.remoteAddress)"]
        )
        try await responses.write(
            ExecutorAttachResponse(
                item: .welcome(ExecutorWelcome(executorName: attachment.name, attachmentID: attachment.attachmentID))
            )
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await Self.send(attachment.outbound, to: responses) }
            while let request = try await inbound.next() {
                guard try self.receive(request, on: attachment) else { break }
            }
            group.cancelAll()
        }
        self.server.logger.notice("executor detached", metadata: ["name": "\(attachment.name)"])
    }

    /// Applies one message from the executor; false when it detached.
    private func receive(_ request: ExecutorAttachRequest, on attachment: ExecutorAttachment) throws(RPCError) -> Bool {
        switch request.item {
        case .outcome(let wire):
            let outcome = try WarrenRuntime.RunOutcome(wire: wire, field: "outcome")
            if !attachment.deliver(outcome, sequence: wire.assignmentSeq) {
                self.server.logger.debug("outcome for a run that is not out", metadata: ["run": "\(wire.runID)"])
            }
            return true
        case .progress, .controlResult:
            return true
        case .detach:
            return false
        case .hello:
            throw RPCError(.invalidArgument, "hello may only be the first message of Attach")
        case nil:
            throw RPCError(.invalidArgument, "item: an Attach message must set one item")
        }
    }

    /// Sends assignments and control to the executor as the runtime produces them.
    private static func send(
        _ outbound: AsyncStream<ExecutorAttachment.Outbound>,
        to responses: RPCResponseWriter<ExecutorAttachResponse>
    ) async throws {
        var controlSequence: UInt64 = 0
        for await message in outbound {
            switch message {
            case .assignment(let sequence, let assignment):
                let wire = WarrenProto.RunAssignment(assignment, assignmentSeq: sequence)
                try await responses.write(ExecutorAttachResponse(item: .assignment(wire)))
            case .control(_, let assignment, let command):
                controlSequence += 1
                let control = RunControl(
                    command,
                    sessionID: assignment.sessionID,
                    runID: assignment.runID,
                    controlSeq: controlSequence
                )
                try await responses.write(ExecutorAttachResponse(item: .control(control)))
            }
        }
    }
}
