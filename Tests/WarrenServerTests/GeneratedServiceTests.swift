import Foundation
import NIOCore
import Testing
import WarrenProto
import WarrenRPC
import WarrenServer

/// The generated service protocols serve every RPC their .proto declares, each under its path, with its call
/// shape, and each handler calls the requirement of the same name.
@Suite("Generated service protocols")
struct GeneratedServiceTests {
    static let services: [(proto: String, service: any RPCService, descriptors: [MethodDescriptor])] = [
        ("service_session_runtime_ext.proto", NamingSessionService(), SessionServiceRuntimeExtMethods.all),
        ("service_executor.proto", NamingExecutorService(), ExecutorMethods.all),
    ]

    @Test("one handler per rpc line of the .proto, with its path and shape", arguments: 0..<Self.services.count)
    func handlersMatchProto(index: Int) throws {
        let (proto, service, descriptors) = Self.services[index]
        let declared = try DeclaredRPC.read(proto)
        #expect(!declared.isEmpty)
        #expect(service.methods.map(\.descriptor.path) == declared.map(\.path))
        #expect(service.methods.map(\.shape) == declared.map(\.shape))
        #expect(service.methods.map(\.descriptor) == descriptors)
    }

    @Test("each handler serves the requirement named after its method", arguments: 0..<Self.services.count)
    func handlersCallTheirRequirement(index: Int) async throws {
        for handler in Self.services[index].service.methods {
            let call = OneRequestCall(method: handler.descriptor)
            let error = await #expect(throws: RPCError.self) { try await handler.serve(call) }
            let method = handler.descriptor.method
            #expect(error?.message.prefix { $0 != "(" } == method.prefix(1).lowercased() + method.dropFirst())
            let streams = handler.shape == .serverStreaming || handler.shape == .bidirectional
            #expect(await call.responseCount == (streams ? 1 : 0), "\(handler.descriptor)")
        }
    }
}

/// The RPCs one .proto file declares, read from its `rpc` lines: path and call shape in declaration order.
struct DeclaredRPC {
    let path: String
    let shape: CallShape

    static func read(_ file: String) throws -> [Self] {
        let directory = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Proto/warren/v1")
        let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        let package = try #require(text.firstMatch(of: /\npackage ([\w.]+);/)).1
        let service = try #require(text.firstMatch(of: /\nservice (\w+) \{/)).1
        let lines = text.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("rpc ") }
        return try lines.map { line in
            let rpc = try #require(line.firstMatch(of: /rpc (\w+)\((stream )?\w+\) returns \((stream )?\w+\);/))
            let shape: CallShape =
                switch (rpc.2 != nil, rpc.3 != nil) {
                case (false, false): .unary
                case (false, true): .serverStreaming
                case (true, false): .clientStreaming
                case (true, true): .bidirectional
                }
            return Self(path: "/\(package).\(service)/\(rpc.1)", shape: shape)
        }
    }
}

/// A server call with one empty request message that counts the responses sent.
actor OneRequestCall: ServerCallTransport {
    nonisolated let context: ServerCallContext
    private var requests = [ByteBuffer()]
    private(set) var responseCount = 0

    init(method: MethodDescriptor) {
        self.context = ServerCallContext(method: method)
    }

    func nextRequest() async throws(RPCError) -> ByteBuffer? {
        self.requests.popLast()
    }

    func sendResponse(_ message: ByteBuffer) async throws(RPCError) {
        self.responseCount += 1
    }
}

/// The error each requirement of the naming services throws: UNIMPLEMENTED with the requirement's `#function`.
private func named(_ function: String) -> RPCError {
    RPCError(.unimplemented, function)
}

/// Every requirement throws its own name, after writing one response when it streams.
struct NamingSessionService: SessionServiceRuntimeExtServiceProtocol {
    func runtimeMode(_ request: RuntimeModeRequest, context: ServerCallContext) async throws -> RuntimeModeResponse {
        throw named(#function)
    }

    func acceptInput(_ request: AcceptInputRequest, context: ServerCallContext) async throws -> AcceptInputResponse {
        throw named(#function)
    }

    func acceptInputWithCompletion(
        _ request: AcceptInputWithCompletionRequest,
        responses: RPCResponseWriter<AcceptInputWithCompletionResponse>,
        context: ServerCallContext
    ) async throws {
        try await responses.write(AcceptInputWithCompletionResponse())
        throw named(#function)
    }

    func runtimeState(
        _ request: SessionRuntimeStateRequest,
        context: ServerCallContext
    ) async throws -> SessionRuntimeStateResponse {
        throw named(#function)
    }

    func retireRuntime(
        _ request: RetireRuntimeRequest,
        context: ServerCallContext
    ) async throws -> RetireRuntimeResponse {
        throw named(#function)
    }

    func resetRuntime(_ request: ResetRuntimeRequest, context: ServerCallContext) async throws -> ResetRuntimeResponse {
        throw named(#function)
    }

    func inputState(_ request: InputStateRequest, context: ServerCallContext) async throws -> InputStateResponse {
        throw named(#function)
    }

    func listActiveInputs(
        _ request: ListActiveInputsRequest,
        context: ServerCallContext
    ) async throws -> ListActiveInputsResponse {
        throw named(#function)
    }
}

/// Reads the requests, writes one response, then throws its own name.
struct NamingExecutorService: ExecutorServiceProtocol {
    func attach(
        _ requests: RPCRequestStream<ExecutorAttachRequest>,
        responses: RPCResponseWriter<ExecutorAttachResponse>,
        context: ServerCallContext
    ) async throws {
        for try await _ in requests {}
        try await responses.write(ExecutorAttachResponse())
        throw named(#function)
    }
}
