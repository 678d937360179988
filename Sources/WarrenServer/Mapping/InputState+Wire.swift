package import WarrenProto
package import WarrenRPC
package import WarrenRuntime

extension WarrenProto.InputState {
    /// The wire form of a ledger record. Warren never fills the reconstruction source or the recovery
    /// count (v0.5.2 never used them), so they stay absent and 0.
    package init(_ state: WarrenRuntime.InputState) {
        self.init(
            inputID: state.inputID.rawValue,
            currentState: WarrenProto.InputLifecycleState(state.state),
            policy: state.policy.map {
                PolicySnapshot(version: $0.policyVersion, decision: WarrenProto.PolicyDecision($0))
            },
            terminalOutcome: state.terminalOutcome.map(WarrenProto.InputTerminalOutcome.init),
            durability: state.durability.map(WarrenProto.InputDurability.init) ?? .unspecified,
            idempotencyKey: state.idempotencyKey.wireText,
            attemptCount: state.attemptCount,
            history: state.history.map(WarrenProto.InputStateHistoryEntry.init),
            persistedInput: state.persistedInput.map(WarrenProto.Input.init),
            lastRunID: state.lastRunID.wireID(),
            lastBoundarySequence: state.lastBoundarySequence.map { UInt64Value(value: $0) },
            createdAtUnixNanos: state.createdAt.wire,
            updatedAtUnixNanos: state.updatedAt.wire
        )
    }
}

extension WarrenRuntime.InputState {
    /// Reads a ledger record, without its history (D42).
    package init(wire: WarrenProto.InputState, field: String) throws(RPCError) {
        self = .restored(
            inputID: try InputID(wire: wire.inputID, field: "\(field).input_id"),
            state: try WarrenRuntime.InputLifecycleState(wire: wire.currentState, field: "\(field).current_state"),
            terminalOutcome: try wire.terminalOutcome.map { (outcome) throws(RPCError) in
                try WarrenRuntime.InputTerminalOutcome(wire: outcome, field: "\(field).terminal_outcome")
            },
            lastRunID: try RunID.optional(wire: wire.lastRunID, field: "\(field).last_run_id"),
            lastBoundarySequence: wire.lastBoundarySequence?.value,
            attemptCount: wire.attemptCount,
            // InputStateHistoryEntry has no public initializer, so history cannot be rebuilt outside
            // WarrenRuntime; the server only ever sends it (D42).
            history: [],
            createdAt: Timestamp(unixNanos: wire.createdAtUnixNanos),
            updatedAt: Timestamp(unixNanos: wire.updatedAtUnixNanos)
        )
        policy = try wire.policy.map { (snapshot) throws(RPCError) in
            let path = "\(field).policy.decision"
            return try WarrenRuntime.PolicyDecision(wire: requireWire(snapshot.decision, path), field: path)
        }
        durability =
            wire.durability == .unspecified
            ? nil : try WarrenRuntime.InputDurability(wire: wire.durability, field: "\(field).durability")
        idempotencyKey = wire.idempotencyKey.nonEmpty
        persistedInput = try wire.persistedInput.map { (input) throws(RPCError) in
            try WarrenRuntime.Input(wire: input, field: "\(field).persisted_input")
        }
    }
}

extension WarrenProto.InputStateHistoryEntry {
    /// The wire form of one recorded transition.
    package init(_ entry: WarrenRuntime.InputStateHistoryEntry) {
        self.init(
            timestampUnixNanos: entry.timestamp.wire,
            fromState: WarrenProto.InputLifecycleState(entry.from),
            toState: WarrenProto.InputLifecycleState(entry.to),
            reason: entry.reason
        )
    }
}

