package import WarrenProto
package import WarrenRPC
package import WarrenRuntime

extension WarrenProto.RuntimeEvent {
    /// The wire form of an event; topology events name their runtime, which the domain event leaves to
    /// its envelope.
    package init(_ event: WarrenRuntime.RuntimeEvent, runtimeID: RuntimeID) {
        let runtime = runtimeID.rawValue
        switch event {
        case .inputAccepted(let inputID, let kind):
            self.init(event: .inputAccepted(InputAcceptedEvent(inputID: inputID.rawValue, kindID: kind.rawValue)))
        case .inputQueued(let inputID, let requeuedFrom, let attempts):
            self.init(
                event: .inputQueued(
                    InputQueuedEvent(
                        inputID: inputID.rawValue,
                        requeuedFromRunID: requeuedFrom.wireID(),
                        attemptCount: attempts
                    )
                )
            )
        case .inputDeduplicated(let inputID, let existingID):
            self.init(
                event: .inputDeduplicated(
                    InputDeduplicatedEvent(inputID: inputID.rawValue, existingID: existingID.rawValue)
                )
            )
        case .inputSuperseded(let inputID, let by):
            self.init(
                event: .inputSuperseded(InputSupersededEvent(inputID: inputID.rawValue, supersededBy: by.rawValue))
            )
        case .inputCoalesced(let inputID, let into):
            self.init(
                event: .inputCoalesced(InputCoalescedEvent(inputID: inputID.rawValue, aggregateID: into.rawValue))
            )
        case .inputStaged(let inputID, let runID):
            self.init(event: .inputStaged(InputStagedEvent(inputID: inputID.rawValue, runID: runID.rawValue)))
        case .inputApplied(let inputID, let runID, let sequence):
            self.init(
                event: .inputApplied(
                    InputAppliedEvent(inputID: inputID.rawValue, runID: runID.rawValue, boundarySequence: sequence)
                )
            )
        case .inputConsumed(let inputID, let runID):
            self.init(event: .inputConsumed(InputConsumedEvent(inputID: inputID.rawValue, runID: runID.wireID())))
        case .inputAbandoned(let inputID, let reason):
            self.init(
                event: .inputAbandoned(
                    InputAbandonedEvent(inputID: inputID.rawValue, reason: WarrenProto.InputAbandonReason(reason))
                )
            )
        case .runStarted(let runID, let inputIDs, let boundary, let executorName):
            self.init(
                event: .runStarted(
                    RunStartedEvent(
                        runID: runID.rawValue,
                        contributingInputIDs: inputIDs.wireIDs(),
                        boundary: RunApplyBoundary(boundary),
                        executorName: executorName
                    )
                )
            )
        case .runCompleted(let runID, let consumed):
            self.init(
                event: .runCompleted(RunCompletedEvent(runID: runID.rawValue, consumedInputIDs: consumed.wireIDs()))
            )
        case .runFailed(let runID, let error, let recoverable):
            self.init(
                event: .runFailed(RunFailedEvent(runID: runID.rawValue, errorMessage: error, recoverable: recoverable))
            )
        case .runCancelled(let runID, let reason):
            self.init(event: .runCancelled(RunCancelledEvent(runID: runID.rawValue, reason: reason)))
        case .runtimeStateChanged(let from, let to):
            self.init(
                event: .runtimeStateChanged(
                    RuntimeStateChangedEvent(
                        fromState: WarrenProto.RuntimeState(from),
                        toState: WarrenProto.RuntimeState(to)
                    )
                )
            )
        case .runtimeCreated:
            self.init(event: .runtimeCreated(RuntimeCreatedEvent(runtimeID: runtime)))
        case .runtimeRetired(let report):
            self.init(
                event: .runtimeRetired(
                    RuntimeRetiredEvent(runtimeID: runtime, report: WarrenProto.RetireReport(report))
                )
            )
        case .runtimeRecycled(let report):
            self.init(
                event: .runtimeRecycled(
                    RuntimeRecycledEvent(runtimeID: runtime, report: WarrenProto.RecycleReport(report))
                )
            )
        case .runtimeDestroyed(let report):
            self.init(
                event: .runtimeDestroyed(
                    RuntimeDestroyedEvent(runtimeID: runtime, report: WarrenProto.DestroyReport(report))
                )
            )
        case .runtimeReset(let report):
            self.init(
                event: .runtimeReset(RuntimeResetEvent(runtimeID: runtime, report: WarrenProto.ResetReport(report)))
            )
        case .runtimeRecovered(let report):
            self.init(
                event: .runtimeRecovered(
                    RuntimeRecoveredEvent(runtimeID: runtime, report: WarrenProto.RecoveryReport(report))
                )
            )
        case .runtimeUnregistered:
            self.init(event: .runtimeUnregistered(RuntimeUnregisteredEvent(runtimeID: runtime)))
        case .executorAttached(let name):
            // The domain event names the executor only; built-in names are the catalog's.
            self.init(
                event: .executorAttached(
                    ExecutorAttachedEvent(
                        runtimeID: runtime,
                        executorName: name,
                        builtin: BuiltinExecutors.make(name) != nil
                    )
                )
            )
        case .executorDetached(let name, let reason):
            self.init(
                event: .executorDetached(ExecutorDetachedEvent(runtimeID: runtime, executorName: name, reason: reason))
            )
        case .boundaryCommitted(let receipt):
            self.init(
                event: .boundaryCommitted(BoundaryCommittedEvent(receipt: WarrenProto.RunBoundaryReceipt(receipt)))
            )
        case .commsDrainChanged(let from, let to, let mode, let exitReason):
            self.init(
                event: .commsDrainChanged(
                    CommsDrainChangedEvent(
                        fromPhase: WarrenProto.CommsDrainPhase(from),
                        toPhase: WarrenProto.CommsDrainPhase(to),
                        mode: WarrenProto.CommsDrainMode(mode),
                        exitReason: WarrenProto.DrainExitReason(exitReason)
                    )
                )
            )
        case .published(let code, let payload, let contentType, let attributes):
            self.init(
                event: .published(
                    PublishedEvent(code: code, payload: payload, contentType: contentType, attributes: attributes)
                )
            )
        }
    }
}

