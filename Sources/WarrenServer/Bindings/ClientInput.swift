import WarrenProto
import WarrenRPC
import WarrenRuntime

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Inputs as clients send them. A client may leave the header's bookkeeping to the server: an empty id gets a
/// new UUIDv7, a zero timestamp gets the admission time, a missing source is the operator and an unset
/// durability is durable. The strict mapping then reads the completed input.
enum ClientInput {
    /// The domain input for `wire`; INVALID_ARGUMENT (naming `field`) when it is missing or malformed.
    static func read(_ wire: WarrenProto.Input?, field: String) throws(RPCError) -> WarrenRuntime.Input {
        var input = try requireWire(wire, field)
        switch input.variant {
        case .prompt(var variant):
            variant.header = Self.completed(variant.header)
            input.variant = .prompt(variant)
        case .peer(var variant):
            variant.header = Self.completed(variant.header)
            input.variant = .peer(variant)
        case .flowStep(var variant):
            variant.header = Self.completed(variant.header)
            input.variant = .flowStep(variant)
        case .externalEvent(var variant):
            variant.header = Self.completed(variant.header)
            input.variant = .externalEvent(variant)
        case .continuation(var variant):
            variant.header = Self.completed(variant.header)
            input.variant = .continuation(variant)
        case .operation(var variant):
            variant.header = Self.completed(variant.header)
            input.variant = .operation(variant)
        case nil:
            break
        }
        return try WarrenRuntime.Input(wire: input, field: field)
    }

    private static func completed(_ header: WarrenProto.InputHeader?) -> WarrenProto.InputHeader {
        var header = header ?? WarrenProto.InputHeader()
        if header.inputID.isEmpty { header.inputID = InputID.make().rawValue }
        if header.timestampUnixNanos == 0 { header.timestampUnixNanos = WallClock.unixNanos() }
        if header.source == nil { header.source = InputOrigin(origin: .operatorOrigin(InputOriginOperator())) }
        if header.durability == .unspecified { header.durability = .durable }
        return header
    }
}

/// The wall clock in Unix nanoseconds, as the wire carries times.
enum WallClock {
    static func unixNanos() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }
}
