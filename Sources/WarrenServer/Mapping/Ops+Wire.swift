package import WarrenProto
package import WarrenRPC
package import WarrenRuntime

extension WarrenProto.OperationLifecycleSnapshot {
    /// The wire form of an operation snapshot (ListOps); the elapsed time travels in whole milliseconds.
    package init(_ snapshot: WarrenRuntime.OperationLifecycleSnapshot) {
        self.init(
            operationID: snapshot.id.rawValue,
            kind: WarrenProto.OperationKind(snapshot.kind),
            displayName: snapshot.displayName,
            status: WarrenProto.OperationStatus(snapshot.status),
            peerReady: snapshot.peerReady,
            progressCount: snapshot.progressCount,
            watcherCount: snapshot.watcherCount,
            terminalOutcome: snapshot.terminalOutcome.map(WarrenProto.OperationTerminalOutcome.init),
            childSessionID: snapshot.childSessionID.wireID(),
            peerHandle: snapshot.peerHandle.map(WarrenProto.OperationPeerHandle.init),
            createdAtUnixNanos: snapshot.createdAt.wire,
            startedAtUnixNanos: snapshot.startedAt.wire,
            completedAtUnixNanos: snapshot.completedAt.wire,
            elapsedMs: snapshot.elapsed.map(Self.milliseconds) ?? 0
        )
    }

    private static func milliseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        return UInt64(clamping: seconds * 1_000 + attoseconds / 1_000_000_000_000_000)
    }
}

extension WarrenRuntime.OperationLifecycleSnapshot {
    /// Reads an operation snapshot; the elapsed time is present exactly when the operation completed.
    package init(wire: WarrenProto.OperationLifecycleSnapshot, field: String) throws(RPCError) {
        let completedAt = Timestamp.optional(wire: wire.completedAtUnixNanos)
        self.init(
            id: try OperationID(wire: wire.operationID, field: "\(field).operation_id"),
            kind: try WarrenRuntime.OperationKind(wire: wire.kind, field: "\(field).kind"),
            displayName: wire.displayName,
            status: try WarrenRuntime.OperationStatus(wire: wire.status, field: "\(field).status"),
            peerReady: wire.peerReady,
            progressCount: wire.progressCount,
            watcherCount: wire.watcherCount,
            terminalOutcome: try wire.terminalOutcome.map { (outcome) throws(RPCError) in
                try WarrenRuntime.OperationTerminalOutcome(wire: outcome, field: "\(field).terminal_outcome")
            },
            childSessionID: try SessionID.optional(wire: wire.childSessionID, field: "\(field).child_session_id"),
            peerHandle: wire.peerHandle.map(WarrenRuntime.OperationPeerHandle.init(wire:)),
            createdAt: Timestamp(unixNanos: wire.createdAtUnixNanos),
            startedAt: Timestamp.optional(wire: wire.startedAtUnixNanos),
            completedAt: completedAt,
            elapsed: completedAt.map { _ in .milliseconds(Int64(clamping: wire.elapsedMs)) }
        )
    }
}

extension WarrenProto.CompletionEntry {
    /// The wire form of a completion feed entry.
    package init(_ entry: WarrenRuntime.CompletionEntry) {
        self.init(
            seq: entry.seq,
            operationID: entry.operationID.rawValue,
            kind: WarrenProto.OperationKind(entry.kind),
            displayName: entry.displayName,
            terminalOutcome: WarrenProto.OperationTerminalOutcome(entry.terminalOutcome),
            completedAtUnixNanos: entry.completedAt.wire
        )
    }
}

extension WarrenRuntime.CompletionEntry {
    /// Reads a completion feed entry.
    package init(wire: WarrenProto.CompletionEntry, field: String) throws(RPCError) {
        let outcomePath = "\(field).terminal_outcome"
        self.init(
            seq: wire.seq,
            operationID: try OperationID(wire: wire.operationID, field: "\(field).operation_id"),
            kind: try WarrenRuntime.OperationKind(wire: wire.kind, field: "\(field).kind"),
            displayName: wire.displayName,
            terminalOutcome: try WarrenRuntime.OperationTerminalOutcome(
                wire: requireWire(wire.terminalOutcome, outcomePath),
                field: outcomePath
            ),
            completedAt: Timestamp.optional(wire: wire.completedAtUnixNanos)
        )
    }
}

