public import WarrenProto

extension RPCClient {
    /// One request, one response.
    public func unary<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: MethodDescriptor,
        request: Request,
        options: CallOptions
    ) async throws(RPCError) -> Response {
        let bytes = try MessageCoding.encode(request)
        do {
            return try await self.withCall(method, options: options, request: bytes) { call in
                try await Self.singleResponse(method, RPCResponseStream<Response>(transport: call))
            }
        } catch {
            throw Self.callError(error)
        }
    }

    /// One request, then `body` reads the responses; the call is cancelled if `body` returns early.
    public func serverStreaming<Request: ProtoMessage, Response: ProtoMessage, Result: Sendable>(
        _ method: MethodDescriptor,
        request: Request,
        options: CallOptions,
        body: @Sendable (RPCResponseStream<Response>) async throws -> Result
    ) async throws -> Result {
        let bytes = try MessageCoding.encode(request)
        return try await self.withCall(method, options: options, request: bytes) { call in
            try await body(RPCResponseStream(transport: call))
        }
    }

    /// `requests` writes the requests (the stream is finished when it returns), then the one response.
    public func clientStreaming<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: MethodDescriptor,
        options: CallOptions,
        requests: @Sendable (RPCRequestWriter<Request>) async throws -> Void
    ) async throws -> Response {
        try await self.withCall(method, options: options, request: nil) { call in
            try await requests(RPCRequestWriter(transport: call))
            try await call.finishRequests()
            return try await Self.singleResponse(method, RPCResponseStream<Response>(transport: call))
        }
    }

    /// `body` writes requests and reads responses concurrently as it likes; the call is cancelled if `body`
    /// returns before the server ended it.
    public func bidirectional<Request: ProtoMessage, Response: ProtoMessage, Result: Sendable>(
        _ method: MethodDescriptor,
        options: CallOptions,
        body: @Sendable (RPCRequestWriter<Request>, RPCResponseStream<Response>) async throws -> Result
    ) async throws -> Result {
        try await self.withCall(method, options: options, request: nil) { call in
            try await body(RPCRequestWriter(transport: call), RPCResponseStream(transport: call))
        }
    }

    /// Reads exactly one response and the OK trailers; another count means the server broke the call's shape.
    private static func singleResponse<Response: ProtoMessage>(
        _ method: MethodDescriptor,
        _ responses: RPCResponseStream<Response>
    ) async throws(RPCError) -> Response {
        var iterator = responses.makeAsyncIterator()
        guard let response = try await iterator.next() else {
            throw RPCError(.internal, "\(method) ended OK without a response")
        }
        guard try await iterator.next() == nil else {
            throw RPCError(.internal, "\(method) answered with more than one response")
        }
        return response
    }
}
