import WarrenClient
import WarrenProto
import WarrenRPC

/// The second half of a `--producer replay` run: every subscriber reads the log from its beginning to
/// `CaughtUp`, all at once, timed from the first subscription to the last `CaughtUp` (D119).
struct ReplayPhase: Sendable {
    let subscribers: Int
    let maxBatch: Int
    let clients: [WarrenClient]

    /// Each subscriber's result, and the time from the start to the slowest subscriber's `CaughtUp`.
    func run() async -> ([SubscriberResult], Duration) {
        let start = ContinuousClock.now
        let results = await withTaskGroup(of: SubscriberResult.self) { group in
            for index in 0..<self.subscribers {
                let client = self.clients[index % self.clients.count]
                group.addTask(executorPreference: client.preferredTaskExecutor) {
                    await Self.replay(client, maxBatch: self.maxBatch)
                }
            }
            var results: [SubscriberResult] = []
            for await result in group { results.append(result) }
            return results
        }
        return (results, ContinuousClock.now - start)
    }

    /// Reads from the beginning until `CaughtUp`; every envelope counts as measured.
    private static func replay(_ client: WarrenClient, maxBatch: Int) async -> SubscriberResult {
        let request = SubscribeRequest(maxBatch: UInt32(maxBatch), start: .beginning(SubscribeFromBeginning()))
        do {
            return try await client.events.subscribe(request) { responses in try await Self.count(responses) }
        } catch {
            var result = SubscriberResult()
            result.failure = ErrorTally.name(of: (error as? RPCError)?.code ?? .unknown)
            return result
        }
    }

    private static func count(_ responses: RPCResponseStream<SubscribeResponse>) async throws -> SubscriberResult {
        var result = SubscriberResult()
        for try await response in responses {
            switch response.item {
            case .caughtUp?:
                return result
            case .lagged?:
                result.laggedNotices += 1
            default:
                result.events += response.eventCount
                result.measuredEvents += response.eventCount
            }
        }
        result.failure = "ended before CaughtUp"
        return result
    }
}
