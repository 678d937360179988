import WarrenRuntime

/// Specs, results and helpers shared by the ops lifecycle suites (the reference tests' fixtures).
enum OpsFixtures {
    static let run = RunID.make()

    static func background(_ name: String) -> OperationSpec {
        OperationSpec(
            kind: .backgroundToolOp,
            ownerSessionID: .make(),
            displayName: name,
            sourceLabel: "test-background"
        )
    }

    static func mobMember(_ name: String) -> OperationSpec {
        OperationSpec(
            kind: .mobMemberChild,
            ownerSessionID: .make(),
            displayName: name,
            sourceLabel: "test-mob",
            childSessionID: .make(),
            expectPeerChannel: true
        )
    }

    static func peerHandle(_ name: String) -> OperationPeerHandle {
        OperationPeerHandle(
            peerName: name,
            trustedPeer: .init(name: name, peerID: "\(name)-id", address: "inproc://\(name)")
        )
    }

    static func result(_ id: OperationID, _ content: String = "done") -> OperationResult {
        OperationResult(operationID: id, content: content, isError: false, durationMilliseconds: 42, tokensUsed: 7)
    }

    /// Registers a background op and completes it; returns its id.
    @discardableResult
    static func completeOne(_ registry: OpsLifecycleRegistry, _ name: String) throws -> OperationID {
        let spec = background(name)
        try registry.registerOperation(spec)
        try registry.provisioningSucceeded(spec.id)
        try registry.completeOperation(spec.id, result: result(spec.id))
        return spec.id
    }

    /// Registers a background op and provisions it; returns its id.
    static func running(_ registry: OpsLifecycleRegistry, _ name: String) throws -> OperationID {
        let spec = background(name)
        try registry.registerOperation(spec)
        try registry.provisioningSucceeded(spec.id)
        return spec.id
    }

    /// Yields until `condition` holds, so a test can act once another task has reached a known state.
    /// Bounded by iterations, not by time; reports failure instead of hanging.
    static func yieldUntil(_ condition: () -> Bool) async -> Bool {
        for _ in 0..<200_000 {
            if condition() { return true }
            await Task.yield()
        }
        return condition()
    }
}
