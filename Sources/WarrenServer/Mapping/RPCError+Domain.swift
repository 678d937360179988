import WarrenProto
package import WarrenRPC
package import WarrenRuntime

// The one place where domain errors become call statuses (SPEC §4). Each status carries an ErrorDetail
// whose kind names the domain variant and whose fields carry its payload; the message is the domain
// error's own description. Codes:
//   FAILED_PRECONDITION — NotReady, Destroyed, InvalidState, illegal input/runtime/drain transitions,
//                         ops calls the operation's state forbids
//   INVALID_ARGUMENT    — ValidationFailed, a duplicate id in wait_all (and malformed wire values)
//   NOT_FOUND           — unknown runtime, session or operation (unknown ones carry runtime_state DESTROYED,
//                         the reference's NotReady{Destroyed})
//   ALREADY_EXISTS      — an operation id registered twice
//   RESOURCE_EXHAUSTED  — MaxConcurrentExceeded, with limit and active
//   UNAVAILABLE         — store failures (transient: the caller may retry)
//   CANCELLED           — a wait withdrawn because its task was cancelled
//   INTERNAL            — Internal, and any error this file does not know

extension RPCError {
    /// The status for any error: domain errors by their mapping, an RPCError as itself, anything else INTERNAL.
    /// A driver error's detail names `sessionID` when the call was about one session.
    package init(domain error: any Error, sessionID: SessionID? = nil) {
        switch error {
        case let error as RPCError: self = error
        case let error as RuntimeDriverError: self.init(error, sessionID: sessionID)
        case let error as RuntimeControlPlaneError: self.init(error)
        case let error as OpsLifecycleError: self.init(error)
        case let error as InputLifecycleError: self.init(error)
        case let error as RuntimeBindingsError: self.init(error)
        case let error as RuntimeStoreError: self.init(error)
        case let error as RuntimeStateTransitionError: self.init(error)
        case let error as CommsDrainTransitionError: self.init(error)
        case is CancellationError:
            self.init(.cancelled, "cancelled", detail: ErrorDetail(kind: .cancelled))
        default:
            let message = String(describing: error)
            self.init(.internal, message, detail: ErrorDetail(kind: .internal, reason: message))
        }
    }

    /// The status for a session-keyed driver error; `sessionID`/`inputID` fill the detail when known.
    /// `notReady(.destroyed)` is what the adapter throws for an unknown session, so it is NOT_FOUND.
    package init(_ error: RuntimeDriverError, sessionID: SessionID? = nil, inputID: InputID? = nil) {
        var detail = ErrorDetail(inputID: inputID.wireID(), sessionID: sessionID.wireID())
        let code: StatusCode
        switch error {
        case .notReady(.destroyed):
            (code, detail.kind, detail.runtimeState) = (.notFound, .notFound, .destroyed)
        case .notReady(let state):
            (code, detail.kind, detail.runtimeState) = (.failedPrecondition, .notReady, WarrenProto.RuntimeState(state))
        case .validationFailed(let reason):
            (code, detail.kind, detail.reason) = (.invalidArgument, .validationFailed, reason)
        case .destroyed:
            (code, detail.kind, detail.runtimeState) = (.failedPrecondition, .destroyed, .destroyed)
        case .internal(let message):
            (code, detail.kind, detail.reason) = (.internal, .internal, message)
        }
        self.init(code, error.description, detail: detail)
    }

    /// The status for a runtime-keyed control-plane error.
    package init(_ error: RuntimeControlPlaneError, runtimeID: RuntimeID? = nil) {
        switch error {
        case .notFound(let id):
            self.init(
                .notFound,
                error.description,
                detail: ErrorDetail(kind: .notFound, runtimeState: .destroyed, runtimeID: id.rawValue)
            )
        case .invalidState(let state):
            self.init(
                .failedPrecondition,
                error.description,
                detail: ErrorDetail(
                    kind: .invalidState,
                    runtimeState: WarrenProto.RuntimeState(state),
                    runtimeID: runtimeID.wireID()
                )
            )
        case .storeError(let message):
            self.init(
                .unavailable,
                error.description,
                detail: ErrorDetail(kind: .storeError, runtimeID: runtimeID.wireID(), reason: message)
            )
        case .driver(.notReady(.destroyed)):
            // Here an unknown runtime is `.notFound`, so this runtime exists and was destroyed: a precondition.
            self.init(
                .failedPrecondition,
                error.description,
                detail: ErrorDetail(kind: .notReady, runtimeState: .destroyed, runtimeID: runtimeID.wireID())
            )
        case .driver(let driverError):
            self.init(driverError, sessionID: runtimeID?.sessionID)
            self.detail?.runtimeID = runtimeID.wireID()
        }
    }

