public import WarrenProto
public import WarrenRPC

/// Failed calls counted by what went wrong: the status code's name (`UNAVAILABLE`, `DEADLINE_EXCEEDED`, …), or
/// `REJECTED`, `DEDUPLICATED` and `NOT_COMPLETED` for calls that succeeded with an outcome the workload did
/// not expect.
public struct ErrorTally: Hashable, Sendable {
    /// Count per kind.
    public private(set) var counts: [String: Int] = [:]

    /// An empty tally.
    public init() {}

    /// Failures in all.
    public var total: Int { self.counts.values.reduce(0, +) }

    /// Counts one failure of `kind`.
    public mutating func record(_ kind: String) {
        self.counts[kind, default: 0] += 1
    }

    /// Counts one failed call.
    public mutating func record(_ error: RPCError) {
        self.record(Self.name(of: error.code))
    }

    /// Adds every count of `other`.
    public mutating func merge(_ other: ErrorTally) {
        self.counts.merge(other.counts, uniquingKeysWith: +)
    }

    /// The short name of a status code: its .proto name without the `STATUS_CODE_` prefix.
    public static func name(of code: StatusCode) -> String {
        guard let protoName = code.protoName else { return "CODE_\(code.rawValue)" }
        return String(protoName.dropFirst("STATUS_CODE_".count))
    }
}
