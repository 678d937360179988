/// What admission asks of the runtime loop, strongest kept until taken (adapter-spec §2.5).
public enum PostAdmissionSignal: Int, Hashable, Sendable, Comparable {
    /// Nothing to do.
    case none = 0
    /// Wake the loop.
    case wakeLoop = 1
    /// Wake the loop and process at once (a steer hint).
    case requestImmediateProcessing = 2

    /// The loop should wake.
    public var shouldWake: Bool { self >= .wakeLoop }
    /// The loop should process immediately.
    public var shouldProcessImmediately: Bool { self == .requestImmediateProcessing }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
