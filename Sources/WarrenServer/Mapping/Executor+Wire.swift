package import WarrenProto
package import WarrenRPC
package import WarrenRuntime

extension WarrenProto.RunAssignment {
    /// The wire form of a run for a remote executor: a staged-input primitive with one user append per
    /// input that has text, the inputs themselves, and the batch's turn metadata and execution kind.
    package init(_ assignment: WarrenRuntime.RunAssignment, assignmentSeq: UInt64, deadline: Timestamp? = nil) {
        let staged = StagedRunInput(
            boundary: RunApplyBoundary(assignment.boundary),
            appends: assignment.inputs.compactMap(Self.userAppend),
            contributingInputIDs: assignment.contributingInputIDs.wireIDs(),
            turnMetadata: WarrenProto.RuntimeTurnMetadata(
                assignment.turnMetadata,
                executionKind: assignment.executionKind
            )
        )
        self.init(
            sessionID: assignment.sessionID.rawValue,
            runtimeID: assignment.sessionID.runtimeID.rawValue,
            runID: assignment.runID.rawValue,
            assignmentSeq: assignmentSeq,
            primitive: RunPrimitive(primitive: .stagedInput(staged)),
            inputs: assignment.inputs.map(WarrenProto.Input.init),
            deadlineUnixNanos: deadline.wire
        )
    }

    private static func userAppend(_ input: WarrenRuntime.Input) -> ConversationAppend? {
        input.text.isEmpty ? nil : ConversationAppend(role: .user, content: CoreRenderable(content: .text(input.text)))
    }
}

extension WarrenRuntime.RunAssignment {
    /// Reads a run assignment (an executor's side); only staged-input primitives have a domain form.
    package init(wire: WarrenProto.RunAssignment, field: String) throws(RPCError) {
        let primitivePath = "\(field).primitive"
        guard
            case .stagedInput(let staged) = try requireOneof(
                requireWire(wire.primitive, primitivePath).primitive,
                primitivePath
            )
        else { throw RPCError.invalidWire(primitivePath, "only staged_input primitives are supported") }
        let stagedPath = "\(primitivePath).staged_input"
        let metadata = staged.turnMetadata ?? WarrenProto.RuntimeTurnMetadata()
        self.init(
            sessionID: try SessionID(wire: wire.sessionID, field: "\(field).session_id"),
            runID: try RunID(wire: wire.runID, field: "\(field).run_id"),
            boundary: try RunBoundary(wire: staged.boundary, field: "\(stagedPath).boundary"),
            inputs: try decodeEach(wire.inputs, "\(field).inputs") { (input, path) throws(RPCError) in
                try WarrenRuntime.Input(wire: input, field: path)
            },
            turnMetadata: try WarrenRuntime.RuntimeTurnMetadata(wire: metadata, field: "\(stagedPath).turn_metadata"),
            executionKind: try WarrenRuntime.RuntimeExecutionKind(
                wire: metadata.executionKind,
                field: "\(stagedPath).turn_metadata.execution_kind"
            )
        )
    }
}

extension WarrenProto.RunOutcome {
    /// The wire form of a run's outcome; a completion with an executor receipt is `boundary_applied`.
    package init(_ outcome: WarrenRuntime.RunOutcome, sessionID: SessionID, runID: RunID, assignmentSeq: UInt64) {
        self.init(
            sessionID: sessionID.rawValue,
            runID: runID.rawValue,
            assignmentSeq: assignmentSeq,
            outcome: Self.outcome(outcome)
        )
    }

    private static func outcome(_ outcome: WarrenRuntime.RunOutcome) -> Outcome {
        switch outcome {
        case .completed(let terminal, let receipt?, let snapshot):
            let output = CoreApplyOutput(
                receipt: WarrenProto.RunBoundaryReceipt(receipt),
                sessionSnapshot: snapshot.wireBytes,
                terminal: terminal.map(CoreApplyOutput.Terminal.init)
            )
            return .boundaryApplied(RunOutcomeBoundaryApplied(output: output))
        case .completed(let terminal, nil, let snapshot):
            return .completed(
                RunOutcomeCompleted(
                    sessionSnapshot: snapshot.wireBytes,
                    terminal: terminal.map(RunOutcomeCompleted.Terminal.init)
                )
            )
        case .failed(let error, let recoverable):
            return .failed(RunOutcomeFailed(errorMessage: error, recoverable: recoverable, errorKind: .applyFailed))
        case .cancelled(let reason):
            return .cancelled(RunOutcomeCancelled(reason: reason))
        }
    }
}

