import Testing
import WarrenProto
import WarrenRPC
import WarrenRuntime
import WarrenServer

@Suite("Domain error mapping")
struct ErrorMappingTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let error: any Error & Sendable
        let code: StatusCode
        let detail: ErrorDetail
        var testDescription: String { String(describing: error) }
    }

    static let op = Fixture.operationID
    static let rows: [Row] = [
        Row(
            error: RuntimeDriverError.notReady(state: .retired),
            code: .failedPrecondition,
            detail: .init(kind: .notReady, runtimeState: .retired)
        ),
        Row(
            error: RuntimeDriverError.notReady(state: .destroyed),
            code: .notFound,
            detail: .init(kind: .notFound, runtimeState: .destroyed)
        ),
        Row(
            error: RuntimeDriverError.validationFailed(reason: "bad"),
            code: .invalidArgument,
            detail: .init(kind: .validationFailed, reason: "bad")
        ),
        Row(
            error: RuntimeDriverError.destroyed,
            code: .failedPrecondition,
            detail: .init(kind: .destroyed, runtimeState: .destroyed)
        ),
        Row(error: RuntimeDriverError.internal("x"), code: .internal, detail: .init(kind: .internal, reason: "x")),
        Row(
            error: RuntimeControlPlaneError.notFound(RuntimeID("rt")),
            code: .notFound,
            detail: .init(kind: .notFound, runtimeState: .destroyed, runtimeID: "rt")
        ),
        Row(
            error: RuntimeControlPlaneError.invalidState(.running),
            code: .failedPrecondition,
            detail: .init(kind: .invalidState, runtimeState: .running)
        ),
        Row(
            error: RuntimeControlPlaneError.storeError("disk"),
            code: .unavailable,
            detail: .init(kind: .storeError, reason: "disk")
        ),
        Row(
            error: RuntimeControlPlaneError.driver(.notReady(state: .stopped)),
            code: .failedPrecondition,
            detail: .init(kind: .notReady, runtimeState: .stopped)
        ),
        Row(
            error: RuntimeControlPlaneError.driver(.notReady(state: .destroyed)),
            code: .failedPrecondition,
            detail: .init(kind: .notReady, runtimeState: .destroyed)
        ),
        Row(
            error: OpsLifecycleError.notFound(op),
            code: .notFound,
            detail: .init(kind: .opsNotFound, operationID: op.rawValue)
        ),
        Row(
            error: OpsLifecycleError.alreadyRegistered(op),
            code: .alreadyExists,
            detail: .init(kind: .opsAlreadyRegistered, operationID: op.rawValue)
        ),
        Row(
            error: OpsLifecycleError.maxConcurrentExceeded(limit: 4, active: 4),
            code: .resourceExhausted,
            detail: .init(kind: .opsMaxConcurrentExceeded, limit: 4, active: 4)
        ),
        Row(
            error: OpsLifecycleError.invalidTransition(id: op, status: .completed, action: .requestRetire),
            code: .failedPrecondition,
            detail: .init(
                kind: .opsInvalidTransition,
                operationID: op.rawValue,
                operationStatus: .completed,
                reason: "request_retire"
            )
        ),
        Row(
            error: OpsLifecycleError.peerNotExpected(op),
            code: .failedPrecondition,
            detail: .init(kind: .opsPeerNotExpected, operationID: op.rawValue)
        ),
        Row(
            error: OpsLifecycleError.alreadyPeerReady(op),
            code: .failedPrecondition,
            detail: .init(kind: .opsAlreadyPeerReady, operationID: op.rawValue)
        ),
        Row(
            error: OpsLifecycleError.waitAlreadyActive,
            code: .failedPrecondition,
            detail: .init(kind: .opsWaitAlreadyActive)
        ),
        Row(
            error: OpsLifecycleError.duplicateWaitOperation(op),
            code: .invalidArgument,
            detail: .init(kind: .opsDuplicateWaitOperation, operationID: op.rawValue)
        ),
        Row(error: OpsLifecycleError.waitCancelled, code: .cancelled, detail: .init(kind: .cancelled)),
        Row(
            error: InputLifecycleError.terminalState(.consumed),
            code: .failedPrecondition,
            detail: .init(kind: .inputTerminalState, inputState: .consumed)
        ),
        Row(
            error: InputLifecycleError.invalidTransition(from: .queued, event: "Consume"),
            code: .failedPrecondition,
            detail: .init(kind: .inputInvalidTransition, inputState: .queued, reason: "Consume")
        ),
        Row(
            error: InputLifecycleError.guardFailed(from: .staged, guard: "matches_last_run"),
            code: .failedPrecondition,
            detail: .init(kind: .inputGuardFailed, inputState: .staged, reason: "matches_last_run")
        ),
        Row(
            error: RuntimeBindingsError.sessionNotFound(Fixture.sessionID),
            code: .notFound,
            detail: .init(kind: .sessionNotFound, runtimeState: .destroyed, sessionID: Fixture.sessionID.rawValue)
        ),
        Row(
            error: RuntimeStoreError.writeFailed("w"),
            code: .unavailable,
            detail: .init(kind: .storeWriteFailed, reason: "w")
        ),
        Row(
            error: RuntimeStoreError.readFailed("r"),
            code: .unavailable,
            detail: .init(kind: .storeReadFailed, reason: "r")
        ),
        Row(
            error: CommsDrainTransitionError(from: .running, input: .taskSpawned),
            code: .failedPrecondition,
            detail: .init(
                kind: .commsDrainTransition,
                reason: "illegal comms drain lifecycle transition: TaskSpawned in phase Running"
            )
        ),
        Row(error: CancellationError(), code: .cancelled, detail: .init(kind: .cancelled)),
    ]

    @Test("each domain error maps to its code and detail; the message is the error's description", arguments: rows)
    func mapping(_ row: Row) {
        let error = RPCError(domain: row.error)
        #expect(error.code == row.code)
        #expect(error.detail == row.detail)
        // Through `Any`: the compiler thinks an `any Error` is always `CustomStringConvertible`; at run time
        // only the errors that describe themselves are.
        if let described = (row.error as Any) as? any CustomStringConvertible {
            #expect(error.message == described.description)
        }
    }

    @Test("context fills the detail's ids")
    func context() {
        let driver = RPCError(.notReady(state: .retired), sessionID: Fixture.sessionID, inputID: Fixture.inputID)
        #expect(
            driver.detail?.sessionID == Fixture.sessionID.rawValue && driver.detail?.inputID == Fixture.inputID.rawValue
        )
        let plane = RPCError(RuntimeControlPlaneError.driver(.destroyed), runtimeID: Fixture.sessionID.runtimeID)
        #expect(
            plane.detail?.runtimeID == Fixture.sessionID.rawValue
                && plane.detail?.sessionID == Fixture.sessionID.rawValue
        )
        let input = RPCError(InputLifecycleError.terminalState(.abandoned), inputID: Fixture.inputID)
        #expect(input.detail?.inputID == Fixture.inputID.rawValue)
    }

    @Test("an RPCError passes through; an unknown error is INTERNAL")
    func fallback() {
        let original = RPCError(.outOfRange, "past head")
        #expect(RPCError(domain: original) == original)
        struct Strange: Error {}
        let error = RPCError(domain: Strange())
        #expect(error.code == .internal && error.detail?.kind == .internal)
    }
}
