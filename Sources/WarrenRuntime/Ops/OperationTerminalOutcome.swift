/// How an operation ended; every watcher, wait and feed entry of the operation carries the same value.
public enum OperationTerminalOutcome: Hashable, Sendable {
    /// Finished with a result (`completeOperation`).
    case completed(result: OperationResult)
    /// Finished with an error (`failOperation`, `provisioningFailed`).
    case failed(error: String)
    /// Provisioning was aborted (`abortProvisioning`).
    case aborted(reason: String?)
    /// Cancelled (`cancelOperation`).
    case cancelled(reason: String?)
    /// Retired (`markRetired`).
    case retired
    /// Ended by `terminateOwner`, or its watch outlived the registry.
    case terminated(reason: String)

    /// The terminal status this outcome puts an operation in.
    public var status: OperationStatus {
        switch self {
        case .completed: .completed
        case .failed: .failed
        case .aborted: .aborted
        case .cancelled: .cancelled
        case .retired: .retired
        case .terminated: .terminated
        }
    }
}
