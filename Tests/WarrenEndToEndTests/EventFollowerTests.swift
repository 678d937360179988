import NIOCore
import Synchronization
import Testing
import WarrenClient
import WarrenProto
import WarrenRPC

/// `WarrenClient.followEvents` across lost connections, against a caller that drops the stream on cue:
/// every resubscription starts after the last position delivered, and non-retryable errors end the follow.
@Suite("Event follower")
struct EventFollowerTests {
    @Test("after UNAVAILABLE the follower resubscribes after the last position it delivered, with no gap or repeat")
    func resumesAfterLastPosition() async throws {
        let caller = ScriptedSubscribeCaller(scripts: [
            .init(items: [.caughtUp(3), .event(4), .event(5)], end: RPCError(.unavailable, "connection lost")),
            .init(
                items: [.caughtUp(5), .event(6), .lagged(7, 9), .event(10)],
                end: RPCError(.unavailable, "lost again")
            ),
            .init(items: [.event(11)], end: nil),
        ])
        let follower = EventFollower(
            events: RuntimeEventsClient(caller: caller),
            request: SubscribeRequest(start: .now(SubscribeFromNow())),
            policy: ReconnectPolicy(maxAttempts: 3, initialDelay: .milliseconds(1))
        )
        var positions: [UInt64] = []
        for try await item in follower {
            if case .envelope(let envelope) = item.item { positions.append(envelope.position) }
        }
        #expect(positions == [4, 5, 6, 10, 11])
        #expect(caller.starts == [.now(SubscribeFromNow()), .afterPosition(5), .afterPosition(10)])
    }

    @Test("with batches, the follower resumes after the last event of the last batch it delivered")
    func resumesAfterLastBatch() async throws {
        let caller = ScriptedSubscribeCaller(scripts: [
            .init(items: [.caughtUp(3), .batch([4, 5, 6])], end: RPCError(.unavailable, "connection lost")),
            .init(items: [.batch([7])], end: nil),
        ])
        let follower = EventFollower(
            events: RuntimeEventsClient(caller: caller),
            request: SubscribeRequest(maxBatch: 64, start: .now(SubscribeFromNow())),
            policy: ReconnectPolicy(maxAttempts: 3, initialDelay: .milliseconds(1))
        )
        var positions: [UInt64] = []
        for try await item in follower {
            if case .batch(let batch) = item.item { positions += batch.envelopes.map(\.position) }
        }
        #expect(positions == [4, 5, 6, 7])
        #expect(caller.starts == [.now(SubscribeFromNow()), .afterPosition(6)])
    }

    @Test("a non-retryable error ends the follow with that error")
    func failsOnOtherErrors() async throws {
        let caller = ScriptedSubscribeCaller(scripts: [
            .init(items: [.event(1)], end: RPCError(.permissionDenied, "no"))
        ])
        let follower = EventFollower(
            events: RuntimeEventsClient(caller: caller),
            request: SubscribeRequest(start: .beginning(SubscribeFromBeginning())),
            policy: ReconnectPolicy(maxAttempts: 3, initialDelay: .milliseconds(1))
        )
        var iterator = follower.makeAsyncIterator()
        #expect(try await iterator.next() != nil)
        await #expect(throws: RPCError(.permissionDenied, "no")) { _ = try await iterator.next() }
    }

    @Test("reconnect attempts in a row are bounded")
    func boundedAttempts() async throws {
        let lost = ScriptedSubscribeCaller.Script(items: [], end: RPCError(.unavailable, "down"))
        let caller = ScriptedSubscribeCaller(scripts: Array(repeating: lost, count: 10))
        let follower = EventFollower(
            events: RuntimeEventsClient(caller: caller),
            request: SubscribeRequest(),
            policy: ReconnectPolicy(maxAttempts: 2, initialDelay: .milliseconds(1))
        )
        var iterator = follower.makeAsyncIterator()
        await #expect(throws: RPCError.self) { _ = try await iterator.next() }
        #expect(caller.starts.count == 3)
    }
}

/// An `RPCCaller` that answers each Subscribe with the next script: its items, then its ending.
final class ScriptedSubscribeCaller: RPCCaller {
    struct Script: Sendable {
        var items: [Item]
        var end: RPCError?
    }

    enum Item: Sendable {
        case event(UInt64)
        case batch([UInt64])
        case caughtUp(UInt64)
        case lagged(UInt64, UInt64)

        var response: SubscribeResponse {
            switch self {
            case .event(let position): SubscribeResponse(item: .envelope(RuntimeEventEnvelope(position: position)))
            case .batch(let positions):
                SubscribeResponse(
                    item: .batch(EnvelopeBatch(envelopes: positions.map { RuntimeEventEnvelope(position: $0) }))
                )
            case .caughtUp(let position): SubscribeResponse(item: .caughtUp(CaughtUp(position: position)))
            case .lagged(let from, let to): SubscribeResponse(item: .lagged(Lagged(fromPosition: from, toPosition: to)))
            }
        }
    }

    private let state: Mutex<(scripts: [Script], starts: [SubscribeRequest.Start?])>

    init(scripts: [Script]) {
        self.state = Mutex((scripts, []))
    }

    /// The start of every Subscribe received, in order.
    var starts: [SubscribeRequest.Start?] { self.state.withLock { $0.starts } }

    func serverStreaming<Request: ProtoMessage, Response: ProtoMessage, Result: Sendable>(
        _ method: MethodDescriptor,
        request: Request,
        options: CallOptions,
        body: @Sendable (RPCResponseStream<Response>) async throws -> Result
    ) async throws -> Result {
        let script = self.state.withLock { state -> Script? in
            state.starts.append((request as? SubscribeRequest)?.start)
            return state.scripts.isEmpty ? nil : state.scripts.removeFirst()
        }
        guard let script else { throw RPCError(.unavailable, "no more scripts") }
        let transport = ScriptTransport(items: script.items.map(\.response), end: script.end)
        return try await body(RPCResponseStream(transport: transport))
    }

    func unary<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: MethodDescriptor,
        request: Request,
        options: CallOptions
    ) async throws(RPCError) -> Response {
        throw RPCError(.unimplemented, "unary")
    }

    func clientStreaming<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: MethodDescriptor,
        options: CallOptions,
        requests: @Sendable (RPCRequestWriter<Request>) async throws -> Void
    ) async throws -> Response {
        throw RPCError(.unimplemented, "client streaming")
    }

    func bidirectional<Request: ProtoMessage, Response: ProtoMessage, Result: Sendable>(
        _ method: MethodDescriptor,
        options: CallOptions,
        body: @Sendable (RPCRequestWriter<Request>, RPCResponseStream<Response>) async throws -> Result
    ) async throws -> Result {
        throw RPCError(.unimplemented, "bidirectional")
    }
}

/// Plays scripted responses, then ends OK or with the script's error.
private final class ScriptTransport: ClientCallTransport {
    private let queue: Mutex<[SubscribeResponse]>
    private let end: RPCError?

    init(items: [SubscribeResponse], end: RPCError?) {
        self.queue = Mutex(items)
        self.end = end
    }

    func sendRequest(_ message: ByteBuffer) async throws(RPCError) {}

    func finishRequests() async throws(RPCError) {}

    func nextResponse() async throws(RPCError) -> ByteBuffer? {
        guard let item = self.queue.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else {
            if let end { throw end }
            return nil
        }
        var buffer = ByteBuffer()
        _ = try? item.serialize(into: &buffer)
        return buffer
    }
}
