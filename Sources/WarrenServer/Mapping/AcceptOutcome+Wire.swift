package import WarrenProto
package import WarrenRPC
package import WarrenRuntime

extension WarrenProto.AcceptOutcome {
    /// The wire form of an admission result.
    package init(_ outcome: WarrenRuntime.AcceptOutcome) {
        switch outcome {
        case .accepted(let inputID, let policy, let state):
            self.init(
                outcome: .accepted(
                    AcceptOutcomeAccepted(
                        inputID: inputID.rawValue,
                        policy: WarrenProto.PolicyDecision(policy),
                        state: WarrenProto.InputState(state)
                    )
                )
            )
        case .deduplicated(let inputID, let existingID):
            self.init(
                outcome: .deduplicated(
                    AcceptOutcomeDeduplicated(inputID: inputID.rawValue, existingID: existingID.rawValue)
                )
            )
        case .rejected(let reason):
            self.init(outcome: .rejected(AcceptOutcomeRejected(reason: WarrenProto.RejectReason(reason))))
        }
    }
}

extension WarrenRuntime.AcceptOutcome {
    /// Reads an admission result.
    package init(wire: WarrenProto.AcceptOutcome, field: String) throws(RPCError) {
        switch try requireOneof(wire.outcome, field) {
        case .accepted(let accepted):
            let path = "\(field).accepted"
            self = .accepted(
                inputID: try InputID(wire: accepted.inputID, field: "\(path).input_id"),
                policy: try WarrenRuntime.PolicyDecision(
                    wire: requireWire(accepted.policy, "\(path).policy"),
                    field: "\(path).policy"
                ),
                state: try WarrenRuntime.InputState(
                    wire: requireWire(accepted.state, "\(path).state"),
                    field: "\(path).state"
                )
            )
        case .deduplicated(let deduplicated):
            let path = "\(field).deduplicated"
            self = .deduplicated(
                inputID: try InputID(wire: deduplicated.inputID, field: "\(path).input_id"),
                existingID: try InputID(wire: deduplicated.existingID, field: "\(path).existing_id")
            )
        case .rejected(let rejected):
            let path = "\(field).rejected.reason"
            self = .rejected(try WarrenRuntime.RejectReason(wire: requireWire(rejected.reason, path), field: path))
        }
    }
}

extension WarrenProto.RejectReason {
    /// The wire form of a rejection. The typed durability rule is recovered from the domain's detail text,
    /// which names it (D41).
    package init(_ reason: WarrenRuntime.RejectReason) {
        switch reason {
        case .notReady(let state):
            self.init(
                reason: .notReady(
                    RejectReasonNotReady(state: WarrenProto.RuntimeState(state), stateText: state.rawValue)
                )
            )
        case .durabilityViolation(let detail):
            self.init(reason: .durabilityViolation(Self.durabilityViolation(detail)))
        case .peerHandlingModeInvalid(let detail):
            self.init(reason: .peerHandlingModeInvalid(RejectReasonPeerHandlingModeInvalid(detail: detail)))
        }
    }

    private static let derivedForKindPrefix = "Derived durability forbidden for "

    private static func durabilityViolation(_ detail: String) -> RejectReasonDurabilityViolation {
        if detail.hasPrefix(derivedForKindPrefix) {
            return RejectReasonDurabilityViolation(
                detail: detail,
                violation: .derivedForbiddenForKind,
                kindID: String(detail.dropFirst(derivedForKindPrefix.count))
            )
        }
        return RejectReasonDurabilityViolation(detail: detail, violation: .externalDerivedForbidden)
    }
}

extension WarrenRuntime.RejectReason {
    /// Reads a rejection; the detail text is authoritative, the typed rule is informational.
    package init(wire: WarrenProto.RejectReason, field: String) throws(RPCError) {
        switch try requireOneof(wire.reason, field) {
        case .notReady(let notReady):
            self = .notReady(
                state: try WarrenRuntime.RuntimeState(wire: notReady.state, field: "\(field).not_ready.state")
            )
        case .durabilityViolation(let violation):
            self = .durabilityViolation(detail: violation.detail)
        case .peerHandlingModeInvalid(let invalid):
            self = .peerHandlingModeInvalid(detail: invalid.detail)
        }
    }
}
