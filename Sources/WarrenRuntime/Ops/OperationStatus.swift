/// Where an operation stands in the ops status machine (persistence-spec §5.2).
public enum OperationStatus: String, Hashable, Sendable, CaseIterable, Codable {
    /// Not known to the registry.
    case absent
    /// Registered and being provisioned.
    case provisioning
    /// Provisioned and running.
    case running
    /// Retirement requested; still running until `markRetired`.
    case retiring
    /// Finished with a result.
    case completed
    /// Finished with an error.
    case failed
    /// Provisioning was aborted.
    case aborted
    /// Cancelled by a caller.
    case cancelled
    /// Retired after a retire request (or directly).
    case retired
    /// Ended because its owner was terminated.
    case terminated

    /// Whether no further transition is possible.
    public var isTerminal: Bool {
        switch self {
        case .completed, .failed, .aborted, .cancelled, .retired, .terminated: true
        case .absent, .provisioning, .running, .retiring: false
        }
    }

    /// Whether `failOperation` and `cancelOperation` may still end the operation.
    public var allowsTermination: Bool {
        switch self {
        case .provisioning, .running, .retiring: true
        default: false
        }
    }
}
