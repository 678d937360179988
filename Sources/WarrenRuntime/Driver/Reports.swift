/// What retiring a runtime did.
public struct RetireReport: Hashable, Sendable, Codable {
    /// Inputs abandoned because no loop could drain them.
    public var inputsAbandoned: Int
    /// Inputs left for the loop to drain.
    public var inputsPendingDrain: Int

    /// Creates a report.
    public init(inputsAbandoned: Int, inputsPendingDrain: Int) {
        self.inputsAbandoned = inputsAbandoned
        self.inputsPendingDrain = inputsPendingDrain
    }
}

/// What recycling a runtime did.
public struct RecycleReport: Hashable, Sendable, Codable {
    /// Active inputs carried into the rebuilt runtime.
    public var inputsTransferred: Int

    /// Creates a report.
    public init(inputsTransferred: Int) { self.inputsTransferred = inputsTransferred }
}

/// What resetting a runtime did.
public struct ResetReport: Hashable, Sendable, Codable {
    /// Non-terminal inputs abandoned with reason reset.
    public var inputsAbandoned: Int

    /// Creates a report.
    public init(inputsAbandoned: Int) { self.inputsAbandoned = inputsAbandoned }
}

/// What recovering a runtime did.
public struct RecoveryReport: Hashable, Sendable, Codable {
    /// Non-terminal inputs brought back.
    public var inputsRecovered: Int
    /// Inputs abandoned during recovery (Warren counts real abandonments).
    public var inputsAbandoned: Int
    /// Inputs moved back to queued.
    public var inputsRequeued: Int
    /// Inputs named by a committed receipt and therefore consumed, not replayed.
    public var inputsConsumedByReceipt: Int

    /// An empty report.
    public init(
        inputsRecovered: Int = 0,
        inputsAbandoned: Int = 0,
        inputsRequeued: Int = 0,
        inputsConsumedByReceipt: Int = 0
    ) {
        self.inputsRecovered = inputsRecovered
        self.inputsAbandoned = inputsAbandoned
        self.inputsRequeued = inputsRequeued
        self.inputsConsumedByReceipt = inputsConsumedByReceipt
    }
}

/// What destroying a runtime did.
public struct DestroyReport: Hashable, Sendable, Codable {
    /// Non-terminal inputs abandoned with reason destroyed.
    public var inputsAbandoned: Int

    /// Creates a report.
    public init(inputsAbandoned: Int) { self.inputsAbandoned = inputsAbandoned }
}
