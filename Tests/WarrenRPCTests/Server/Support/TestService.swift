import NIOCore
import Synchronization
import WarrenProto
import WarrenRPC

/// What the test handlers did, for assertions on the server's side of a call.
final class CallProbe: Sendable {
    private struct Counts {
        var started = 0
        var cancelled = 0
        var written = 0
        var gate: CheckedContinuation<Void, Never>?
        var gateOpen = false
    }

    private let counts = Mutex(Counts())

    var started: Int { self.counts.withLock { $0.started } }
    var cancelled: Int { self.counts.withLock { $0.cancelled } }
    var written: Int { self.counts.withLock { $0.written } }

    func didStart() { self.counts.withLock { $0.started += 1 } }
    func didCancel() { self.counts.withLock { $0.cancelled += 1 } }
    func didWrite() { self.counts.withLock { $0.written += 1 } }

    /// Suspends until ``openGate()``.
    func waitAtGate() async {
        await withCheckedContinuation { continuation in
            let open = self.counts.withLock { counts in
                if !counts.gateOpen { counts.gate = continuation }
                return counts.gateOpen
            }
            if open { continuation.resume() }
        }
    }

    /// Lets the handler waiting at the gate go on.
    func openGate() {
        let gate = self.counts.withLock { counts in
            counts.gateOpen = true
            defer { counts.gate = nil }
            return counts.gate
        }
        gate?.resume()
    }
}

/// `warren.test.Test`: one method per call shape, plus handlers that block, gate or flood.
struct TestService: RPCService {
    static let name = "warren.test.Test"
    let probe: CallProbe

    static func path(_ method: String) -> String { "/\(Self.name)/\(method)" }

    /// A request (or response) carrying `text`.
    static func message(_ text: String) -> ByteBuffer {
        ByteBuffer(bytes: try! HealthCheckRequest(service: text).serializedBytes())
    }

    var methods: [RPCMethodHandler] {
        let probe = self.probe
        typealias Message = HealthCheckRequest
        return [
            .unary(Self.descriptor("Echo")) { (request: Message, _) in request },
            .serverStreaming(Self.descriptor("Count")) { (request: Message, writer: RPCResponseWriter<Message>, _) in
                for index in 0..<(Int(request.service) ?? 0) { try await writer.write(Message(service: "\(index)")) }
            },
            .clientStreaming(Self.descriptor("Sum")) { (requests: RPCRequestStream<Message>, _) in
                var sum = 0
                for try await request in requests { sum += Int(request.service) ?? 0 }
                return Message(service: "\(sum)")
            },
            .bidirectional(Self.descriptor("Chat")) {
                (requests: RPCRequestStream<Message>, writer: RPCResponseWriter<Message>, _) in
                for try await request in requests { try await writer.write(request) }
            },
            .unary(Self.descriptor("Block")) { (request: Message, _) in
                probe.didStart()
                do {
                    try await Task.sleep(for: .seconds(3600))
                } catch {
                    probe.didCancel()
                    throw error
                }
                return request
            },
            .unary(Self.descriptor("Gate")) { (request: Message, _) in
                probe.didStart()
                await probe.waitAtGate()
                return request
            },
            .serverStreaming(Self.descriptor("Flood")) {
                (request: Message, writer: RPCResponseWriter<Message>, _) in
                let chunk = Message(service: String(repeating: "x", count: 1000))
                do {
                    while true {
                        try await writer.write(chunk)
                        probe.didWrite()
                    }
                } catch {
                    probe.didCancel()
                    throw error
                }
            },
        ]
    }

    private static func descriptor(_ method: String) -> MethodDescriptor {
        MethodDescriptor(service: Self.name, method: method)
    }
}
