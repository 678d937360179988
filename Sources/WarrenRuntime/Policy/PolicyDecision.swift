/// How an admitted input is handled: the result of policy resolution (input-spec §4).
public struct PolicyDecision: Hashable, Sendable, Codable {
    /// Where the input is applied.
    public var applyMode: ApplyMode
    /// Whether admission wakes an idle runtime.
    public var wakeMode: WakeMode
    /// How it is queued (FIFO, coalescing, superseding).
    public var queueMode: QueueMode
    /// When it is consumed.
    public var consumePoint: ConsumePoint
    /// Informational drain policy.
    public var drainPolicy: DrainPolicy
    /// Which lane it joins: steer, or queue for everything else.
    public var routingDisposition: RoutingDisposition
    /// Whether it is recorded in the transcript.
    public var recordTranscript: Bool
    /// Whether operators see its content.
    public var emitOperatorContent: Bool
    /// The policy table version that produced it.
    public var policyVersion: UInt64

    /// Creates a decision.
    public init(
        applyMode: ApplyMode,
        wakeMode: WakeMode,
        queueMode: QueueMode = .fifo,
        consumePoint: ConsumePoint = .onRunComplete,
        drainPolicy: DrainPolicy = .queueNextTurn,
        routingDisposition: RoutingDisposition = .queue,
        recordTranscript: Bool = true,
        emitOperatorContent: Bool? = nil,
        policyVersion: UInt64 = DefaultPolicyTable.version
    ) {
        self.applyMode = applyMode
        self.wakeMode = wakeMode
        self.queueMode = queueMode
        self.consumePoint = consumePoint
        self.drainPolicy = drainPolicy
        self.routingDisposition = routingDisposition
        self.recordTranscript = recordTranscript
        self.emitOperatorContent = emitOperatorContent ?? recordTranscript
        self.policyVersion = policyVersion
    }

    /// Ignore + on-accept: the input is consumed at admission and never queued.
    public var consumesOnAccept: Bool { applyMode == .ignore && consumePoint == .onAccept }

    /// The lane the input joins.
    public var lane: Lane { routingDisposition == .steer ? .steer : .queue }
}

/// Where an input is applied.
public enum ApplyMode: String, Hashable, Sendable, CaseIterable, StoredByName {
    case stageRunStart, stageRunBoundary, injectNow, ignore
}
/// Whether admission wakes the runtime.
public enum WakeMode: String, Hashable, Sendable, CaseIterable, StoredByName { case wakeIfIdle, none }
/// How an input joins its lane.
public enum QueueMode: String, Hashable, Sendable, CaseIterable, StoredByName {
    case none, fifo, coalesce, supersede, priority
}
/// When an input is consumed (only on-accept and run completion are acted on).
public enum ConsumePoint: String, Hashable, Sendable, CaseIterable, StoredByName {
    case onAccept, onApply, onRunStart, onRunComplete, explicitAck
}
/// Informational drain policy.
public enum DrainPolicy: String, Hashable, Sendable, CaseIterable, StoredByName {
    case queueNextTurn, steerBatch, immediate, ignore
}
/// Lane routing: steer goes to the steer lane; anything else to the queue lane.
public enum RoutingDisposition: String, Hashable, Sendable, CaseIterable, StoredByName {
    case queue, steer, immediate, drop
}
/// The two lanes of a runtime's ingress; steer drains first.
public enum Lane: Hashable, Sendable { case steer, queue }
