import NIOCore
import Synchronization
import WarrenProto
import WarrenRPC
import WarrenRuntime

/// The encoded `SubscribeResponse` of recent events, shared by every subscription that sends them: with
/// N subscribers an event is mapped to the wire and encoded once, not N times (D122).
///
/// Keyed by position, which names one event for good, in a ring of the last ``capacity`` positions; a
/// subscriber far behind the others misses and encodes for itself. The ring is wide because subscribers
/// replaying the log together drift thousands of positions apart, and each miss costs a mapping and an
/// encoding (D123). Its memory is bounded by ``byteBudget``, not by the slots: a response larger than
/// ``largestCached`` is never kept, and one that would take the total past the budget is not kept either.
final class EncodedEventCache: Sendable {
    /// Positions kept.
    static let capacity = 65_536
    /// The most bytes the kept responses may hold together.
    static let byteBudget = 32 << 20
    /// The largest response kept: encoding a larger one is small next to sending it.
    static let largestCached = 16 << 10

    private struct State {
        var slots = [(position: UInt64, bytes: ByteBuffer)?](repeating: nil, count: EncodedEventCache.capacity)
        var byteCount = 0

        mutating func keep(_ bytes: ByteBuffer, at position: UInt64, index: Int) {
            let replaced = self.slots[index]?.bytes.readableBytes ?? 0
            let total = self.byteCount - replaced + bytes.readableBytes
            guard bytes.readableBytes <= EncodedEventCache.largestCached, total <= EncodedEventCache.byteBudget else {
                return
            }
            self.slots[index] = (position, bytes)
            self.byteCount = total
        }
    }

    private let state = Mutex(State())

    /// The bytes the kept responses hold.
    var byteCount: Int { self.state.withLock { $0.byteCount } }

    /// The encoded response carrying `envelope`.
    func response(for envelope: WarrenRuntime.RuntimeEventEnvelope) throws(RPCError) -> ByteBuffer {
        if let cached = self.withKept(envelope, { $0 }) { return cached }
        return try self.encode(envelope)
    }

    /// Adds the response carrying `envelope` to `batch`, copying a kept one while it is looked up, so the
    /// shared buffer's reference count is not touched; false when it does not fit (see
    /// ``EventBatchEncoder/append(_:)``).
    func add(_ envelope: WarrenRuntime.RuntimeEventEnvelope, to batch: inout EventBatchEncoder) throws(RPCError) -> Bool
    {
        if let added = self.withKept(envelope, { batch.append($0) }) { return added }
        return batch.append(try self.encode(envelope))
    }

    /// `body` applied, under the lock, to the kept response carrying `envelope`; nil when it is not kept.
    private func withKept<Result>(
        _ envelope: WarrenRuntime.RuntimeEventEnvelope,
        _ body: (ByteBuffer) -> Result
    ) -> Result? {
        let index = Self.index(of: envelope)
        return self.state.withLock { state in
            guard let slot = state.slots[index], slot.position == envelope.position else { return nil }
            return body(slot.bytes)
        }
    }

    private static func index(of envelope: WarrenRuntime.RuntimeEventEnvelope) -> Int {
        Int(envelope.position % UInt64(Self.capacity))
    }

    /// Encodes the response carrying `envelope` and keeps it when it fits the bounds.
    private func encode(_ envelope: WarrenRuntime.RuntimeEventEnvelope) throws(RPCError) -> ByteBuffer {
        let bytes = try MessageCoding.encode(SubscribeResponse(.event(envelope)))
        self.state.withLock { $0.keep(bytes, at: envelope.position, index: Self.index(of: envelope)) }
        return bytes
    }
}