extension WarrenRuntime.RuntimeEvent {
    /// Reads an event. The wire's runtime ids inside topology events are dropped (the envelope carries the
    /// runtime); kinds Warren's runtime never emits are refused.
    package init(wire: WarrenProto.RuntimeEvent, field: String) throws(RPCError) {
        switch try requireOneof(wire.event, field) {
        case .inputAccepted(let event):
            let path = "\(field).input_accepted"
            guard let kind = InputKind(rawValue: event.kindID) else {
                throw RPCError.invalidWire("\(path).kind_id", "unknown input kind \"\(event.kindID)\"")
            }
            self = .inputAccepted(inputID: try InputID(wire: event.inputID, field: "\(path).input_id"), kind: kind)
        case .inputQueued(let event):
            let path = "\(field).input_queued"
            self = .inputQueued(
                inputID: try InputID(wire: event.inputID, field: "\(path).input_id"),
                requeuedFromRunID: try RunID.optional(
                    wire: event.requeuedFromRunID,
                    field: "\(path).requeued_from_run_id"
                ),
                attemptCount: event.attemptCount
            )
        case .inputDeduplicated(let event):
            let path = "\(field).input_deduplicated"
            self = .inputDeduplicated(
                inputID: try InputID(wire: event.inputID, field: "\(path).input_id"),
                existingID: try InputID(wire: event.existingID, field: "\(path).existing_id")
            )
        case .inputSuperseded(let event):
            let path = "\(field).input_superseded"
            self = .inputSuperseded(
                inputID: try InputID(wire: event.inputID, field: "\(path).input_id"),
                by: try InputID(wire: event.supersededBy, field: "\(path).superseded_by")
            )
        case .inputCoalesced(let event):
            let path = "\(field).input_coalesced"
            self = .inputCoalesced(
                inputID: try InputID(wire: event.inputID, field: "\(path).input_id"),
                into: try InputID(wire: event.aggregateID, field: "\(path).aggregate_id")
            )
        case .inputStaged(let event):
            let path = "\(field).input_staged"
            self = .inputStaged(
                inputID: try InputID(wire: event.inputID, field: "\(path).input_id"),
                runID: try RunID(wire: event.runID, field: "\(path).run_id")
            )
        case .inputApplied(let event):
            let path = "\(field).input_applied"
            self = .inputApplied(
                inputID: try InputID(wire: event.inputID, field: "\(path).input_id"),
                runID: try RunID(wire: event.runID, field: "\(path).run_id"),
                boundarySequence: event.boundarySequence
            )
        case .inputConsumed(let event):
            let path = "\(field).input_consumed"
            self = .inputConsumed(
                inputID: try InputID(wire: event.inputID, field: "\(path).input_id"),
                runID: try RunID.optional(wire: event.runID, field: "\(path).run_id")
            )
        case .inputAbandoned(let event):
            let path = "\(field).input_abandoned"
            self = .inputAbandoned(
                inputID: try InputID(wire: event.inputID, field: "\(path).input_id"),
                reason: try InputAbandonReason(
                    wire: requireWire(event.reason, "\(path).reason"),
                    field: "\(path).reason"
                )
            )
        case .runStarted(let event):
            let path = "\(field).run_started"
            self = .runStarted(
                runID: try RunID(wire: event.runID, field: "\(path).run_id"),
                inputIDs: try InputID.list(wire: event.contributingInputIDs, field: "\(path).contributing_input_ids"),
                boundary: try RunBoundary(wire: event.boundary, field: "\(path).boundary"),
                executorName: event.executorName
            )
        case .runCompleted(let event):
            let path = "\(field).run_completed"
            self = .runCompleted(
                runID: try RunID(wire: event.runID, field: "\(path).run_id"),
                consumedInputIDs: try InputID.list(wire: event.consumedInputIDs, field: "\(path).consumed_input_ids")
            )
        case .runFailed(let event):
            self = .runFailed(
                runID: try RunID(wire: event.runID, field: "\(field).run_failed.run_id"),
                error: event.errorMessage,
                recoverable: event.recoverable
            )
        case .runCancelled(let event):
            self = .runCancelled(
                runID: try RunID(wire: event.runID, field: "\(field).run_cancelled.run_id"),
                reason: event.reason
            )
        case .runtimeStateChanged(let event):
            let path = "\(field).runtime_state_changed"
            self = .runtimeStateChanged(
                from: try RuntimeState(wire: event.fromState, field: "\(path).from_state"),
                to: try RuntimeState(wire: event.toState, field: "\(path).to_state")
            )
        case .runtimeCreated: self = .runtimeCreated
        case .runtimeRetired(let event):
            self = .runtimeRetired(RetireReport(wire: try requireWire(event.report, "\(field).runtime_retired.report")))
        case .runtimeRecycled(let event):
            self = .runtimeRecycled(
                RecycleReport(wire: try requireWire(event.report, "\(field).runtime_recycled.report"))
            )
        case .runtimeDestroyed(let event):
            self = .runtimeDestroyed(
                DestroyReport(wire: try requireWire(event.report, "\(field).runtime_destroyed.report"))
            )
        case .runtimeReset(let event):
            self = .runtimeReset(ResetReport(wire: try requireWire(event.report, "\(field).runtime_reset.report")))
        case .runtimeRecovered(let event):
            self = .runtimeRecovered(
                RecoveryReport(wire: try requireWire(event.report, "\(field).runtime_recovered.report"))
            )
        case .runtimeUnregistered: self = .runtimeUnregistered
        case .executorAttached(let event): self = .executorAttached(name: event.executorName)
        case .executorDetached(let event): self = .executorDetached(name: event.executorName, reason: event.reason)
        case .boundaryCommitted(let event):
            let path = "\(field).boundary_committed.receipt"
            self = .boundaryCommitted(try RunBoundaryReceipt(wire: requireWire(event.receipt, path), field: path))
        case .commsDrainChanged(let event):
            let path = "\(field).comms_drain_changed"
            self = .commsDrainChanged(
                from: try CommsDrainPhase(wire: event.fromPhase, field: "\(path).from_phase"),
                to: try CommsDrainPhase(wire: event.toPhase, field: "\(path).to_phase"),
                mode: try CommsDrainMode.optional(wire: event.mode, field: "\(path).mode"),
                exitReason: try DrainExitReason.optional(wire: event.exitReason, field: "\(path).exit_reason")
            )
        case .published(let event):
            self = .published(
                code: event.code,
                payload: event.payload,
                contentType: event.contentType,
                attributes: event.attributes
            )
        case .inputStateTransitioned:
            throw RPCError.invalidWire("\(field).input_state_transitioned", Self.notEmitted)
        case .projectionEmitted:
            throw RPCError.invalidWire("\(field).projection_emitted", Self.notEmitted)
        case .opsStatusChanged:
            throw RPCError.invalidWire("\(field).ops_status_changed", Self.notEmitted)
        case .opsProgressReported:
            throw RPCError.invalidWire("\(field).ops_progress_reported", Self.notEmitted)
        case .opsPeerReady:
            throw RPCError.invalidWire("\(field).ops_peer_ready", Self.notEmitted)
        }
    }

    private static let notEmitted = "this event kind has no domain form in Warren's runtime"
}
