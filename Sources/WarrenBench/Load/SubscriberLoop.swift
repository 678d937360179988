import Synchronization
import WarrenClient
import WarrenProto
import WarrenRPC

/// What one event-stream subscriber received.
struct SubscriberResult: Sendable {
    /// Events received while measuring.
    var measuredEvents = 0
    /// Events received in all.
    var events = 0
    /// `Lagged` notices: the server skipped events this subscriber fell too far behind for.
    var laggedNotices = 0
    /// How the stream ended before the run did, if it did (a status code name).
    var failure: String?
}

/// One subscriber: `Subscribe` from now, arrive at the latch on `CaughtUp`, then count every envelope.
struct SubscriberLoop: Sendable {
    let client: WarrenClient
    let window: MeasurementWindow
    let counters: LiveCounters
    let ready: ReadyLatch
    let maxBatch: Int

    /// Follows the stream until the task is cancelled (the run is over) or the stream fails.
    func run() async -> SubscriberResult {
        let request = SubscribeRequest(maxBatch: UInt32(self.maxBatch), start: .now(SubscribeFromNow()))
        do {
            return try await self.client.events.subscribe(request) { responses in
                try await self.count(responses)
            }
        } catch {
            let code = (error as? RPCError)?.code ?? .unknown
            self.ready.fail(BenchSetupError("a subscriber could not subscribe: \(error)"))
            var result = SubscriberResult()
            if self.window.phase != .over, code != .cancelled { result.failure = ErrorTally.name(of: code) }
            return result
        }
    }

    private func count(_ responses: RPCResponseStream<SubscribeResponse>) async throws -> SubscriberResult {
        var result = SubscriberResult()
        do {
            for try await response in responses {
                switch response.item {
                case .caughtUp?:
                    self.ready.arrive()
                case .lagged?:
                    result.laggedNotices += 1
                default:
                    let events = response.eventCount
                    result.events += events
                    if self.window.phase == .measuring { result.measuredEvents += events }
                    self.counters.events.add(events, ordering: .relaxed)
                }
            }
        } catch {
            // Cancelled at the end of the run: what was counted stands.
            if self.window.phase != .over, error.code != .cancelled { result.failure = ErrorTally.name(of: error.code) }
        }
        return result
    }
}

extension SubscribeResponse {
    /// The events this response carries: one for `envelope`, the batch's for `batch`, none for a marker.
    var eventCount: Int {
        switch self.item {
        case .envelope?: 1
        case .batch(let batch)?: batch.envelopes.count
        case .caughtUp?, .lagged?, nil: 0
        }
    }
}

/// A failure while preparing a run (sessions, subscriptions), before anything is measured.
public struct BenchSetupError: Error, CustomStringConvertible, Sendable {
    /// The explanation.
    public let description: String

    /// Creates the error.
    public init(_ description: String) {
        self.description = description
    }
}
