package import WarrenProto
package import WarrenRuntime

extension WarrenProto.RetireReport {
    /// The wire form of a retire report.
    package init(_ report: WarrenRuntime.RetireReport) {
        self.init(
            inputsAbandoned: report.inputsAbandoned.wireCount,
            inputsPendingDrain: report.inputsPendingDrain.wireCount
        )
    }
}

extension WarrenRuntime.RetireReport {
    /// Reads a retire report.
    package init(wire: WarrenProto.RetireReport) {
        self.init(
            inputsAbandoned: Int(wireCount: wire.inputsAbandoned),
            inputsPendingDrain: Int(wireCount: wire.inputsPendingDrain)
        )
    }
}

extension WarrenProto.RecycleReport {
    /// The wire form of a recycle report.
    package init(_ report: WarrenRuntime.RecycleReport) {
        self.init(inputsTransferred: report.inputsTransferred.wireCount)
    }
}

extension WarrenRuntime.RecycleReport {
    /// Reads a recycle report.
    package init(wire: WarrenProto.RecycleReport) {
        self.init(inputsTransferred: Int(wireCount: wire.inputsTransferred))
    }
}

extension WarrenProto.ResetReport {
    /// The wire form of a reset report.
    package init(_ report: WarrenRuntime.ResetReport) {
        self.init(inputsAbandoned: report.inputsAbandoned.wireCount)
    }
}

extension WarrenRuntime.ResetReport {
    /// Reads a reset report.
    package init(wire: WarrenProto.ResetReport) {
        self.init(inputsAbandoned: Int(wireCount: wire.inputsAbandoned))
    }
}

extension WarrenProto.DestroyReport {
    /// The wire form of a destroy report.
    package init(_ report: WarrenRuntime.DestroyReport) {
        self.init(inputsAbandoned: report.inputsAbandoned.wireCount)
    }
}

extension WarrenRuntime.DestroyReport {
    /// Reads a destroy report.
    package init(wire: WarrenProto.DestroyReport) {
        self.init(inputsAbandoned: Int(wireCount: wire.inputsAbandoned))
    }
}

extension WarrenProto.RecoveryReport {
    /// The prefix of the `details` line that carries Warren's consumed-by-receipt count (D41).
    static let consumedByReceiptPrefix = "inputs_consumed_by_receipt="

    /// The wire form of a recovery report; the count the schema has no field for travels as a detail line.
    package init(_ report: WarrenRuntime.RecoveryReport) {
        self.init(
            inputsRecovered: report.inputsRecovered.wireCount,
            inputsAbandoned: report.inputsAbandoned.wireCount,
            inputsRequeued: report.inputsRequeued.wireCount,
            details: ["\(Self.consumedByReceiptPrefix)\(report.inputsConsumedByReceipt)"]
        )
    }
}

extension WarrenRuntime.RecoveryReport {
    /// Reads a recovery report; a missing or unreadable consumed-by-receipt line reads as 0.
    package init(wire: WarrenProto.RecoveryReport) {
        let prefix = WarrenProto.RecoveryReport.consumedByReceiptPrefix
        let consumed = wire.details.lazy.compactMap { $0.hasPrefix(prefix) ? Int($0.dropFirst(prefix.count)) : nil }
            .first
        self.init(
            inputsRecovered: Int(wireCount: wire.inputsRecovered),
            inputsAbandoned: Int(wireCount: wire.inputsAbandoned),
            inputsRequeued: Int(wireCount: wire.inputsRequeued),
            inputsConsumedByReceipt: consumed ?? 0
        )
    }
}
