import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Random bytes from the system CSPRNG, drawn 4 KiB at a time and handed out once each.
///
/// One `getrandom` call per 16 ids instead of two per id (the profile at 33144b5 put id generation at about
/// 5 % of a busy server, mostly that system call). The bytes still come only from the kernel's CSPRNG; the
/// pool only buffers them, behind a lock, and clears each draw as it goes.
final class RandomBytePool: Sendable {
    /// The pool ids draw from.
    static let shared = RandomBytePool()

    private static let capacity = 4096

    private struct State {
        var bytes = [UInt8](repeating: 0, count: RandomBytePool.capacity)
        var next = RandomBytePool.capacity
    }

    private let state = Mutex(State())

    private init() {}

    /// Sixteen random bytes as two 64-bit words.
    func nextWords() -> (UInt64, UInt64) {
        self.state.withLock { state in
            if state.next + 16 > Self.capacity {
                Self.fill(&state.bytes)
                state.next = 0
            }
            let offset = state.next
            state.next += 16
            return state.bytes.withUnsafeMutableBytes { raw in
                let words = (
                    raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self),
                    raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)
                )
                raw.storeBytes(of: 0, toByteOffset: offset, as: UInt64.self)
                raw.storeBytes(of: 0, toByteOffset: offset + 8, as: UInt64.self)
                return words
            }
        }
    }

    /// Fills `bytes` from the kernel's CSPRNG; traps if it cannot, as `SystemRandomNumberGenerator` does.
    private static func fill(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { raw in
            #if canImport(Darwin)
                arc4random_buf(raw.baseAddress!, raw.count)
            #else
                // getentropy (the getrandom system call) gives at most 256 bytes per call.
                var filled = 0
                while filled < raw.count {
                    let count = min(256, raw.count - filled)
                    guard getentropy(raw.baseAddress! + filled, count) == 0 else {
                        if errno == EINTR { continue }
                        fatalError("getentropy failed: errno \(errno)")
                    }
                    filled += count
                }
            #endif
        }
    }
}