extension WarrenProto.OperationSpec {
    /// The wire form of an operation's registration record.
    package init(_ spec: WarrenRuntime.OperationSpec) {
        self.init(
            operationID: spec.id.rawValue,
            kind: WarrenProto.OperationKind(spec.kind),
            ownerSessionID: spec.ownerSessionID.rawValue,
            displayName: spec.displayName,
            sourceLabel: spec.sourceLabel,
            childSessionID: spec.childSessionID.wireID(),
            expectPeerChannel: spec.expectPeerChannel
        )
    }
}

extension WarrenRuntime.OperationSpec {
    /// Reads an operation's registration record.
    package init(wire: WarrenProto.OperationSpec, field: String) throws(RPCError) {
        self.init(
            id: try OperationID(wire: wire.operationID, field: "\(field).operation_id"),
            kind: try WarrenRuntime.OperationKind(wire: wire.kind, field: "\(field).kind"),
            ownerSessionID: try SessionID(wire: wire.ownerSessionID, field: "\(field).owner_session_id"),
            displayName: wire.displayName,
            sourceLabel: wire.sourceLabel,
            childSessionID: try SessionID.optional(wire: wire.childSessionID, field: "\(field).child_session_id"),
            expectPeerChannel: wire.expectPeerChannel
        )
    }
}

extension WarrenProto.OperationTerminalOutcome {
    /// The wire form of how an operation ended.
    package init(_ outcome: WarrenRuntime.OperationTerminalOutcome) {
        switch outcome {
        case .completed(let result): self.init(outcome: .completed(WarrenProto.OperationResult(result)))
        case .failed(let error): self.init(outcome: .failed(OperationOutcomeFailed(errorMessage: error)))
        case .aborted(let reason): self.init(outcome: .aborted(OperationOutcomeAborted(reason: reason.wireText)))
        case .cancelled(let reason): self.init(outcome: .cancelled(OperationOutcomeCancelled(reason: reason.wireText)))
        case .retired: self.init(outcome: .retired(OperationOutcomeRetired()))
        case .terminated(let reason): self.init(outcome: .terminated(OperationOutcomeTerminated(reason: reason)))
        }
    }
}

extension WarrenRuntime.OperationTerminalOutcome {
    /// Reads how an operation ended.
    package init(wire: WarrenProto.OperationTerminalOutcome, field: String) throws(RPCError) {
        switch try requireOneof(wire.outcome, field) {
        case .completed(let result):
            self = .completed(result: try WarrenRuntime.OperationResult(wire: result, field: "\(field).completed"))
        case .failed(let failed): self = .failed(error: failed.errorMessage)
        case .aborted(let aborted): self = .aborted(reason: aborted.reason.nonEmpty)
        case .cancelled(let cancelled): self = .cancelled(reason: cancelled.reason.nonEmpty)
        case .retired: self = .retired
        case .terminated(let terminated): self = .terminated(reason: terminated.reason)
        }
    }
}

extension WarrenProto.OperationResult {
    /// The wire form of an operation's result.
    package init(_ result: WarrenRuntime.OperationResult) {
        self.init(
            operationID: result.operationID.rawValue,
            content: result.content,
            isError: result.isError,
            durationMs: result.durationMilliseconds,
            tokensUsed: result.tokensUsed
        )
    }
}

extension WarrenRuntime.OperationResult {
    /// Reads an operation's result.
    package init(wire: WarrenProto.OperationResult, field: String) throws(RPCError) {
        self.init(
            operationID: try OperationID(wire: wire.operationID, field: "\(field).operation_id"),
            content: wire.content,
            isError: wire.isError,
            durationMilliseconds: wire.durationMs,
            tokensUsed: wire.tokensUsed
        )
    }
}

