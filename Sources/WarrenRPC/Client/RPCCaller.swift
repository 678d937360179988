public import WarrenProto

/// Makes calls of each shape; ``RPCClient`` implements it and generated client stubs call it.
///
/// Every method throws `RPCError`: the call's non-OK status, UNAVAILABLE when the server cannot be reached,
/// DEADLINE_EXCEEDED when `options.timeout` runs out, CANCELLED when the calling task is cancelled (the
/// server is sent CANCEL).
public protocol RPCCaller: Sendable {
    /// One request, one response.
    func unary<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: MethodDescriptor,
        request: Request,
        options: CallOptions
    ) async throws(RPCError) -> Response

    /// One request, then `body` reads the responses; the call is cancelled if `body` returns early.
    func serverStreaming<Request: ProtoMessage, Response: ProtoMessage, Result: Sendable>(
        _ method: MethodDescriptor,
        request: Request,
        options: CallOptions,
        body: @Sendable (RPCResponseStream<Response>) async throws -> Result
    ) async throws -> Result

    /// `requests` writes the requests (the stream is finished when it returns), then the one response.
    func clientStreaming<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: MethodDescriptor,
        options: CallOptions,
        requests: @Sendable (RPCRequestWriter<Request>) async throws -> Void
    ) async throws -> Response

    /// `body` writes requests and reads responses concurrently as it likes; the call is cancelled if `body`
    /// returns before the server ended it.
    func bidirectional<Request: ProtoMessage, Response: ProtoMessage, Result: Sendable>(
        _ method: MethodDescriptor,
        options: CallOptions,
        body: @Sendable (RPCRequestWriter<Request>, RPCResponseStream<Response>) async throws -> Result
    ) async throws -> Result
}
