#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A wall-clock instant in Unix nanoseconds, as timestamps travel on the wire.
public struct Timestamp: Hashable, Sendable, Comparable {
    /// Nanoseconds since the Unix epoch.
    public let unixNanos: Int64

    /// Wraps a Unix-nanosecond value.
    public init(unixNanos: Int64) {
        self.unixNanos = unixNanos
    }

    /// The current wall-clock time.
    public static func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(unixNanos: Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec))
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.unixNanos < rhs.unixNanos }
}
