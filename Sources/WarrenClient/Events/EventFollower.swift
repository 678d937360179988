import AsyncAlgorithms
public import WarrenProto
import WarrenRPC

/// Follows `RuntimeEvents.Subscribe` across lost connections: after UNAVAILABLE it subscribes again after the
/// last position it delivered, so the caller sees every event once, in order, with `Lagged` for any hole.
///
/// Items pass through a channel that suspends the producer until the consumer takes each one, so a slow
/// consumer slows the subscription (and the server's flow control) instead of growing a buffer. The
/// subscription is cancelled when iteration stops.
public struct EventFollower: AsyncSequence, Sendable {
    public typealias Element = SubscribeResponse

    let events: RuntimeEventsClient
    let request: SubscribeRequest
    let policy: ReconnectPolicy

    /// A follower of `request` over `events` (``WarrenClient/followEvents(_:reconnect:)`` makes one).
    package init(events: RuntimeEventsClient, request: SubscribeRequest, policy: ReconnectPolicy) {
        self.events = events
        self.request = request
        self.policy = policy
    }

    public func makeAsyncIterator() -> Iterator {
        let channel = AsyncThrowingChannel<SubscribeResponse, any Error>()
        let producer = Task { [events, request, policy] in
            await Self.produce(events: events, request: request, policy: policy, into: channel)
        }
        return Iterator(channel: channel, producer: ProducerHandle(task: producer))
    }

    /// Reads the followed items.
    public struct Iterator: AsyncIteratorProtocol {
        private var base: AsyncThrowingChannel<SubscribeResponse, any Error>.Iterator
        private let producer: ProducerHandle

        fileprivate init(channel: AsyncThrowingChannel<SubscribeResponse, any Error>, producer: ProducerHandle) {
            self.base = channel.makeAsyncIterator()
            self.producer = producer
        }

        public mutating func next() async throws -> SubscribeResponse? {
            try await self.base.next()
        }
    }

    private static func produce(
        events: RuntimeEventsClient,
        request: SubscribeRequest,
        policy: ReconnectPolicy,
        into channel: AsyncThrowingChannel<SubscribeResponse, any Error>
    ) async {
        let cursor = FollowCursor(request: request)
        var attempt = 0
        while !Task.isCancelled {
            do {
                try await events.subscribe(cursor.request) { stream in
                    for try await item in stream {
                        cursor.advance(past: item)
                        await channel.send(item)
                    }
                }
                channel.finish()
                return
            } catch let error as RPCError where error.code == .unavailable && attempt < policy.maxAttempts {
                attempt = cursor.takeProgress() ? 1 : attempt + 1
                do { try await Task.sleep(for: policy.delay(before: attempt)) } catch { break }
            } catch {
                channel.fail(error)
                return
            }
        }
        channel.finish()
    }
}

/// Cancels the producer when the last iterator copy goes away.
final class ProducerHandle: Sendable {
    let task: Task<Void, Never>

    init(task: Task<Void, Never>) {
        self.task = task
    }

    deinit {
        self.task.cancel()
    }
}