    /// The status for an ops lifecycle registry error.
    package init(_ error: OpsLifecycleError) {
        let code: StatusCode
        var detail = ErrorDetail()
        switch error {
        case .notFound(let id):
            (code, detail.kind, detail.operationID) = (.notFound, .opsNotFound, id.rawValue)
        case .alreadyRegistered(let id):
            (code, detail.kind, detail.operationID) = (.alreadyExists, .opsAlreadyRegistered, id.rawValue)
        case .maxConcurrentExceeded(let limit, let active):
            (code, detail.kind) = (.resourceExhausted, .opsMaxConcurrentExceeded)
            (detail.limit, detail.active) = (limit.wireCount, active.wireCount)
        case .invalidTransition(let id, let status, let action):
            (code, detail.kind, detail.operationID) = (.failedPrecondition, .opsInvalidTransition, id.rawValue)
            (detail.operationStatus, detail.reason) = (WarrenProto.OperationStatus(status), action.rawValue)
        case .peerNotExpected(let id):
            (code, detail.kind, detail.operationID) = (.failedPrecondition, .opsPeerNotExpected, id.rawValue)
        case .alreadyPeerReady(let id):
            (code, detail.kind, detail.operationID) = (.failedPrecondition, .opsAlreadyPeerReady, id.rawValue)
        case .waitAlreadyActive:
            (code, detail.kind) = (.failedPrecondition, .opsWaitAlreadyActive)
        case .duplicateWaitOperation(let id):
            (code, detail.kind, detail.operationID) = (.invalidArgument, .opsDuplicateWaitOperation, id.rawValue)
        case .waitCancelled:
            (code, detail.kind) = (.cancelled, .cancelled)
        }
        self.init(code, error.description, detail: detail)
    }

    /// The status for a refused input lifecycle event; the detail names the state it was refused in.
    package init(_ error: InputLifecycleError, inputID: InputID? = nil) {
        var detail = ErrorDetail(inputID: inputID.wireID())
        switch error {
        case .terminalState(let state):
            (detail.kind, detail.inputState) = (.inputTerminalState, WarrenProto.InputLifecycleState(state))
        case .invalidTransition(let from, let event):
            (detail.kind, detail.inputState, detail.reason) =
                (.inputInvalidTransition, WarrenProto.InputLifecycleState(from), event)
        case .guardFailed(let from, let guardText):
            (detail.kind, detail.inputState, detail.reason) = (
                .inputGuardFailed, WarrenProto.InputLifecycleState(from), guardText
            )
        }
        self.init(.failedPrecondition, error.description, detail: detail)
    }

    /// The status for a bindings error: an unknown session, with the reference's NotReady{Destroyed}.
    package init(_ error: RuntimeBindingsError) {
        switch error {
        case .sessionNotFound(let id):
            self.init(
                .notFound,
                "session not found: \(id)",
                detail: ErrorDetail(kind: .sessionNotFound, runtimeState: .destroyed, sessionID: id.rawValue)
            )
        }
    }

    /// The status for a store failure: UNAVAILABLE, since a store that failed may work on retry.
    package init(_ error: RuntimeStoreError) {
        switch error {
        case .writeFailed(let message):
            self.init(.unavailable, error.description, detail: ErrorDetail(kind: .storeWriteFailed, reason: message))
        case .readFailed(let message):
            self.init(.unavailable, error.description, detail: ErrorDetail(kind: .storeReadFailed, reason: message))
        }
    }

    /// The status for an illegal runtime transition, naming both states.
    package init(_ error: RuntimeStateTransitionError) {
        self.init(
            .failedPrecondition,
            error.description,
            detail: ErrorDetail(
                kind: .runtimeStateTransition,
                runtimeState: WarrenProto.RuntimeState(error.from),
                targetRuntimeState: WarrenProto.RuntimeState(error.to)
            )
        )
    }

    /// The status for a refused comms drain transition; the reason names the input and the phase.
    package init(_ error: CommsDrainTransitionError, sessionID: SessionID? = nil) {
        self.init(
            .failedPrecondition,
            error.description,
            detail: ErrorDetail(kind: .commsDrainTransition, sessionID: sessionID.wireID(), reason: error.description)
        )
    }
}
