public import WarrenProto

/// One method of a service with the code that serves it, erased from its message types.
///
/// A handler ends its call by returning (OK) or throwing: an `RPCError` becomes that status; a
/// `CancellationError` after the deadline becomes DEADLINE_EXCEEDED, otherwise CANCELLED; any other error
/// becomes UNKNOWN with its description.
public struct RPCMethodHandler: Sendable {
    /// The method served.
    public let descriptor: MethodDescriptor
    /// The call shape, for documentation and checks.
    public let shape: CallShape
    /// Serves one call over its transport.
    package let serve: @Sendable (any ServerCallTransport) async throws -> Void

    private init(
        _ descriptor: MethodDescriptor,
        _ shape: CallShape,
        serve: @escaping @Sendable (any ServerCallTransport) async throws -> Void
    ) {
        self.descriptor = descriptor
        self.shape = shape
        self.serve = serve
    }

    /// A method taking one request and returning one response.
    public static func unary<Request: ProtoMessage, Response: ProtoMessage>(
        _ descriptor: MethodDescriptor,
        _ body: @escaping @Sendable (Request, ServerCallContext) async throws -> Response
    ) -> Self {
        Self(descriptor, .unary) { transport in
            let request: Request = try await Self.singleRequest(transport)
            let response = try await body(request, transport.context)
            try await transport.sendLastResponse(MessageCoding.encode(response))
        }
    }

    /// A method taking one request and writing a stream of responses.
    public static func serverStreaming<Request: ProtoMessage, Response: ProtoMessage>(
        _ descriptor: MethodDescriptor,
        _ body: @escaping @Sendable (Request, RPCResponseWriter<Response>, ServerCallContext) async throws -> Void
    ) -> Self {
        Self(descriptor, .serverStreaming) { transport in
            let request: Request = try await Self.singleRequest(transport)
            try await body(request, RPCResponseWriter(transport: transport), transport.context)
        }
    }

    /// A method reading a stream of requests and returning one response.
    public static func clientStreaming<Request: ProtoMessage, Response: ProtoMessage>(
        _ descriptor: MethodDescriptor,
        _ body: @escaping @Sendable (RPCRequestStream<Request>, ServerCallContext) async throws -> Response
    ) -> Self {
        Self(descriptor, .clientStreaming) { transport in
            let response = try await body(RPCRequestStream(transport: transport), transport.context)
            try await transport.sendLastResponse(MessageCoding.encode(response))
        }
    }

    /// A method with streams both ways.
    public static func bidirectional<Request: ProtoMessage, Response: ProtoMessage>(
        _ descriptor: MethodDescriptor,
        _ body:
            @escaping @Sendable (RPCRequestStream<Request>, RPCResponseWriter<Response>, ServerCallContext)
            async throws -> Void
    ) -> Self {
        Self(descriptor, .bidirectional) { transport in
            try await body(
                RPCRequestStream(transport: transport),
                RPCResponseWriter(transport: transport),
                transport.context
            )
        }
    }

    /// Reads exactly one request: a call that half-closes without one, or sends a second, is INVALID_ARGUMENT.
    private static func singleRequest<Request: ProtoMessage>(
        _ transport: any ServerCallTransport
    ) async throws(RPCError) -> Request {
        guard let bytes = try await transport.nextRequest() else {
            throw RPCError(.invalidArgument, "\(transport.context.method) expects one request message, got none")
        }
        let request = try MessageCoding.decode(Request.self, from: bytes)
        guard try await transport.nextRequest() == nil else {
            throw RPCError(.invalidArgument, "\(transport.context.method) expects one request message, got more")
        }
        return request
    }
}