extension WarrenProto.InputLifecycleState {
    /// The wire form of a lifecycle state.
    package init(_ state: WarrenRuntime.InputLifecycleState) {
        switch state {
        case .accepted: self = .accepted
        case .queued: self = .queued
        case .staged: self = .staged
        case .applied: self = .applied
        case .appliedPendingConsumption: self = .appliedPendingConsumption
        case .consumed: self = .consumed
        case .superseded: self = .superseded
        case .coalesced: self = .coalesced
        case .abandoned: self = .abandoned
        }
    }
}

extension WarrenRuntime.InputLifecycleState {
    /// Reads a required lifecycle state.
    package init(wire: WarrenProto.InputLifecycleState, field: String) throws(RPCError) {
        switch wire {
        case .accepted: self = .accepted
        case .queued: self = .queued
        case .staged: self = .staged
        case .applied: self = .applied
        case .appliedPendingConsumption: self = .appliedPendingConsumption
        case .consumed: self = .consumed
        case .superseded: self = .superseded
        case .coalesced: self = .coalesced
        case .abandoned: self = .abandoned
        case .unspecified, .unrecognized: throw invalidEnum(wire, field)
        }
    }
}

extension WarrenProto.InputTerminalOutcome {
    /// The wire form of how an input ended.
    package init(_ outcome: WarrenRuntime.InputTerminalOutcome) {
        switch outcome {
        case .consumed:
            self.init(outcome: .consumed(InputOutcomeConsumed()))
        case .superseded(let by):
            self.init(outcome: .superseded(InputOutcomeSuperseded(supersededBy: by.rawValue)))
        case .coalesced(let into):
            self.init(outcome: .coalesced(InputOutcomeCoalesced(aggregateID: into.rawValue)))
        case .abandoned(let reason):
            self.init(outcome: .abandoned(InputOutcomeAbandoned(reason: WarrenProto.InputAbandonReason(reason))))
        }
    }
}

extension WarrenRuntime.InputTerminalOutcome {
    /// Reads how an input ended.
    package init(wire: WarrenProto.InputTerminalOutcome, field: String) throws(RPCError) {
        switch try requireOneof(wire.outcome, field) {
        case .consumed: self = .consumed
        case .superseded(let superseded):
            self = .superseded(
                by: try InputID(wire: superseded.supersededBy, field: "\(field).superseded.superseded_by")
            )
        case .coalesced(let coalesced):
            self = .coalesced(into: try InputID(wire: coalesced.aggregateID, field: "\(field).coalesced.aggregate_id"))
        case .abandoned(let abandoned):
            let path = "\(field).abandoned.reason"
            self = .abandoned(
                try WarrenRuntime.InputAbandonReason(wire: requireWire(abandoned.reason, path), field: path)
            )
        }
    }
}

extension WarrenProto.InputAbandonReasonKind {
    /// The number that carries Warren's `failed` abandon reason until the schema names it (D42).
    static let failed = Self(rawValue: 6)
}

extension WarrenProto.InputAbandonReason {
    /// The wire form of an abandon reason.
    package init(_ reason: WarrenRuntime.InputAbandonReason) {
        switch reason {
        case .retired: self.init(kind: .retired)
        case .reset: self.init(kind: .reset)
        case .destroyed: self.init(kind: .destroyed)
        case .cancelled: self.init(kind: .cancelled)
        case .maxAttemptsExhausted(let attempts): self.init(kind: .maxAttemptsExhausted, attempts: attempts)
        case .failed: self.init(kind: .failed)
        }
    }
}

extension WarrenRuntime.InputAbandonReason {
    /// Reads an abandon reason.
    package init(wire: WarrenProto.InputAbandonReason, field: String) throws(RPCError) {
        switch wire.kind {
        case .retired: self = .retired
        case .reset: self = .reset
        case .destroyed: self = .destroyed
        case .cancelled: self = .cancelled
        case .maxAttemptsExhausted: self = .maxAttemptsExhausted(attempts: wire.attempts)
        case .failed: self = .failed
        case .unspecified, .unrecognized: throw invalidEnum(wire.kind, "\(field).kind")
        }
    }
}
