import Testing
import WarrenRuntime

/// The §5.2 status table, every action from every status.
@Suite("Ops status machine")
struct OpsStatusMachineTests {
    /// Legal (from → to) per action, written out from the spec table rather than read from the implementation.
    static let legal: [OperationAction: [OperationStatus: OperationStatus]] = [
        .provisioningSucceeded: [.provisioning: .running],
        .provisioningFailed: [.provisioning: .failed],
        .abortProvisioning: [.provisioning: .aborted],
        .peerReady: [.running: .running, .retiring: .retiring],
        .reportProgress: [.running: .running, .retiring: .retiring],
        .requestRetire: [.running: .retiring],
        .markRetired: [.running: .retired, .retiring: .retired],
        .completeOperation: [.running: .completed, .retiring: .completed],
        .failOperation: [.provisioning: .failed, .running: .failed, .retiring: .failed],
        .cancelOperation: [.provisioning: .cancelled, .running: .cancelled, .retiring: .cancelled],
    ]

    static let knownStatuses = OperationStatus.allCases.filter { $0 != .absent }

    /// A registry holding one mob member (so `peerReady` is possible) driven into `status`.
    static func operation(in status: OperationStatus) throws -> (OpsLifecycleRegistry, OperationID) {
        let registry = OpsLifecycleRegistry()
        let spec = OpsFixtures.mobMember("subject")
        let id = spec.id
        try registry.registerOperation(spec)
        switch status {
        case .absent, .provisioning: break
        case .aborted: try registry.abortProvisioning(id, reason: "setup")
        default: try registry.provisioningSucceeded(id)
        }
        switch status {
        case .retiring: try registry.requestRetire(id)
        case .completed: try registry.completeOperation(id, result: OpsFixtures.result(id))
        case .failed: try registry.failOperation(id, error: "setup")
        case .cancelled: try registry.cancelOperation(id, reason: "setup")
        case .retired: try registry.markRetired(id)
        case .terminated: registry.terminateOwner(reason: "setup")
        default: break
        }
        return (registry, id)
    }

    static func perform(
        _ action: OperationAction,
        on id: OperationID,
        in registry: OpsLifecycleRegistry
    ) throws(OpsLifecycleError) {
        switch action {
        case .provisioningSucceeded: try registry.provisioningSucceeded(id)
        case .provisioningFailed: try registry.provisioningFailed(id, error: "boom")
        case .abortProvisioning: try registry.abortProvisioning(id, reason: "stop")
        case .peerReady: try registry.peerReady(id, handle: OpsFixtures.peerHandle("peer"))
        case .reportProgress: try registry.reportProgress(id, OperationProgressUpdate(message: "tick", percent: 0.5))
        case .requestRetire: try registry.requestRetire(id)
        case .markRetired: try registry.markRetired(id)
        case .completeOperation: try registry.completeOperation(id, result: OpsFixtures.result(id))
        case .failOperation: try registry.failOperation(id, error: "boom")
        case .cancelOperation: try registry.cancelOperation(id, reason: "stop")
        }
    }

    @Test("the setup reaches every status it claims")
    func setupReachesStatus() throws {
        for status in Self.knownStatuses {
            let (registry, id) = try Self.operation(in: status)
            #expect(registry.snapshot(of: id)?.status == status)
        }
    }

