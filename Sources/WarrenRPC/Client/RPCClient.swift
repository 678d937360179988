internal import NIOCore
internal import NIOPosix
import Synchronization
internal import WarrenProto

/// Makes calls to one Warren server over a single multiplexed connection, opened on the first call and
/// replaced after it fails or the server sends GOAWAY.
///
/// ```swift
/// let client = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: 7433))
/// let reply: HealthCheckResponse = try await client.unary(check, request: HealthCheckRequest(), options: .init())
/// await client.close()
/// ```
public final class RPCClient: RPCCaller {
    private struct State: Sendable {
        var current: ClientConnection?
        var live: [ObjectIdentifier: ClientConnection] = [:]
        var closed = false
    }

    private let configuration: RPCClientConfiguration
    /// The event loop every connection of this client runs on.
    private let eventLoop: any EventLoop
    private let state = Mutex(State())

    /// An executor running tasks on the thread that owns this client's connections. Calls made by a task
    /// that prefers it (`withTaskExecutorPreference`, `addTask(executorPreference:)`) reach the socket, and
    /// their responses the caller, with no thread hop (D129); keep such tasks free of blocking work, which
    /// would hold up the connection's I/O.
    public let preferredTaskExecutor: any TaskExecutor

    /// Creates a client; nothing connects until the first call.
    public init(configuration: RPCClientConfiguration = RPCClientConfiguration()) {
        self.configuration = configuration
        self.eventLoop = MultiThreadedEventLoopGroup.singleton.next()
        self.preferredTaskExecutor = EventLoopTaskExecutor(eventLoop: self.eventLoop)
    }

    /// Stops taking calls, lets the calls in flight finish, and closes every connection.
    public func close() async {
        let connections = self.state.withLock { state in
            state.closed = true
            state.current = nil
            return Array(state.live.values)
        }
        for connection in connections { await connection.close() }
    }

    /// The connection new calls go to: the current one while it takes calls, otherwise a new one.
    func connection() throws(RPCError) -> ClientConnection {
        try self.state.withLock { state throws(RPCError) in
            guard !state.closed else { throw RPCError(.unavailable, "the client is closed") }
            if let current = state.current, current.isAcceptingCalls { return current }
            let connection = ClientConnection.connect(self.configuration, on: self.eventLoop)
            state.current = connection
            state.live[ObjectIdentifier(connection)] = connection
            connection.signals.closeFuture.whenComplete { [weak self] _ in self?.forget(connection) }
            return connection
        }
    }

    private func forget(_ connection: ClientConnection) {
        self.state.withLock { state in
            state.live[ObjectIdentifier(connection)] = nil
            if state.current === connection { state.current = nil }
        }
    }
}

// MARK: - Starting calls

extension RPCClient {
    /// Runs `body` over a new call; CANCEL goes out if the calling task is cancelled or `body` ends before the
    /// call did.
    func withCall<Result>(
        _ method: MethodDescriptor,
        options: CallOptions,
        request: ByteBuffer?,
        _ body: (ClientCall) async throws -> Result
    ) async throws -> Result {
        let inbox = ClientCallInbox()
        return try await withTaskCancellationHandler {
            let call = try await self.startCall(method, options: options, request: request, inbox: inbox)
            do {
                let result = try await body(call)
                call.abandon(RPCError(.cancelled, "the caller finished before the call ended"))
                return result
            } catch is CancellationError {
                let error = RPCError(.cancelled, "the calling task was cancelled")
                call.abandon(error)
                throw error
            } catch {
                call.abandon(Self.callError(error))
                throw error
            }
        } onCancel: {
            let error = RPCError(.cancelled, "the calling task was cancelled")
            inbox.requestCancel(error)?.cancel(inbox, error)
        }
    }

    /// Opens the call's stream, retrying once on a fresh connection when the current one refuses new streams
    /// (nothing was sent, so the retry is safe).
    private func startCall(
        _ method: MethodDescriptor,
        options: CallOptions,
        request: ByteBuffer?,
        inbox: ClientCallInbox
    ) async throws(RPCError) -> ClientCall {
        let deadline = options.timeout.map { NIODeadline.now() + TimeAmount($0) }
        var attemptsLeft = 2
        while true {
            attemptsLeft -= 1
            let connection = try self.connection()
            let peer = try await connection.peerSettings()
            if let error = inbox.attach(to: connection) { throw error }
            let encoding = RequestEncoding(
                peer: peer,
                compress: options.compression ?? self.configuration.compression.enabled,
                threshold: self.configuration.compression.minimumSize
            )
            let message = try request.map { bytes throws(RPCError) in try encoding.encode(bytes) }
            let start = await connection.start(
                ClientCallRequest(
                    headers: self.headers(method, options: options, encoding: encoding),
                    message: message?.0,
                    compressed: message?.1 ?? false,
                    deadline: deadline,
                    inbox: inbox
                )
            )
            switch start {
            case .opened(let streamID):
                return ClientCall(
                    connection: connection,
                    streamID: streamID,
                    inbox: inbox,
                    encoding: encoding,
                    maxResponseSize: self.configuration.maxMessageSize
                )
            case .refused(let error) where attemptsLeft == 0, .failed(let error):
                throw error
            case .refused:
                continue
            }
        }
    }

    private func headers(_ method: MethodDescriptor, options: CallOptions, encoding: RequestEncoding) -> CallHeaders {
        CallHeaders(
            method: method.path,
            timeoutMs: options.timeout.map(Self.milliseconds) ?? 0,
            metadata: self.configuration.defaultMetadata.merging(options.metadata) { _, call in call },
            messageEncoding: encoding.headerValue
        )
    }

    /// A timeout in whole milliseconds, rounded up so a short deadline never reads as "none" (0).
    private static func milliseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 || seconds > 0 else { return 1 }
        let millis = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return UInt64(max(1, millis))
    }

    /// The `RPCError` a call surfaces for an error from its body or transport.
    static func callError(_ error: any Error) -> RPCError {
        switch error {
        case let error as RPCError: error
        case is CancellationError: RPCError(.cancelled, "the calling task was cancelled")
        default: RPCError(.unknown, "\(error)")
        }
    }
}
