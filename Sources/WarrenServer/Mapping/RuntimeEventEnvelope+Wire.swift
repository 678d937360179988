package import WarrenProto
package import WarrenRPC
package import WarrenRuntime

extension WarrenProto.RuntimeEventEnvelope {
    /// The wire form of a logged event; the session id is the runtime id's when it names a session.
    package init(_ envelope: WarrenRuntime.RuntimeEventEnvelope) {
        self.init(
            position: envelope.position,
            sequence: envelope.sequence,
            eventID: envelope.eventID.rawValue,
            timestampUnixNanos: envelope.timestamp.wire,
            runtimeID: envelope.runtimeID.rawValue,
            sessionID: envelope.runtimeID.sessionID.wireID(),
            causationID: envelope.causationID.wireText,
            correlationID: envelope.correlationID.wireText,
            event: WarrenProto.RuntimeEvent(envelope.event, runtimeID: envelope.runtimeID)
        )
    }
}

extension WarrenRuntime.RuntimeEventEnvelope {
    /// Reads a logged event (as a subscriber receives it); the session id is derived, so it is not read.
    package init(wire: WarrenProto.RuntimeEventEnvelope, field: String) throws(RPCError) {
        self.init(
            position: wire.position,
            sequence: wire.sequence,
            eventID: try EventID(wire: wire.eventID, field: "\(field).event_id"),
            timestamp: Timestamp(unixNanos: wire.timestampUnixNanos),
            runtimeID: try RuntimeID(wire: wire.runtimeID, field: "\(field).runtime_id"),
            causationID: wire.causationID.nonEmpty,
            correlationID: wire.correlationID.nonEmpty,
            event: try WarrenRuntime.RuntimeEvent(
                wire: requireWire(wire.event, "\(field).event"),
                field: "\(field).event"
            )
        )
    }
}

extension PendingEvent {
    /// Reads the event a client publishes (PublishEvent): only the event and its causation and correlation
    /// ids; the server assigns position, sequence, id and time (the request's runtime id is read apart).
    package init(publishing wire: WarrenProto.RuntimeEventEnvelope, field: String) throws(RPCError) {
        self.init(
            try WarrenRuntime.RuntimeEvent(wire: requireWire(wire.event, "\(field).event"), field: "\(field).event"),
            causationID: wire.causationID.nonEmpty,
            correlationID: wire.correlationID.nonEmpty
        )
    }
}

extension WarrenProto.EventFilter {
    /// The wire form of a filter (kinds only: the domain has no categories).
    package init(_ filter: WarrenRuntime.EventFilter) {
        self.init(
            runtimeIDs: filter.runtimeIDs.map(\.rawValue).sorted(),
            kinds: filter.kinds.map(WarrenProto.RuntimeEventKind.init).sorted { $0.rawValue < $1.rawValue }
        )
    }
}

extension WarrenRuntime.EventFilter {
    /// Reads a filter: categories expand to their kinds. Kinds the runtime never emits match nothing, so a
    /// filter made only of them is refused rather than silently widened to every event (D43).
    package init(wire: WarrenProto.EventFilter, field: String) throws(RPCError) {
        var kinds = Set<WarrenRuntime.RuntimeEventKind>()
        for (index, kind) in wire.kinds.enumerated() {
            kinds.formUnion(try Self.domainKinds(of: kind, "\(field).kinds[\(index)]"))
        }
        for (index, category) in wire.categories.enumerated() {
            kinds.formUnion(try Self.domainKinds(of: category, "\(field).categories[\(index)]"))
        }
        if kinds.isEmpty && !(wire.kinds.isEmpty && wire.categories.isEmpty) {
            throw RPCError.invalidWire(field, "names only event kinds Warren's runtime never emits")
        }
        self.init(
            runtimeIDs: Set(try RuntimeID.list(wire: wire.runtimeIDs, field: "\(field).runtime_ids")),
            kinds: kinds
        )
    }

    private static func domainKinds(
        of kind: WarrenProto.RuntimeEventKind,
        _ field: String
    ) throws(RPCError) -> [WarrenRuntime.RuntimeEventKind] {
        if case .unspecified = kind { throw invalidEnum(kind, field) }
        if case .unrecognized = kind { throw invalidEnum(kind, field) }
        return WarrenRuntime.RuntimeEventKind.allCases.filter { WarrenProto.RuntimeEventKind($0) == kind }
    }

    private static func domainKinds(
        of category: RuntimeEventCategory,
        _ field: String
    ) throws(RPCError) -> [WarrenRuntime.RuntimeEventKind] {
        if case .unspecified = category { throw invalidEnum(category, field) }
        if case .unrecognized = category { throw invalidEnum(category, field) }
        return WarrenRuntime.RuntimeEventKind.allCases.filter { RuntimeEventCategory($0) == category }
    }
}

