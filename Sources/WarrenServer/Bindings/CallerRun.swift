import Synchronization
import WarrenProto
import WarrenRPC
import WarrenRuntime

/// One AcceptInputAndRun call: the input is admitted, its run is assigned to the caller, the caller's
/// outcome commits, and the call ends with the committed receipt.
struct CallerRun {
    let server: WarrenServer
    let requests: RPCRequestStream<AcceptInputAndRunRequest>
    let responses: RPCResponseWriter<AcceptInputAndRunResponse>

    func serve() async throws {
        var inbound = self.requests.makeAsyncIterator()
        guard case .start(let start) = try await inbound.next()?.item else {
            throw RPCError(.invalidArgument, "the first message of AcceptInputAndRun must be start")
        }
        let session = try SessionID(wire: start.sessionID, field: "start.session_id")
        let input = try ClientInput.read(start.input, field: "start.input")
        let inbox = InboundBox(inbound)
        let runID = try await domainCall {
            try await self.server.adapter.acceptInputAndRun(session, input) { assignment in
                try await self.responses.write(AcceptInputAndRunResponse(item: .acceptOutcome(Self.accepted(input.id))))
                let wire = WarrenProto.RunAssignment(assignment, assignmentSeq: 1)
                try await self.responses.write(AcceptInputAndRunResponse(item: .assignment(wire)))
                return (assignment.runID, try await inbox.outcome())
            }
        }
        try await self.responses.write(
            AcceptInputAndRunResponse(item: .finished(try await self.finished(session, input.id, runID)))
        )
    }

    private func finished(_ session: SessionID, _ inputID: InputID, _ runID: RunID) async throws
        -> AcceptInputAndRunFinished
    {
        let state = try await domainCall { try await self.server.adapter.inputState(session, inputID) }
        var receipt: WarrenRuntime.RunBoundaryReceipt?
        if let sequence = state?.lastBoundarySequence {
            receipt = try await domainCall {
                try await self.server.adapter.loadBoundaryReceipt(session.runtimeID, runID: runID, sequence: sequence)
            }
        }
        return AcceptInputAndRunFinished(
            inputID: inputID.rawValue,
            runID: runID.rawValue,
            receipt: receipt.map(WarrenProto.RunBoundaryReceipt.init),
            inputState: state.map { WarrenProto.InputLifecycleState($0.state) } ?? .unspecified
        )
    }

    private static func accepted(_ id: InputID) -> WarrenProto.AcceptOutcome {
        WarrenProto.AcceptOutcome(outcome: .accepted(AcceptOutcomeAccepted(inputID: id.rawValue)))
    }
}

/// The caller's remaining messages, read once the run is assigned: progress is skipped, the outcome ends it.
private final class InboundBox: Sendable {
    private let iterator: Mutex<RPCRequestStream<AcceptInputAndRunRequest>.AsyncIterator?>

    init(_ iterator: RPCRequestStream<AcceptInputAndRunRequest>.AsyncIterator) {
        self.iterator = Mutex(iterator)
    }

    func outcome() async throws -> WarrenRuntime.RunOutcome {
        guard var iterator = self.iterator.withLock({ $0.take() }) else {
            throw RPCError(.internal, "the run's outcome was already read")
        }
        while let request = try await iterator.next() {
            switch request.item {
            case .outcome(let wire): return try WarrenRuntime.RunOutcome(wire: wire, field: "outcome")
            case .progress, .controlResult: continue
            case .start: throw RPCError(.invalidArgument, "start may only be the first message of AcceptInputAndRun")
            case nil: throw RPCError(.invalidArgument, "item: an AcceptInputAndRun message must set one item")
            }
        }
        throw RPCError(.aborted, "the caller ended its stream before reporting the run's outcome")
    }
}
