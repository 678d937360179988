import Foundation
import Synchronization
import Testing
import WarrenClient
import WarrenProto
import WarrenRPC

/// The generated client stubs call every RPC the .proto files declare under its own path, with its call shape,
/// passing the caller's options through.
@Suite("Generated client stubs")
struct GeneratedClientTests {
    static let options = CallOptions(timeout: .seconds(7), metadata: ["x-test": "stub"], compression: true)

    /// One call of every client method, in the order of the .proto files.
    static let calls: [@Sendable (any RPCCaller) async throws -> Void] = [
        { _ = try await CommsClient(caller: $0).sendPeer(.init(), options: options) },
        { try await ExecutorClient(caller: $0).attach(options: options) { _, _ in } },
        { _ = try await HealthClient(caller: $0).check(.init(), options: options) },
        { _ = try await HealthClient(caller: $0).serverInfo(.init(), options: options) },
        { _ = try await RuntimeControlPlaneClient(caller: $0).ingest(.init(), options: options) },
        { _ = try await RuntimeControlPlaneClient(caller: $0).publishEvent(.init(), options: options) },
        { _ = try await RuntimeControlPlaneClient(caller: $0).retire(.init(), options: options) },
        { _ = try await RuntimeControlPlaneClient(caller: $0).recycle(.init(), options: options) },
        { _ = try await RuntimeControlPlaneClient(caller: $0).reset(.init(), options: options) },
        { _ = try await RuntimeControlPlaneClient(caller: $0).recover(.init(), options: options) },
        { _ = try await RuntimeControlPlaneClient(caller: $0).destroy(.init(), options: options) },
        { _ = try await RuntimeControlPlaneClient(caller: $0).runtimeState(.init(), options: options) },
        { _ = try await RuntimeControlPlaneClient(caller: $0).loadBoundaryReceipt(.init(), options: options) },
        { try await RuntimeEventsClient(caller: $0).subscribe(.init(), options: options) { _ in } },
        { _ = try await RuntimeSessionAdapterClient(caller: $0).registerSession(.init(), options: options) },
        { _ = try await RuntimeSessionAdapterClient(caller: $0).setSessionSilentIntents(.init(), options: options) },
        { _ = try await RuntimeSessionAdapterClient(caller: $0).ensureSessionWithExecutor(.init(), options: options) },
        { _ = try await RuntimeSessionAdapterClient(caller: $0).unregisterSession(.init(), options: options) },
        { _ = try await RuntimeSessionAdapterClient(caller: $0).containsSession(.init(), options: options) },
        { _ = try await RuntimeSessionAdapterClient(caller: $0).sessionHasExecutor(.init(), options: options) },
        { _ = try await RuntimeSessionAdapterClient(caller: $0).sessionHasComms(.init(), options: options) },
        { _ = try await RuntimeSessionAdapterClient(caller: $0).interruptCurrentRun(.init(), options: options) },
        { _ = try await RuntimeSessionAdapterClient(caller: $0).stopRuntimeExecutor(.init(), options: options) },
        { try await RuntimeSessionAdapterClient(caller: $0).acceptInputAndRun(options: options) { _, _ in } },
        { _ = try await RuntimeSessionAdapterClient(caller: $0).acceptInputWithoutWake(.init(), options: options) },
        { _ = try await RuntimeSessionAdapterClient(caller: $0).prepareBindings(.init(), options: options) },
        { _ = try await RuntimeSessionAdapterClient(caller: $0).updatePeerIngressContext(.init(), options: options) },
        { _ = try await RuntimeSessionAdapterClient(caller: $0).notifyCommsDrainExited(.init(), options: options) },
        { _ = try await RuntimeSessionAdapterClient(caller: $0).abortCommsDrains(.init(), options: options) },
        { _ = try await RuntimeSessionAdapterClient(caller: $0).abortCommsDrain(.init(), options: options) },
        { _ = try await RuntimeSessionAdapterClient(caller: $0).waitCommsDrain(.init(), options: options) },
        { _ = try await RuntimeSessionAdapterClient(caller: $0).listOps(.init(), options: options) },
        { _ = try await RuntimeSessionAdapterClient(caller: $0).awaitCompletion(.init(), options: options) },
        { _ = try await SessionServiceRuntimeExtClient(caller: $0).runtimeMode(.init(), options: options) },
        { _ = try await SessionServiceRuntimeExtClient(caller: $0).acceptInput(.init(), options: options) },
        {
            let client = SessionServiceRuntimeExtClient(caller: $0)
            try await client.acceptInputWithCompletion(.init(), options: options) { _ in }
        },
        { _ = try await SessionServiceRuntimeExtClient(caller: $0).runtimeState(.init(), options: options) },
        { _ = try await SessionServiceRuntimeExtClient(caller: $0).retireRuntime(.init(), options: options) },
        { _ = try await SessionServiceRuntimeExtClient(caller: $0).resetRuntime(.init(), options: options) },
        { _ = try await SessionServiceRuntimeExtClient(caller: $0).inputState(.init(), options: options) },
        { _ = try await SessionServiceRuntimeExtClient(caller: $0).listActiveInputs(.init(), options: options) },
    ]

