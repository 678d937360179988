import Synchronization
import WarrenClient
import WarrenProto
import WarrenRPC

/// How one call of a step ended: its status name, the error's detail and the response view (proto3 JSON).
struct ScenarioCallResult: Sendable {
    var status = "OK"
    var detail: JSONValue?
    var view: JSONValue?

    init(view: JSONValue) { self.view = view }

    init(_ error: RPCError, view: JSONValue? = nil) {
        self.status = String((error.code.protoName ?? "UNKNOWN").dropFirst("STATUS_CODE_".count))
        self.detail = error.detail?.jsonValue()
        self.view = view
    }
}

/// The calls the scenario makes, with their requests built by hand from the documented field subset
/// (Clients/conformance/README.md, "Requests"): Swift's messages have no JSON parser, like protobuf-c's.
enum ScenarioRPCs {
    typealias Invoke =
        @Sendable (WarrenClient, MethodDescriptor, ScenarioJSON, CallOptions, Int?) async throws
        -> ScenarioCallResult

    /// Makes the step's call; `events` is the number of envelopes to read from a Subscribe stream.
    static func call(
        _ rpc: String,
        request: ScenarioJSON,
        client: WarrenClient,
        options: CallOptions,
        events: Int?
    ) async throws -> ScenarioCallResult {
        let method = MethodDescriptor(
            service: "warren.v1." + rpc.prefix { $0 != "/" },
            method: String(rpc.drop { $0 != "/" }.dropFirst())
        )
        guard let invoke = Self.table[rpc] else {
            // A method no .proto defines: its request must be {}, sent as an empty message.
            guard request == .object([:]) else {
                throw ScenarioFailure("\(rpc) is not in the schema, so its request must be {}")
            }
            do {
                let _: HealthCheckResponse = try await client.rpc.unary(
                    method,
                    request: HealthCheckRequest(),
                    options: options
                )
                return ScenarioCallResult(view: .object([:]))
            } catch {
                return ScenarioCallResult(error)
            }
        }
        return try await invoke(client, method, request, options, events)
    }

    static let table: [String: Invoke] = [
        "Health/Check": unary(HealthCheckResponse.self) { _ in HealthCheckRequest() },
        "RuntimeSessionAdapter/RegisterSession": unary(RegisterSessionResponse.self) { request in
            RegisterSessionRequest(sessionID: try request.string("session_id"))
        },
        "RuntimeSessionAdapter/EnsureSessionWithExecutor": unary(EnsureSessionWithExecutorResponse.self) { request in
            let executor = try request.message("executor") { (executor) in
                let builtin = try executor.message("builtin") { (builtin) in
                    BuiltinExecutor(kind: try builtin.enumValue("kind", BuiltinExecutorKind.self))
                }
                return ExecutorRef(target: builtin.map { .builtin($0) })
            }
            return EnsureSessionWithExecutorRequest(sessionID: try request.string("session_id"), executor: executor)
        },
        "RuntimeSessionAdapter/SessionHasExecutor": unary(SessionHasExecutorResponse.self) { request in
            SessionHasExecutorRequest(sessionID: try request.string("session_id"))
        },
        "RuntimeSessionAdapter/AwaitCompletion": unary(AwaitCompletionResponse.self) { request in
            AwaitCompletionRequest(sessionID: try request.string("session_id"), inputID: try request.string("input_id"))
        },
        "SessionServiceRuntimeExt/AcceptInput": unary(AcceptInputResponse.self) { request in
            AcceptInputRequest(sessionID: try request.string("session_id"), input: try request.message("input", input))
        },
        "SessionServiceRuntimeExt/AcceptInputWithCompletion": streaming(AcceptInputWithCompletionResponse.self) {
            request in
            AcceptInputWithCompletionRequest(
                sessionID: try request.string("session_id"),
                input: try request.message("input", input)
            )
        },
        "SessionServiceRuntimeExt/InputState": unary(InputStateResponse.self) { request in
            InputStateRequest(sessionID: try request.string("session_id"), inputID: try request.string("input_id"))
        },
        "SessionServiceRuntimeExt/ListActiveInputs": unary(ListActiveInputsResponse.self) { request in
            ListActiveInputsRequest(sessionID: try request.string("session_id"))
        },
        "SessionServiceRuntimeExt/ResetRuntime": unary(ResetRuntimeResponse.self) { request in
            ResetRuntimeRequest(sessionID: try request.string("session_id"))
        },
        "SessionServiceRuntimeExt/RetireRuntime": unary(RetireRuntimeResponse.self) { request in
            RetireRuntimeRequest(sessionID: try request.string("session_id"))
        },
        "SessionServiceRuntimeExt/RuntimeState": unary(SessionRuntimeStateResponse.self) { request in
            SessionRuntimeStateRequest(sessionID: try request.string("session_id"))
        },
        "RuntimeControlPlane/Ingest": unary(IngestResponse.self) { request in
            IngestRequest(runtimeID: try request.string("runtime_id"), input: try request.message("input", input))
        },
        "RuntimeControlPlane/Destroy": unary(DestroyResponse.self) { request in
            DestroyRequest(runtimeID: try request.string("runtime_id"))
        },
        "RuntimeEvents/Subscribe": streaming(SubscribeResponse.self) { request in
            let filter = try request.message("filter") { (filter) in
                EventFilter(runtimeIDs: try filter.strings("runtime_ids"))
            }
            var start: SubscribeRequest.Start?
            if request.has("after_position") {
                start = .afterPosition(try request.uint64("after_position"))
            } else if try request.message("beginning", { _ in SubscribeFromBeginning() }) != nil {
                start = .beginning(SubscribeFromBeginning())
            }
            let maxBatch = try request.uint64("max_batch")
            guard let maxBatch = UInt32(exactly: maxBatch) else {
                throw ScenarioFailure("request.max_batch \(maxBatch) does not fit uint32")
            }
            return SubscribeRequest(filter: filter, maxBatch: maxBatch, start: start)
        },
    ]

