import DequeModule
import Synchronization

/// The append-only record of terminal transitions that consumers read by cursor (persistence-spec §5.2).
///
/// The registry is the only writer and appends under its own lock, so sequences arrive strictly increasing.
/// The buffer is bounded independently of the registry's retention, so it outlives evicted operations.
public final class CompletionFeed: Sendable {
    /// How many entries the buffer keeps before dropping the oldest.
    public let capacity: Int
    private let state: Mutex<State>

    private struct State {
        var entries: Deque<CompletionEntry> = []
        var watermark: UInt64 = 0
        var slots: [UInt64: Slot] = [:]
        var nextToken: UInt64 = 0
    }

    // One per `waitForAdvance` call; `.allocated` covers the gap before the continuation exists,
    // where a cancellation must be remembered rather than delivered.
    private enum Slot {
        case allocated
        case waiting(after: UInt64, continuation: CheckedContinuation<UInt64?, Never>)
        case cancelled
    }

    /// The reference's buffer size: four times the registry's retention so consumers can lag a burst, at least 1024.
    static func capacity(forMaxCompleted maxCompleted: Int) -> Int {
        max(maxCompleted.multipliedReportingOverflow(by: 4).overflow ? Int.max : maxCompleted * 4, 1024)
    }

    init(capacity: Int, seed: [CompletionEntry] = []) {
        self.capacity = max(capacity, 1)
        var initial = State()
        for entry in seed.suffix(self.capacity) { initial.entries.append(entry) }
        initial.watermark = seed.last?.seq ?? 0
        state = Mutex(initial)
    }

    /// The highest sequence written.
    public var watermark: UInt64 { state.withLock { $0.watermark } }

    /// Entries with a sequence greater than `seq`, and the watermark read with them.
    public func listSince(after seq: UInt64) -> CompletionBatch {
        state.withLock { state in
            // Entries are in sequence order, so the unread ones form a suffix.
            let unread = state.entries.reversed().prefix { $0.seq > seq }
            return CompletionBatch(entries: unread.reversed(), watermark: state.watermark)
        }
    }

    /// Suspends until the watermark passes `seq`, and returns the new watermark.
    ///
    /// - Throws: `CancellationError` when the waiting task is cancelled first.
    public func waitForAdvance(after seq: UInt64) async throws(CancellationError) -> UInt64 {
        let token = state.withLock { state -> UInt64 in
            state.nextToken += 1
            state.slots[state.nextToken] = .allocated
            return state.nextToken
        }
        let watermark = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<UInt64?, Never>) in
                let immediate: UInt64?? = state.withLock { state in
                    if state.watermark > seq {
                        state.slots[token] = nil
                        return .some(state.watermark)
                    }
                    if case .cancelled = state.slots[token] {
                        state.slots[token] = nil
                        return .some(nil)
                    }
                    state.slots[token] = .waiting(after: seq, continuation: continuation)
                    return nil
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<UInt64?, Never>? in
                switch state.slots[token] {
                case .waiting(_, let continuation):
                    state.slots[token] = nil
                    return continuation
                case .allocated:
                    state.slots[token] = .cancelled
                    return nil
                case .cancelled, nil:
                    return nil
                }
            }
            waiter?.resume(returning: nil)
        }
        guard let watermark else { throw CancellationError() }
        return watermark
    }

    /// Every buffered entry, oldest first (what a persisted snapshot carries).
    var bufferedEntries: [CompletionEntry] { state.withLock { Array($0.entries) } }

    func append(_ entry: CompletionEntry) {
        let woken = state.withLock { state -> [CheckedContinuation<UInt64?, Never>] in
            assert(entry.seq > state.watermark, "completion sequences must increase")
            state.entries.append(entry)
            state.watermark = entry.seq
            if state.entries.count > capacity { state.entries.removeFirst(state.entries.count - capacity) }
            var woken: [CheckedContinuation<UInt64?, Never>] = []
            for (token, slot) in state.slots {
                guard case .waiting(let after, let continuation) = slot, after < entry.seq else { continue }
                state.slots[token] = nil
                woken.append(continuation)
            }
            return woken
        }
        for continuation in woken { continuation.resume(returning: entry.seq) }
    }
}