    @Test("every rpc line of every service .proto is called under its path, with its shape")
    func everyRPCMapsToItsPath() async throws {
        let declared = try Self.declaredRPCs()
        #expect(declared.count == Self.calls.count)
        var made: [String] = []
        for call in Self.calls {
            let caller = RecordingCaller()
            await #expect(throws: RPCError.self) { try await call(caller) }
            let recorded = caller.calls.withLock { $0 }
            #expect(recorded.count == 1)
            #expect(recorded.allSatisfy { $0.options == Self.options })
            made += recorded.map { "\($0.method.path) \($0.shape)" }
        }
        #expect(made == declared.map { "\($0.path) \($0.shape)" })
    }

    @Test("the Methods namespaces list every declared rpc under their service, in declaration order")
    func namespacesListEveryRPC() throws {
        let declared = try Self.declaredRPCs()
        let namespaces: [(service: String, all: [MethodDescriptor])] = [
            (CommsMethods.serviceName, CommsMethods.all),
            (ExecutorMethods.serviceName, ExecutorMethods.all),
            (HealthMethods.serviceName, HealthMethods.all),
            (RuntimeControlPlaneMethods.serviceName, RuntimeControlPlaneMethods.all),
            (RuntimeEventsMethods.serviceName, RuntimeEventsMethods.all),
            (RuntimeSessionAdapterMethods.serviceName, RuntimeSessionAdapterMethods.all),
            (SessionServiceRuntimeExtMethods.serviceName, SessionServiceRuntimeExtMethods.all),
        ]
        for (service, all) in namespaces {
            #expect(all.allSatisfy { $0.service == service })
        }
        #expect(namespaces.flatMap(\.all).map(\.path) == declared.map(\.path))
    }

    /// Path and shape of each `rpc` line of Proto/warren/v1/service_*.proto, files in name order.
    private static func declaredRPCs() throws -> [(path: String, shape: CallShape)] {
        let directory = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Proto/warren/v1")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix("service_") && $0.hasSuffix(".proto") }.sorted()
        return try files.flatMap { file in
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
                return ("/\(package).\(service)/\(rpc.1)", shape)
            }
        }
    }
}

/// Records each call's method, shape and options, then fails it with UNIMPLEMENTED.
final class RecordingCaller: RPCCaller {
    /// One call as the stub made it.
    struct Call {
        let method: MethodDescriptor
        let shape: CallShape
        let options: CallOptions
    }

    let calls = Mutex<[Call]>([])

    private func record(_ method: MethodDescriptor, _ shape: CallShape, _ options: CallOptions) -> RPCError {
        self.calls.withLock { $0.append(Call(method: method, shape: shape, options: options)) }
        return RPCError(.unimplemented, "recorded")
    }

    func unary<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: MethodDescriptor,
        request: Request,
        options: CallOptions
    ) async throws(RPCError) -> Response {
        throw self.record(method, .unary, options)
    }

    func serverStreaming<Request: ProtoMessage, Response: ProtoMessage, Result: Sendable>(
        _ method: MethodDescriptor,
        request: Request,
        options: CallOptions,
        body: @Sendable (RPCResponseStream<Response>) async throws -> Result
    ) async throws -> Result {
        throw self.record(method, .serverStreaming, options)
    }

    func clientStreaming<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: MethodDescriptor,
        options: CallOptions,
        requests: @Sendable (RPCRequestWriter<Request>) async throws -> Void
    ) async throws -> Response {
        throw self.record(method, .clientStreaming, options)
    }

    func bidirectional<Request: ProtoMessage, Response: ProtoMessage, Result: Sendable>(
        _ method: MethodDescriptor,
        options: CallOptions,
        body: @Sendable (RPCRequestWriter<Request>, RPCResponseStream<Response>) async throws -> Result
    ) async throws -> Result {
        throw self.record(method, .bidirectional, options)
    }
}