extension WarrenProto.RuntimeEventKind {
    /// The wire form of an event kind.
    package init(_ kind: WarrenRuntime.RuntimeEventKind) {
        switch kind {
        case .inputAccepted: self = .inputAccepted
        case .inputQueued: self = .inputQueued
        case .inputDeduplicated: self = .inputDeduplicated
        case .inputSuperseded: self = .inputSuperseded
        case .inputCoalesced: self = .inputCoalesced
        case .inputStaged: self = .inputStaged
        case .inputApplied: self = .inputApplied
        case .inputConsumed: self = .inputConsumed
        case .inputAbandoned: self = .inputAbandoned
        case .runStarted: self = .runStarted
        case .runCompleted: self = .runCompleted
        case .runFailed: self = .runFailed
        case .runCancelled: self = .runCancelled
        case .runtimeStateChanged: self = .runtimeStateChanged
        case .runtimeCreated: self = .runtimeCreated
        case .runtimeRetired: self = .runtimeRetired
        case .runtimeRecycled: self = .runtimeRecycled
        case .runtimeDestroyed: self = .runtimeDestroyed
        case .runtimeReset: self = .runtimeReset
        case .runtimeRecovered: self = .runtimeRecovered
        case .runtimeUnregistered: self = .runtimeUnregistered
        case .executorAttached: self = .executorAttached
        case .executorDetached: self = .executorDetached
        case .boundaryCommitted: self = .boundaryCommitted
        case .commsDrainChanged: self = .commsDrainChanged
        case .published: self = .published
        }
    }
}

extension RuntimeEventCategory {
    /// The category an event kind belongs to (by its code's prefix).
    package init(_ kind: WarrenRuntime.RuntimeEventKind) {
        switch kind {
        case .inputAccepted, .inputQueued, .inputDeduplicated, .inputSuperseded, .inputCoalesced, .inputStaged,
            .inputApplied, .inputConsumed, .inputAbandoned:
            self = .inputLifecycle
        case .runStarted, .runCompleted, .runFailed, .runCancelled: self = .runLifecycle
        case .runtimeStateChanged: self = .runtimeStateChange
        case .runtimeCreated, .runtimeRetired, .runtimeRecycled, .runtimeDestroyed, .runtimeReset, .runtimeRecovered,
            .runtimeUnregistered, .executorAttached, .executorDetached:
            self = .topology
        case .boundaryCommitted: self = .boundary
        case .commsDrainChanged: self = .commsDrain
        case .published: self = .published
        }
    }
}

extension SubscriptionStart {
    /// Reads where a subscription starts; nil when unset (the service resumes a durable subscriber or
    /// starts now).
    package static func optional(wire: SubscribeRequest.Start?) -> SubscriptionStart? {
        switch wire {
        case nil: nil
        case .beginning: .beginning
        case .afterPosition(let position): .after(position)
        case .now: .now
        }
    }
}

extension SubscribeRequest.Start {
    /// The wire form of a subscription start.
    package init(_ start: SubscriptionStart) {
        switch start {
        case .beginning: self = .beginning(SubscribeFromBeginning())
        case .after(let position): self = .afterPosition(position)
        case .now: self = .now(SubscribeFromNow())
        }
    }
}

extension SubscribeResponse {
    /// The wire form of one subscription item.
    package init(_ item: SubscriptionItem) {
        switch item {
        case .event(let envelope): self.init(item: .envelope(WarrenProto.RuntimeEventEnvelope(envelope)))
        case .caughtUp(let position): self.init(item: .caughtUp(CaughtUp(position: position)))
        case .lagged(let from, let to): self.init(item: .lagged(Lagged(fromPosition: from, toPosition: to)))
        }
    }
}

extension [SubscriptionItem] {
    /// Reads the items of one response: its marker or event, or the events of its batch in order.
    package init(wire: SubscribeResponse, field: String) throws(RPCError) {
        switch try requireOneof(wire.item, field) {
        case .envelope(let envelope):
            self = [.event(try WarrenRuntime.RuntimeEventEnvelope(wire: envelope, field: "\(field).envelope"))]
        case .batch(let batch):
            guard !batch.envelopes.isEmpty else {
                throw RPCError(.invalidArgument, "\(field).batch: a batch carries at least one envelope")
            }
            self = []
            for (index, envelope) in batch.envelopes.enumerated() {
                let path = "\(field).batch.envelopes[\(index)]"
                self.append(.event(try WarrenRuntime.RuntimeEventEnvelope(wire: envelope, field: path)))
            }
        case .caughtUp(let marker): self = [.caughtUp(position: marker.position)]
        case .lagged(let lagged): self = [.lagged(from: lagged.fromPosition, to: lagged.toPosition)]
        }
    }
}
