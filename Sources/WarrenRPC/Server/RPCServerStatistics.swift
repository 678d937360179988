internal import Synchronization

/// A snapshot of a server's counters, as `Health.ServerInfo` reports them.
public struct RPCServerStatistics: Hashable, Sendable {
    /// Connections accepted and not yet closed.
    public var openConnections: Int
    /// Calls (streams) started and not yet ended.
    public var openStreams: Int
    /// Calls received since the server started, refused ones included.
    public var totalCalls: Int
    /// Calls that ended with a status other than OK, were cancelled, refused or cut by a lost connection.
    public var failedCalls: Int
    /// Whether a graceful shutdown has begun (GOAWAY sent, no new connections or calls).
    public var isDraining: Bool

    /// Creates a snapshot.
    public init(
        openConnections: Int = 0,
        openStreams: Int = 0,
        totalCalls: Int = 0,
        failedCalls: Int = 0,
        isDraining: Bool = false
    ) {
        self.openConnections = openConnections
        self.openStreams = openStreams
        self.totalCalls = totalCalls
        self.failedCalls = failedCalls
        self.isDraining = isDraining
    }
}

/// The live counters behind ``RPCServerStatistics``, updated from every event loop without locks.
final class ServerStatisticsRecorder: Sendable {
    private let openConnections = Atomic<Int>(0)
    private let openStreams = Atomic<Int>(0)
    private let totalCalls = Atomic<Int>(0)
    private let failedCalls = Atomic<Int>(0)
    private let draining = Atomic<Bool>(false)

    /// Creates zeroed counters.
    init() {}

    /// A connection was accepted.
    func connectionOpened() { self.openConnections.add(1, ordering: .relaxed) }

    /// A connection closed.
    func connectionClosed() { self.openConnections.subtract(1, ordering: .relaxed) }

    /// A call was accepted and its stream opened.
    func streamOpened() {
        self.openStreams.add(1, ordering: .relaxed)
        self.totalCalls.add(1, ordering: .relaxed)
    }

    /// An accepted call's stream ended.
    func streamClosed(failed: Bool) {
        self.openStreams.subtract(1, ordering: .relaxed)
        if failed { self.failedCalls.add(1, ordering: .relaxed) }
    }

    /// A call was refused before it opened (too many streams, or draining).
    func callRefused() {
        self.totalCalls.add(1, ordering: .relaxed)
        self.failedCalls.add(1, ordering: .relaxed)
    }

    /// A graceful shutdown began.
    func drainingStarted() { self.draining.store(true, ordering: .relaxed) }

    /// The current values.
    var snapshot: RPCServerStatistics {
        RPCServerStatistics(
            openConnections: self.openConnections.load(ordering: .relaxed),
            openStreams: self.openStreams.load(ordering: .relaxed),
            totalCalls: self.totalCalls.load(ordering: .relaxed),
            failedCalls: self.failedCalls.load(ordering: .relaxed),
            isDraining: self.draining.load(ordering: .relaxed)
        )
    }
}