    /// `Input`, a oneof, with the members and fields the scenario uses.
    static func input(_ request: ScenarioRequest) throws -> Input {
        if let prompt = try request.message(
            "prompt",
            { (prompt) in
                let header = try prompt.message("header") { (header) in
                    InputHeader(idempotencyKey: try header.string("idempotency_key"))
                }
                return PromptInput(header: header, text: try prompt.string("text"))
            }
        ) {
            return Input(variant: .prompt(prompt))
        }
        if let event = try request.message(
            "external_event",
            { (event) in
                ExternalEventInput(eventType: try event.string("event_type"))
            }
        ) {
            return Input(variant: .externalEvent(event))
        }
        if let peer = try request.message(
            "peer",
            { (peer) in
                let convention = try peer.message("convention") { (convention) in
                    let message = try convention.message("message") { _ in PeerConventionMessage() }
                    return PeerConvention(variant: message.map { .message($0) })
                }
                return PeerInput(convention: convention, body: try peer.string("body"))
            }
        ) {
            return Input(variant: .peer(peer))
        }
        if let step = try request.message(
            "flow_step",
            { (step) in
                FlowStepInput(stepID: try step.string("step_id"), instructions: try step.string("instructions"))
            }
        ) {
            return Input(variant: .flowStep(step))
        }
        if let continuation = try request.message(
            "continuation",
            { (continuation) in
                ContinuationInput(reason: try continuation.string("reason"))
            }
        ) {
            return Input(variant: .continuation(continuation))
        }
        return Input()
    }

    private static func unary<Request: ProtoMessage, Response: ProtoMessage>(
        _: Response.Type,
        _ build: @escaping @Sendable (ScenarioRequest) throws -> Request
    ) -> Invoke {
        { client, method, json, options, _ in
            let request = try Self.build(json, build)
            do {
                let response: Response = try await client.rpc.unary(method, request: request, options: options)
                return ScenarioCallResult(view: response.jsonValue())
            } catch let error as RPCError {
                return ScenarioCallResult(error)
            }
        }
    }

    /// A server-streaming call: every message until the call ends, or, with `events`, until that many
    /// envelopes arrived (then the call is cancelled: a subscription never ends by itself).
    private static func streaming<Request: ProtoMessage, Response: ProtoMessage>(
        _: Response.Type,
        _ build: @escaping @Sendable (ScenarioRequest) throws -> Request
    ) -> Invoke {
        { client, method, json, options, events in
            let request = try Self.build(json, build)
            let received = ReceivedMessages()
            do {
                try await client.rpc.serverStreaming(method, request: request, options: options) {
                    (stream: RPCResponseStream<Response>) in
                    var envelopes = 0
                    for try await message in stream {
                        let item = message.jsonValue()
                        received.append(item)
                        guard let events else { continue }
                        if case .object(let members) = item, members["lagged"] != nil {
                            throw ScenarioFailure("lagged: events were skipped")
                        }
                        envelopes += ScenarioChecks.envelopes(item).count
                        if envelopes >= events { return }
                    }
                    if let events { throw ScenarioFailure("the stream ended after \(envelopes) of \(events) events") }
                }
                return ScenarioCallResult(view: .object(["messages": .array(received.messages)]))
            } catch let error as RPCError {
                return ScenarioCallResult(error, view: .object(["messages": .array(received.messages)]))
            }
        }
    }

    private static func build<Request>(
        _ json: ScenarioJSON,
        _ build: (ScenarioRequest) throws -> Request
    ) throws -> Request {
        let fields = try ScenarioRequest(json)
        let request = try build(fields)
        try fields.finish()
        return request
    }
}

/// The messages a streaming call delivered so far, kept when the call then fails.
private final class ReceivedMessages: Sendable {
    private let items = Mutex<[JSONValue]>([])

    func append(_ item: JSONValue) { self.items.withLock { $0.append(item) } }
    var messages: [JSONValue] { self.items.withLock { $0 } }
}
