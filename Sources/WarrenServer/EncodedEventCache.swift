import NIOCore
import Synchronization
import WarrenProto
import WarrenRPC
import WarrenRuntime

/// The encoded `SubscribeResponse` of recent events, shared by every subscription that sends them: with
/// N subscribers an event is mapped to the wire and encoded once, not N times (D122).
///
/// Keyed by position, which names one event for good, in a ring of the last ``capacity`` positions; a
/// subscriber far behind the others misses and encodes for itself. `ByteBuffer` shares its storage, so a
/// hit copies nothing.
final class EncodedEventCache: Sendable {
    /// Positions kept: enough for subscribers a few thousand events apart to share.
    static let capacity = 4_096

    private let slots = Mutex([(position: UInt64, bytes: ByteBuffer)?](repeating: nil, count: capacity))

    /// The encoded response carrying `envelope`.
    func response(for envelope: WarrenRuntime.RuntimeEventEnvelope) throws(RPCError) -> ByteBuffer {
        let index = Int(envelope.position % UInt64(Self.capacity))
        if let bytes = self.slots.withLock({ $0[index]?.position == envelope.position ? $0[index]?.bytes : nil }) {
            return bytes
        }
        let bytes = try MessageCoding.encode(SubscribeResponse(.event(envelope)))
        self.slots.withLock { $0[index] = (envelope.position, bytes) }
        return bytes
    }
}
