package import WarrenProto
package import WarrenRPC
package import WarrenRuntime

extension WarrenProto.RunBoundaryReceipt {
    /// The wire form of a boundary receipt.
    package init(_ receipt: WarrenRuntime.RunBoundaryReceipt) {
        self.init(
            runID: receipt.runID.rawValue,
            boundary: RunApplyBoundary(receipt.boundary),
            contributingInputIDs: receipt.contributingInputIDs.wireIDs(),
            conversationDigest: receipt.conversationDigest.wireText,
            messageCount: receipt.messageCount,
            sequence: receipt.sequence
        )
    }
}

extension WarrenRuntime.RunBoundaryReceipt {
    /// Reads a boundary receipt (an executor's, to be echo-checked by the runtime).
    package init(wire: WarrenProto.RunBoundaryReceipt, field: String) throws(RPCError) {
        self.init(
            runID: try RunID(wire: wire.runID, field: "\(field).run_id"),
            boundary: try RunBoundary(wire: wire.boundary, field: "\(field).boundary"),
            contributingInputIDs: try InputID.list(
                wire: wire.contributingInputIDs,
                field: "\(field).contributing_input_ids"
            ),
            conversationDigest: wire.conversationDigest.nonEmpty,
            messageCount: wire.messageCount,
            sequence: wire.sequence
        )
    }
}

extension RunApplyBoundary {
    /// The wire form of a run boundary.
    package init(_ boundary: RunBoundary) {
        switch boundary {
        case .immediate: self = .immediate
        case .runStart: self = .runStart
        case .runCheckpoint: self = .runCheckpoint
        }
    }
}

extension RunBoundary {
    /// Reads a required run boundary.
    package init(wire: RunApplyBoundary, field: String) throws(RPCError) {
        switch wire {
        case .immediate: self = .immediate
        case .runStart: self = .runStart
        case .runCheckpoint: self = .runCheckpoint
        case .unspecified, .unrecognized: throw invalidEnum(wire, field)
        }
    }
}