extension WarrenProto.OperationPeerHandle {
    /// The wire form of a peer handle.
    package init(_ handle: WarrenRuntime.OperationPeerHandle) {
        self.init(
            peerName: handle.peerName,
            trustedPeer: TrustedPeerSpec(
                name: handle.trustedPeer.name,
                peerID: handle.trustedPeer.peerID,
                address: handle.trustedPeer.address
            )
        )
    }
}

extension WarrenRuntime.OperationPeerHandle {
    /// Reads a peer handle; an absent trusted peer reads as empty texts (none of its fields is an id).
    package init(wire: WarrenProto.OperationPeerHandle) {
        let peer = wire.trustedPeer ?? TrustedPeerSpec()
        self.init(
            peerName: wire.peerName,
            trustedPeer: TrustedPeer(name: peer.name, peerID: peer.peerID, address: peer.address)
        )
    }
}

extension WarrenProto.OperationProgressUpdate {
    /// The wire form of a progress report.
    package init(_ update: WarrenRuntime.OperationProgressUpdate) {
        self.init(message: update.message, percent: update.percent.map { DoubleValue(value: $0) })
    }
}

extension WarrenRuntime.OperationProgressUpdate {
    /// Reads a progress report.
    package init(wire: WarrenProto.OperationProgressUpdate) {
        self.init(message: wire.message, percent: wire.percent?.value)
    }
}

extension EpochCursorSnapshot {
    /// The wire form of an epoch's completion cursors.
    package init(_ cursors: OpsCursors) {
        self.init(
            agentAppliedCursor: cursors.agentApplied,
            runtimeObservedSeq: cursors.runtimeObserved,
            runtimeLastInjectedSeq: cursors.runtimeLastInjected
        )
    }
}

extension OpsCursors {
    /// Reads an epoch's completion cursors.
    package init(wire: EpochCursorSnapshot) {
        self.init(
            agentApplied: wire.agentAppliedCursor,
            runtimeObserved: wire.runtimeObservedSeq,
            runtimeLastInjected: wire.runtimeLastInjectedSeq
        )
    }
}

extension WarrenProto.OperationKind {
    /// The wire form of an operation kind.
    package init(_ kind: WarrenRuntime.OperationKind) {
        switch kind {
        case .mobMemberChild: self = .mobMemberChild
        case .backgroundToolOp: self = .backgroundToolOp
        }
    }
}

extension WarrenRuntime.OperationKind {
    /// Reads a required operation kind.
    package init(wire: WarrenProto.OperationKind, field: String) throws(RPCError) {
        switch wire {
        case .mobMemberChild: self = .mobMemberChild
        case .backgroundToolOp: self = .backgroundToolOp
        case .unspecified, .unrecognized: throw invalidEnum(wire, field)
        }
    }
}

extension WarrenProto.OperationStatus {
    /// The wire form of an operation status.
    package init(_ status: WarrenRuntime.OperationStatus) {
        switch status {
        case .absent: self = .absent
        case .provisioning: self = .provisioning
        case .running: self = .running
        case .retiring: self = .retiring
        case .completed: self = .completed
        case .failed: self = .failed
        case .aborted: self = .aborted
        case .cancelled: self = .cancelled
        case .retired: self = .retired
        case .terminated: self = .terminated
        }
    }
}

extension WarrenRuntime.OperationStatus {
    /// Reads a required operation status.
    package init(wire: WarrenProto.OperationStatus, field: String) throws(RPCError) {
        switch wire {
        case .absent: self = .absent
        case .provisioning: self = .provisioning
        case .running: self = .running
        case .retiring: self = .retiring
        case .completed: self = .completed
        case .failed: self = .failed
        case .aborted: self = .aborted
        case .cancelled: self = .cancelled
        case .retired: self = .retired
        case .terminated: self = .terminated
        case .unspecified, .unrecognized: throw invalidEnum(wire, field)
        }
    }
}
