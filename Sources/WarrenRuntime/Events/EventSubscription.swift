import DequeModule

/// Where a subscription starts.
public enum SubscriptionStart: Hashable, Sendable {
    /// From the oldest retained event.
    case beginning
    /// After this position (the last one the subscriber saw).
    case after(UInt64)
    /// Live events only.
    case now
}

/// What a subscription yields.
public enum SubscriptionItem: Hashable, Sendable {
    /// An event.
    case event(RuntimeEventEnvelope)
    /// Everything up to `position` has been replayed; what follows is live.
    case caughtUp(position: UInt64)
    /// Events `from...to` were compacted away before this subscriber read them: a hole it is told about.
    case lagged(from: UInt64, to: UInt64)
}

/// A subscriber's view of the event stream: replay from the log, a `caughtUp` marker, then live events,
/// with no gap or duplicate at the seam (SPEC §4.1).
///
/// A subscriber that falls behind its live buffer goes back to reading the log; one that falls behind
/// the log's retention gets `lagged`. Server memory per subscriber stays bounded by its buffer capacity.
public struct EventSubscription: AsyncSequence, Sendable {
    public typealias Element = SubscriptionItem

    let store: any RuntimeStore
    let bus: EventBus
    let filter: EventFilter
    let start: SubscriptionStart
    let bufferCapacity: Int
    let pageSize: Int

    public func makeAsyncIterator() -> Iterator {
        Iterator(subscription: self)
    }

    /// Reads the log, then the bus.
    public struct Iterator: AsyncIteratorProtocol {
        let subscription: EventSubscription
        private var cursor: UInt64 = 0
        private var started = false
        private var pending: Deque<SubscriptionItem> = []
        private var live: (subscriber: LiveSubscriber, id: UInt64)?
        private var announcedCaughtUp = false

        init(subscription: EventSubscription) {
            self.subscription = subscription
        }

        public mutating func next() async throws -> SubscriptionItem? {
            if !started { try await begin() }
            while true {
                if let item = pending.popFirst() { return item }
                if Task.isCancelled {
                    detach()
                    return nil
                }
                if let live {
                    switch await live.subscriber.next() {
                    case .envelope(let envelope)?:
                        guard advance(past: envelope) else { continue }
                        return .event(envelope)
                    case .overflowed?:
                        detach()  // fall back to the log from the cursor
                    case nil:
                        detach()
                        return nil
                    }
                } else {
                    try await catchUp()
                }
            }
        }

        /// The next item, then up to `limit - 1` more that are ready without waiting, in order; nil at the end.
        ///
        /// What is ready: items of the log page already read, and events already in the live buffer. A
        /// caller sending each batch in one message pays its per-message costs once per batch.
        public mutating func next(batchingUpTo limit: Int) async throws -> [SubscriptionItem]? {
            guard let first = try await next() else { return nil }
            var items = [first]
            while items.count < limit, let item = takeReady() { items.append(item) }
            return items
        }

        /// An item available now, without reading the log or waiting for the bus.
        private mutating func takeReady() -> SubscriptionItem? {
            if let item = pending.popFirst() { return item }
            guard let live, !Task.isCancelled else { return nil }
            while let envelope = live.subscriber.poll() {
                if advance(past: envelope) { return .event(envelope) }
            }
            return nil
        }

        /// Moves the cursor past `envelope`; false when it is already behind (a live event the log replay
        /// delivered).
        private mutating func advance(past envelope: RuntimeEventEnvelope) -> Bool {
            guard envelope.position > cursor else { return false }
            cursor = envelope.position
            return true
        }

        private mutating func begin() async throws {
            started = true
            switch subscription.start {
            case .beginning: cursor = 0
            case .after(let position): cursor = position
            case .now: cursor = try await subscription.store.readEvents(after: UInt64.max - 1, limit: 0).head
            }
        }

        /// Replays one page from the log; at the head, attaches to the bus and fills the seam.
        private mutating func catchUp() async throws {
            let page = try await subscription.store.readEvents(after: cursor, limit: subscription.pageSize)
            if page.oldestRetained > cursor + 1, cursor < page.head {
                pending.append(.lagged(from: cursor + 1, to: page.oldestRetained - 1))
                cursor = page.oldestRetained - 1
                return
            }
            if !page.events.isEmpty {
                enqueue(page.events)
                return
            }
            let subscriber = LiveSubscriber(capacity: subscription.bufferCapacity, filter: subscription.filter)
            let (id, after) = subscription.bus.attach(subscriber)
            live = (subscriber, id)
            // Events committed between the read above and the attach are in the log: read them too.
            while cursor < after {
                let seam = try await subscription.store.readEvents(after: cursor, limit: subscription.pageSize)
                guard !seam.events.isEmpty else { break }
                enqueue(seam.events.filter { $0.position <= after })
                if seam.events.last!.position >= after { break }
            }
            cursor = Swift.max(cursor, after)
            if !announcedCaughtUp {
                announcedCaughtUp = true
                pending.append(.caughtUp(position: cursor))
            }
        }

        private mutating func enqueue(_ envelopes: [RuntimeEventEnvelope]) {
            for envelope in envelopes where advance(past: envelope) {
                if subscription.filter.matches(envelope) { pending.append(.event(envelope)) }
            }
        }

        private mutating func detach() {
            if let live { subscription.bus.detach(live.id) }
            live = nil
        }
    }
}