extension WarrenRuntime.RunOutcome {
    /// Reads an executor's outcome; the caller checks its session, run id and sequence against the
    /// assignment. The failure's error kind is informational and dropped.
    package init(wire: WarrenProto.RunOutcome, field: String) throws(RPCError) {
        switch try requireOneof(wire.outcome, "\(field).outcome") {
        case .completed(let completed):
            self = .completed(
                terminal: completed.terminal.map(RunTerminal.init),
                sessionSnapshot: completed.sessionSnapshot.nonEmpty
            )
        case .boundaryApplied(let applied):
            let outputPath = "\(field).boundary_applied.output"
            let output = try requireWire(applied.output, outputPath)
            let receiptPath = "\(outputPath).receipt"
            self = .completed(
                terminal: output.terminal.map(RunTerminal.init),
                receipt: try RunBoundaryReceipt(wire: requireWire(output.receipt, receiptPath), field: receiptPath),
                sessionSnapshot: output.sessionSnapshot.nonEmpty
            )
        case .failed(let failed):
            self = .failed(error: failed.errorMessage, recoverable: failed.recoverable)
        case .cancelled(let cancelled):
            self = .cancelled(reason: cancelled.reason)
        }
    }
}

extension CoreApplyOutput.Terminal {
    /// The wire form of a turn terminal inside an apply output.
    package init(_ terminal: RunTerminal) {
        switch terminal {
        case .result(let result): self = .runResult(WarrenProto.RunResult(result))
        case .callbackPending(let toolName, let argumentsJSON):
            self = .callbackPending(CallbackPending(toolName: toolName, argsJson: argumentsJSON))
        }
    }
}

extension RunOutcomeCompleted.Terminal {
    /// The wire form of a turn terminal inside a completed outcome.
    package init(_ terminal: RunTerminal) {
        switch terminal {
        case .result(let result): self = .runResult(WarrenProto.RunResult(result))
        case .callbackPending(let toolName, let argumentsJSON):
            self = .callbackPending(CallbackPending(toolName: toolName, argsJson: argumentsJSON))
        }
    }
}

extension RunTerminal {
    /// Reads a turn terminal of an apply output.
    package init(_ wire: CoreApplyOutput.Terminal) {
        switch wire {
        case .runResult(let result): self = .result(WarrenRuntime.RunResult(wire: result))
        case .callbackPending(let pending):
            self = .callbackPending(toolName: pending.toolName, argumentsJSON: pending.argsJson)
        }
    }

    /// Reads a turn terminal of a completed outcome.
    package init(_ wire: RunOutcomeCompleted.Terminal) {
        switch wire {
        case .runResult(let result): self = .result(WarrenRuntime.RunResult(wire: result))
        case .callbackPending(let pending):
            self = .callbackPending(toolName: pending.toolName, argumentsJSON: pending.argsJson)
        }
    }
}

extension WarrenProto.RunControl {
    /// The wire form of a control command pushed to an executor.
    package init(_ command: WarrenRuntime.RunControlCommand, sessionID: SessionID, runID: RunID?, controlSeq: UInt64) {
        self.init(
            sessionID: sessionID.rawValue,
            runtimeID: sessionID.runtimeID.rawValue,
            runID: runID.wireID(),
            controlSeq: controlSeq,
            command: WarrenProto.RunControlCommand(command)
        )
    }
}

extension WarrenProto.RunControlCommand {
    /// The wire form of a control command.
    package init(_ command: WarrenRuntime.RunControlCommand) {
        switch command {
        case .cancelCurrentRun(let reason):
            self.init(command: .cancelCurrentRun(RunControlCancelCurrentRun(reason: reason)))
        case .stopRuntimeExecutor(let reason):
            self.init(command: .stopRuntimeExecutor(RunControlStopRuntimeExecutor(reason: reason)))
        }
    }
}

extension WarrenRuntime.RunControlCommand {
    /// Reads a control command (StopRuntimeExecutor, or an executor reading its control stream).
    package init(wire: WarrenProto.RunControlCommand, field: String) throws(RPCError) {
        switch try requireOneof(wire.command, field) {
        case .cancelCurrentRun(let cancel): self = .cancelCurrentRun(reason: cancel.reason)
        case .stopRuntimeExecutor(let stop): self = .stopRuntimeExecutor(reason: stop.reason)
        }
    }
}
