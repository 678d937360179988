import Testing
import WarrenProto
import WarrenRPC
import WarrenRuntime
import WarrenServer

@Suite("Admission and ledger mapping")
struct AdmissionMappingTests {
    static let outcomes: [WarrenRuntime.AcceptOutcome] = [
        .accepted(inputID: Fixture.inputID, policy: Fixture.policy, state: Fixture.inputState()),
        .deduplicated(inputID: Fixture.inputID, existingID: Fixture.otherInputID),
        .rejected(.notReady(state: .retired)),
        .rejected(.durabilityViolation(detail: "Derived durability forbidden for prompt")),
        .rejected(.durabilityViolation(detail: "External ingress cannot submit derived inputs")),
        .rejected(.peerHandlingModeInvalid(detail: "handling_mode is forbidden on ResponseProgress peer inputs")),
    ]

    @Test("every accept outcome survives the trip", arguments: outcomes)
    func acceptOutcomeRoundTrip(_ outcome: WarrenRuntime.AcceptOutcome) throws {
        let decoded = try roundTrip(outcome, WarrenProto.AcceptOutcome.init) {
            try WarrenRuntime.AcceptOutcome(wire: $0, field: "outcome")
        }
        #expect(decoded == outcome)
    }

    @Test("a durability rejection also travels typed")
    func typedDurabilityViolation() {
        let wire = WarrenProto.RejectReason(.durabilityViolation(detail: "Derived durability forbidden for flow_step"))
        guard case .durabilityViolation(let violation) = wire.reason else {
            Issue.record("not a durability violation")
            return
        }
        #expect(violation.violation == .derivedForbiddenForKind && violation.kindID == "flow_step")
    }

    @Test("every policy enum value survives the trip")
    func policyEnums() throws {
        let decisions = [WarrenRuntime.ApplyMode.stageRunStart, .stageRunBoundary, .injectNow, .ignore].flatMap {
            apply in
            [WarrenRuntime.QueueMode.none, .fifo, .coalesce, .supersede, .priority].map { queue in
                WarrenRuntime.PolicyDecision(applyMode: apply, wakeMode: .wakeIfIdle, queueMode: queue)
            }
        }
        let more = zip(
            [WarrenRuntime.ConsumePoint.onAccept, .onApply, .onRunStart, .onRunComplete, .explicitAck],
            [WarrenRuntime.DrainPolicy.queueNextTurn, .steerBatch, .immediate, .ignore, .ignore]
        ).enumerated().map { index, pair in
            WarrenRuntime.PolicyDecision(
                applyMode: .ignore,
                wakeMode: .none,
                consumePoint: pair.0,
                drainPolicy: pair.1,
                routingDisposition: [.queue, .steer, .immediate, .drop, .queue][index]
            )
        }
        for policy in decisions + more {
            let decoded = try roundTrip(policy, WarrenProto.PolicyDecision.init) {
                try WarrenRuntime.PolicyDecision(wire: $0, field: "policy")
            }
            #expect(decoded == policy)
        }
    }

    @Test("every lifecycle state and terminal outcome survives the trip")
    func inputStates() throws {
        let outcomes: [WarrenRuntime.InputTerminalOutcome?] = [
            nil, .consumed, .superseded(by: Fixture.otherInputID), .coalesced(into: Fixture.otherInputID),
            .abandoned(.retired), .abandoned(.reset), .abandoned(.destroyed), .abandoned(.cancelled),
            .abandoned(.maxAttemptsExhausted(attempts: 3)), .abandoned(.failed),
        ]
        for state in WarrenRuntime.InputLifecycleState.allCases {
            for outcome in outcomes {
                let record = Fixture.inputState(state: state, outcome: outcome)
                let decoded = try roundTrip(record, WarrenProto.InputState.init) {
                    try WarrenRuntime.InputState(wire: $0, field: "state")
                }
                #expect(decoded == record)
            }
        }
    }

    @Test("history is sent but not rebuilt; a 0 boundary sequence stays present")
    func historyAndSequence() throws {
        var record = WarrenRuntime.InputState(acceptedID: Fixture.inputID, at: Fixture.time)
        try record.apply(.queueAccepted, at: Fixture.time)
        let wire = WarrenProto.InputState(record)
        #expect(
            wire.history == [
                WarrenProto.InputStateHistoryEntry(
                    timestampUnixNanos: Fixture.time.unixNanos,
                    fromState: .accepted,
                    toState: .queued,
                    reason: "QueueAccepted"
                )
            ]
        )
        #expect(wire.lastBoundarySequence == nil)
        #expect(WarrenProto.InputState(Fixture.inputState()).lastBoundarySequence == UInt64Value(value: 0))
        #expect(try WarrenRuntime.InputState(wire: wire, field: "s").history.isEmpty)
    }

    @Test("invalid ledger and outcome values are refused precisely")
    func invalid() {
        var state = WarrenProto.InputState(Fixture.inputState())
        state.currentState = .unspecified
        #expect(
            invalidArgument { () throws(RPCError) in _ = try WarrenRuntime.InputState(wire: state, field: "state") }?
                .message
                == "state.current_state: unspecified"
        )
        let accepted = WarrenProto.AcceptOutcome(
            outcome: .accepted(AcceptOutcomeAccepted(inputID: Fixture.inputID.rawValue))
        )
        #expect(
            invalidArgument { () throws(RPCError) in _ = try WarrenRuntime.AcceptOutcome(wire: accepted, field: "o") }?
                .message
                == "o.accepted.policy: missing"
        )
        let reason = WarrenProto.InputAbandonReason(kind: .unspecified)
        #expect(
            invalidArgument { () throws(RPCError) in _ = try WarrenRuntime.InputAbandonReason(wire: reason, field: "r")
            }?.message
                == "r.kind: unspecified"
        )
    }

    @Test("every runtime state survives the trip; UNSPECIFIED is refused")
    func runtimeStates() throws {
        for state in WarrenRuntime.RuntimeState.allCases {
            #expect(try WarrenRuntime.RuntimeState(wire: WarrenProto.RuntimeState(state), field: "s") == state)
        }
        #expect(
            invalidArgument { () throws(RPCError) in
                _ = try WarrenRuntime.RuntimeState(wire: .unspecified, field: "state")
            }?
            .message == "state: unspecified"
        )
    }
}
