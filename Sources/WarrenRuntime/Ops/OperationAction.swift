/// A registry call that moves an operation's status; named in `OpsLifecycleError.invalidTransition`.
public enum OperationAction: String, Hashable, Sendable, CaseIterable {
    /// `provisioningSucceeded`: provisioning → running.
    case provisioningSucceeded = "provisioning_succeeded"
    /// `provisioningFailed`: provisioning → failed.
    case provisioningFailed = "provisioning_failed"
    /// `abortProvisioning`: provisioning → aborted.
    case abortProvisioning = "abort_provisioning"
    /// `peerReady`: running or retiring, status unchanged.
    case peerReady = "peer_ready"
    /// `reportProgress`: running or retiring, status unchanged.
    case reportProgress = "report_progress"
    /// `requestRetire`: running → retiring.
    case requestRetire = "request_retire"
    /// `markRetired`: running or retiring → retired.
    case markRetired = "mark_retired"
    /// `completeOperation`: running or retiring → completed.
    case completeOperation = "complete_operation"
    /// `failOperation`: any non-terminal → failed.
    case failOperation = "fail_operation"
    /// `cancelOperation`: any non-terminal → cancelled.
    case cancelOperation = "cancel_operation"

    /// The statuses the action is legal from (the §5.2 table).
    public var allowedFrom: Set<OperationStatus> {
        switch self {
        case .provisioningSucceeded, .provisioningFailed, .abortProvisioning: [.provisioning]
        case .peerReady, .reportProgress, .markRetired, .completeOperation: [.running, .retiring]
        case .requestRetire: [.running]
        case .failOperation, .cancelOperation: [.provisioning, .running, .retiring]
        }
    }
}
