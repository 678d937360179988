/// How often and how patiently a follower reconnects after losing the server.
public struct ReconnectPolicy: Hashable, Sendable {
    /// Reconnect attempts in a row before giving up (reset by every item received).
    public var maxAttempts: Int
    /// The first delay; it doubles per attempt up to ``maxDelay``.
    public var initialDelay: Duration
    /// The longest delay between attempts.
    public var maxDelay: Duration

    /// Creates a policy.
    public init(maxAttempts: Int = 20, initialDelay: Duration = .milliseconds(50), maxDelay: Duration = .seconds(2)) {
        self.maxAttempts = maxAttempts
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
    }

    /// The delay before attempt `attempt` (1-based).
    func delay(before attempt: Int) -> Duration {
        var delay = self.initialDelay
        for _ in 1..<max(1, attempt) where delay < self.maxDelay { delay *= 2 }
        return min(delay, self.maxDelay)
    }
}
