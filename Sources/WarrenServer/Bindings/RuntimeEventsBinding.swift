import WarrenProto
import WarrenRPC
import WarrenRuntime

/// RuntimeEvents.Subscribe: replay from the log, CaughtUp, then live events; `Lagged` for compacted holes.
///
/// Responses run at most a bounded pipeline ahead of the client's flow-control credit (D118), so a slow
/// subscriber fills only its bounded live buffer; past it the subscription reads the log instead, and past
/// the log's retention it is told `Lagged` (SPEC §4.1). Server memory per subscriber stays bounded either
/// way. With `max_batch` above 1, the events ready together go in one `batch` item (D123).
struct RuntimeEventsBinding: RuntimeEventsServiceProtocol {
    /// The most events in one `batch` item, whatever `max_batch` asks for.
    static let maxBatch: UInt32 = 1_024

    let server: WarrenServer

    func subscribe(
        _ request: SubscribeRequest,
        responses: RPCResponseWriter<SubscribeResponse>,
        context: ServerCallContext
    ) async throws {
        let filter = try WarrenRuntime.EventFilter(wire: request.filter ?? WarrenProto.EventFilter(), field: "filter")
        let durable = request.durableSubscriber.isEmpty ? nil : request.durableSubscriber
        let start = try self.start(request.start, durable: durable)
        let subscription = self.server.adapter.subscribe(filter: filter, start: start)
        let batching = request.maxBatch > 1
        let limit = batching ? Int(min(request.maxBatch, Self.maxBatch)) : 1
        try await self.server.counters.subscriber {
            var progress = DurableProgress(name: durable)
            do {
                var items = subscription.makeAsyncIterator()
                while let ready = try await items.next(batchingUpTo: limit) {
                    try await self.send(ready, batching: batching, to: responses)
                    if progress.saw(ready) { try await progress.save(to: self.server.durableSubscribers) }
                }
            } catch {
                try? await progress.save(to: self.server.durableSubscribers)
                throw error
            }
            try await progress.save(to: self.server.durableSubscribers)
        }
    }

    /// Sends `items` in order: events alone, or consecutive events packed into `batch` items; markers alone.
    private func send(
        _ items: [SubscriptionItem],
        batching: Bool,
        to responses: RPCResponseWriter<SubscribeResponse>
    ) async throws {
        var batch = EventBatchEncoder(expectedEvents: items.count)
        for item in items {
            guard case .event(let envelope) = item else {
                if !batch.isEmpty { try await responses.write(encoded: batch.take()) }
                try await responses.write(SubscribeResponse(item))
                continue
            }
            guard batching else {
                try await responses.write(encoded: try self.server.encodedEvents.response(for: envelope))
                continue
            }
            if try !self.server.encodedEvents.add(envelope, to: &batch) {
                try await responses.write(encoded: batch.take())
                _ = try self.server.encodedEvents.add(envelope, to: &batch)  // an empty batch takes any event
            }
        }
        if !batch.isEmpty { try await responses.write(encoded: batch.take()) }
    }

    private func start(_ start: SubscribeRequest.Start?, durable: String?) throws(RPCError) -> SubscriptionStart {
        switch start {
        case .beginning: return .beginning
        case .now: return .now
        case .afterPosition(let position):
            let head = self.server.adapter.bus.deliveredPosition
            guard position <= head else {
                throw RPCError(
                    .outOfRange,
                    "after_position \(position) is past the head of the log (\(head))",
                    detail: ErrorDetail(kind: .positionOutOfRange, limit: head)
                )
            }
            return .after(position)
        case nil:
            guard let durable, let position = self.server.durableSubscribers.position(of: durable) else { return .now }
            return .after(position)
        }
    }
}

extension SubscriptionItem {
    /// The position a subscriber that saw this item resumes after.
    var resumePosition: UInt64? {
        switch self {
        case .event(let envelope): envelope.position
        case .lagged(_, let to): to
        case .caughtUp(let position): position
        }
    }
}

/// A durable subscriber's delivered position, saved every so many items and when the stream ends, rather
/// than one store write per event.
struct DurableProgress {
    /// Items between saves.
    static let saveInterval = 256

    let name: String?
    private var position: UInt64?
    private var unsaved = 0

    init(name: String?) {
        self.name = name
    }

    /// Notes a delivered item; true when it is time to save.
    mutating func saw(_ item: SubscriptionItem) -> Bool {
        guard self.name != nil, let position = item.resumePosition else { return false }
        self.position = position
        self.unsaved += 1
        if case .caughtUp = item { return true }
        return self.unsaved >= Self.saveInterval
    }

    /// Notes delivered items in order; true when it is time to save.
    mutating func saw(_ items: [SubscriptionItem]) -> Bool {
        var due = false
        for item in items where self.saw(item) { due = true }
        return due
    }

    /// Saves the position reached, if anything is unsaved.
    mutating func save(to subscribers: DurableSubscribers) async throws(RuntimeStoreError) {
        guard let name, let position, self.unsaved > 0 else { return }
        try await subscribers.record(name, position: position)
        self.unsaved = 0
    }
}
