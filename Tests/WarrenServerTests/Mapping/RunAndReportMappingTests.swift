import Testing
import WarrenProto
import WarrenRPC
import WarrenRuntime
import WarrenServer

@Suite("Completion, receipt, report and executor mapping")
struct RunAndReportMappingTests {
    static let result = WarrenRuntime.RunResult(text: "done", structuredOutputJSON: Array(#"{"ok":true}"#.utf8))

    static let completions: [WarrenRuntime.CompletionOutcome] = [
        .completed(result), .completed(WarrenRuntime.RunResult(text: "plain")), .completedWithoutResult,
        .callbackPending(toolName: "search", argumentsJSON: Array("{}".utf8)), .abandoned(reason: "apply failed: x"),
        .cancelled(reason: "interrupt"), .runtimeTerminated(reason: "runtime reset"),
        .runtimeTerminated(reason: "something else"),
    ]

    @Test("every completion outcome survives the trip", arguments: completions)
    func completionRoundTrip(_ outcome: WarrenRuntime.CompletionOutcome) throws {
        let decoded = try roundTrip(outcome, WarrenProto.CompletionOutcome.init) {
            try WarrenRuntime.CompletionOutcome(wire: $0, field: "completion")
        }
        #expect(decoded == outcome)
    }

    @Test("the registry's termination texts travel typed")
    func terminationReasons() {
        let texts: [(String, RuntimeTerminationReason)] = [
            ("runtime session unregistered", .sessionUnregistered), ("runtime reset", .reset),
            ("retired without runtime loop", .retiredWithoutLoop), ("runtime stopped", .stopped),
            ("runtime destroyed", .destroyed), ("runtime loop exited", .loopExited),
            ("recycled input no longer pending", .recycledNoLongerPending),
            ("completion channel closed without result", .channelClosed), ("other", .unspecified),
        ]
        for (text, reason) in texts {
            guard
                case .runtimeTerminated(let wire) = WarrenProto.CompletionOutcome(.runtimeTerminated(reason: text))
                    .outcome
            else {
                Issue.record("not runtime terminated")
                continue
            }
            #expect(wire.terminationReason == reason)
        }
    }

    @Test("receipts survive the trip at every boundary; a missing digest stays absent")
    func receipts() throws {
        for boundary in [RunBoundary.immediate, .runStart, .runCheckpoint] {
            for digest in [nil, "ab12"] {
                let receipt = WarrenRuntime.RunBoundaryReceipt(
                    runID: Fixture.runID,
                    boundary: boundary,
                    contributingInputIDs: [Fixture.inputID, Fixture.otherInputID],
                    conversationDigest: digest,
                    messageCount: 7,
                    sequence: 0
                )
                let decoded = try roundTrip(receipt, WarrenProto.RunBoundaryReceipt.init) {
                    try WarrenRuntime.RunBoundaryReceipt(wire: $0, field: "receipt")
                }
                #expect(decoded == receipt)
            }
        }
        let bad = WarrenProto.RunBoundaryReceipt(runID: Fixture.runID.rawValue, boundary: .unspecified)
        #expect(
            invalidArgument { () throws(RPCError) in
                _ = try WarrenRuntime.RunBoundaryReceipt(wire: bad, field: "receipt")
            }?.message
                == "receipt.boundary: unspecified"
        )
    }

    @Test("reports survive the trip, including the recovery count the schema has no field for")
    func reports() throws {
        let retire = WarrenRuntime.RetireReport(inputsAbandoned: 1, inputsPendingDrain: 2)
        #expect(try roundTrip(retire, WarrenProto.RetireReport.init, WarrenRuntime.RetireReport.init(wire:)) == retire)
        let recycle = WarrenRuntime.RecycleReport(inputsTransferred: 3)
        #expect(
            try roundTrip(recycle, WarrenProto.RecycleReport.init, WarrenRuntime.RecycleReport.init(wire:)) == recycle
        )
        let reset = WarrenRuntime.ResetReport(inputsAbandoned: 4)
        #expect(try roundTrip(reset, WarrenProto.ResetReport.init, WarrenRuntime.ResetReport.init(wire:)) == reset)
        let destroy = WarrenRuntime.DestroyReport(inputsAbandoned: 5)
        #expect(
            try roundTrip(destroy, WarrenProto.DestroyReport.init, WarrenRuntime.DestroyReport.init(wire:)) == destroy
        )
        let recovery = WarrenRuntime.RecoveryReport(
            inputsRecovered: 6,
            inputsAbandoned: 7,
            inputsRequeued: 8,
            inputsConsumedByReceipt: 9
        )
        #expect(
            try roundTrip(recovery, WarrenProto.RecoveryReport.init, WarrenRuntime.RecoveryReport.init(wire:))
                == recovery
        )
        #expect(WarrenProto.RecoveryReport(recovery).details == ["inputs_consumed_by_receipt=9"])
    }

    static let outcomes: [WarrenRuntime.RunOutcome] = [
        .completed(terminal: nil), .completed(terminal: .result(result), sessionSnapshot: [1, 2, 3]),
        .completed(terminal: .callbackPending(toolName: "t", argumentsJSON: [123, 125])),
        .completed(
            terminal: .result(result),
            receipt: WarrenRuntime.RunBoundaryReceipt(
                runID: Fixture.runID,
                boundary: .runStart,
                contributingInputIDs: [Fixture.inputID]
            ),
            sessionSnapshot: [9]
        ),
        .completed(
            terminal: nil,
            receipt: WarrenRuntime.RunBoundaryReceipt(
                runID: Fixture.runID,
                boundary: .runCheckpoint,
                contributingInputIDs: []
            )
        ),
        .failed(error: "boom", recoverable: true), .failed(error: "fatal", recoverable: false),
        .cancelled(reason: "stop"),
    ]

    @Test("every run outcome survives the trip; an executor receipt travels as boundary_applied", arguments: outcomes)
    func runOutcomeRoundTrip(_ outcome: WarrenRuntime.RunOutcome) throws {
        let encode = { (outcome: WarrenRuntime.RunOutcome) in
            WarrenProto.RunOutcome(outcome, sessionID: Fixture.sessionID, runID: Fixture.runID, assignmentSeq: 4)
        }
        let decoded = try roundTrip(outcome, encode) { try WarrenRuntime.RunOutcome(wire: $0, field: "outcome") }
        #expect(decoded == outcome)
        if case .completed(_, let receipt, _) = outcome {
            let isBoundaryApplied = if case .boundaryApplied? = encode(outcome).outcome { true } else { false }
            #expect(isBoundaryApplied == (receipt != nil))
        }
    }

    @Test("an assignment survives the trip, with one user append per input that has text")
    func assignment() throws {
        let assignment = WarrenRuntime.RunAssignment(
            sessionID: Fixture.sessionID,
            runID: Fixture.runID,
            boundary: .runCheckpoint,
            inputs: [Fixture.inputs[0], Fixture.inputs[15]],
            turnMetadata: Fixture.metadata,
            executionKind: .resumePending
        )
        let wire = WarrenProto.RunAssignment(assignment, assignmentSeq: 2, deadline: Fixture.time)
        guard case .stagedInput(let staged) = wire.primitive?.primitive else {
            Issue.record("not a staged input")
            return
        }
        #expect(staged.appends.count == 1)
        #expect(staged.contributingInputIDs == [Fixture.inputID.rawValue, Fixture.inputID.rawValue])
        #expect(wire.runtimeID == Fixture.sessionID.rawValue && wire.deadlineUnixNanos == Fixture.time.unixNanos)
        let decoded = try roundTrip(assignment, { WarrenProto.RunAssignment($0, assignmentSeq: 2) }) {
            try WarrenRuntime.RunAssignment(wire: $0, field: "assignment")
        }
        #expect(decoded == assignment)
        var immediate = wire
        immediate.primitive = RunPrimitive(primitive: .immediateAppend(ConversationAppend()))
        #expect(
            invalidArgument { () throws(RPCError) in _ = try WarrenRuntime.RunAssignment(wire: immediate, field: "a") }?
                .message
                == "a.primitive: only staged_input primitives are supported"
        )
    }

    @Test("control commands survive the trip")
    func controlCommands() throws {
        for command in [
            WarrenRuntime.RunControlCommand.cancelCurrentRun(reason: "r"), .stopRuntimeExecutor(reason: "s"),
        ] {
            let control = WarrenProto.RunControl(command, sessionID: Fixture.sessionID, runID: nil, controlSeq: 3)
            #expect(control.runID.isEmpty && control.controlSeq == 3)
            let decoded = try roundTrip(command, WarrenProto.RunControlCommand.init) {
                try WarrenRuntime.RunControlCommand(wire: $0, field: "command")
            }
            #expect(decoded == command)
        }
        #expect(
            invalidArgument { () throws(RPCError) in
                _ = try WarrenRuntime.RunControlCommand(wire: WarrenProto.RunControlCommand(), field: "command")
            }?.message == "command: no variant set"
        )
    }
}
