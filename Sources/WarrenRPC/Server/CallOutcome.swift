internal import WarrenProto

/// How a handler's end becomes the call's final status (the contract of ``RPCMethodHandler``).
enum CallOutcome {
    /// OK for a return; the error's status for an `RPCError`; DEADLINE_EXCEEDED or CANCELLED for a
    /// cancellation (by whether the deadline passed); UNKNOWN with the description for anything else.
    static func status(of result: Result<Void, any Error>, deadline: ContinuousClock.Instant?) -> Status {
        switch result {
        case .success:
            return Status(code: .ok)
        case .failure(let error as RPCError):
            return error.status
        case .failure(is CancellationError):
            if let deadline, deadline <= .now {
                return Status(code: .deadlineExceeded, message: "deadline exceeded")
            }
            return Status(code: .cancelled, message: "the call was cancelled")
        case .failure(let error):
            return Status(code: .unknown, message: String(describing: error))
        }
    }
}