    @Test(
        "each action moves exactly the statuses the table allows and refuses the rest unchanged",
        arguments: knownStatuses,
        OperationAction.allCases
    )
    func transition(from status: OperationStatus, action: OperationAction) throws {
        let (registry, id) = try Self.operation(in: status)
        let watermarkBefore = registry.completionFeed.watermark
        if let target = Self.legal[action]?[status] {
            try Self.perform(action, on: id, in: registry)
            let after = try #require(registry.snapshot(of: id))
            #expect(after.status == target)
            #expect(after.status.isTerminal == target.isTerminal)
            #expect((after.terminalOutcome != nil) == target.isTerminal)
            // Exactly the terminal transitions write a feed entry.
            #expect(registry.completionFeed.watermark == watermarkBefore + (target.isTerminal ? 1 : 0))
        } else {
            #expect(throws: OpsLifecycleError.invalidTransition(id: id, status: status, action: action)) {
                try Self.perform(action, on: id, in: registry)
            }
            #expect(registry.snapshot(of: id)?.status == status)
            #expect(registry.completionFeed.watermark == watermarkBefore)
        }
    }

    @Test("every action on an unknown operation is notFound", arguments: OperationAction.allCases)
    func unknownOperation(action: OperationAction) {
        let registry = OpsLifecycleRegistry()
        let id = OperationID.make()
        #expect(throws: OpsLifecycleError.notFound(id)) { try Self.perform(action, on: id, in: registry) }
        #expect(throws: OpsLifecycleError.notFound(id)) { try registry.registerWatcher(id) }
    }

    @Test("terminal statuses are exactly the six end states")
    func terminalStatuses() {
        let terminal = OperationStatus.allCases.filter(\.isTerminal)
        #expect(terminal == [.completed, .failed, .aborted, .cancelled, .retired, .terminated])
    }

    @Test("terminateOwner ends provisioning, running and retiring operations and leaves terminal ones alone")
    func terminateOwnerFromEveryStatus() throws {
        for status in Self.knownStatuses {
            let (registry, id) = try Self.operation(in: status)
            let outcomeBefore = registry.snapshot(of: id)?.terminalOutcome
            registry.terminateOwner(reason: "owner gone")
            let after = try #require(registry.snapshot(of: id))
            if status.isTerminal {
                #expect(after.status == status)
                #expect(after.terminalOutcome == outcomeBefore)
            } else {
                #expect(after.status == .terminated)
                #expect(after.terminalOutcome == .terminated(reason: "owner gone"))
            }
        }
    }

    @Test("peerReady is refused for kinds without a peer channel and for a second handoff")
    func peerReadyGuards() throws {
        let registry = OpsLifecycleRegistry()
        let background = try OpsFixtures.running(registry, "job")
        #expect(throws: OpsLifecycleError.peerNotExpected(background)) {
            try registry.peerReady(background, handle: OpsFixtures.peerHandle("job"))
        }
        let (members, member) = try Self.operation(in: .running)
        try members.peerReady(member, handle: OpsFixtures.peerHandle("first"))
        #expect(throws: OpsLifecycleError.alreadyPeerReady(member)) {
            try members.peerReady(member, handle: OpsFixtures.peerHandle("second"))
        }
        #expect(members.snapshot(of: member)?.peerHandle?.peerName == "first")
    }

    @Test("registering a known id is refused, whether live or retained as terminal")
    func alreadyRegistered() throws {
        let registry = OpsLifecycleRegistry()
        let spec = OpsFixtures.background("dup")
        try registry.registerOperation(spec)
        #expect(throws: OpsLifecycleError.alreadyRegistered(spec.id)) { try registry.registerOperation(spec) }
        try registry.provisioningSucceeded(spec.id)
        try registry.completeOperation(spec.id, result: OpsFixtures.result(spec.id))
        #expect(throws: OpsLifecycleError.alreadyRegistered(spec.id)) { try registry.registerOperation(spec) }
        // Once collected the id is free again.
        #expect(registry.collectCompleted().map(\.operationID) == [spec.id])
        try registry.registerOperation(spec)
        #expect(registry.snapshot(of: spec.id)?.status == .provisioning)
    }

    @Test("errors describe themselves with the operation, status and action")
    func errorDescriptions() {
        let id = OperationID("op-1")
        #expect(
            OpsLifecycleError.invalidTransition(id: id, status: .completed, action: .completeOperation).description
                == "invalid lifecycle transition for op-1: completed -> complete_operation"
        )
        #expect(
            OpsLifecycleError.maxConcurrentExceeded(limit: 2, active: 2).description
                == "max concurrent operations exceeded (limit: 2, active: 2)"
        )
        #expect(OpsLifecycleError.notFound(id).description == "operation not found: op-1")
    }
}
