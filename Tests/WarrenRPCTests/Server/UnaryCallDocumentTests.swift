import Foundation
import Logging
import NIOCore
import Testing
import WarrenProto
import WarrenRPC

/// The worked unary call in PROTOCOL.md "Call lifecycle": the client's bytes are accepted by the real server,
/// which answers with exactly the server's bytes shown, and the document still shows both.
@Suite("PROTOCOL.md unary call example", .timeLimit(.minutes(1)))
struct UnaryCallDocumentTests {
    /// What the client writes, frame by frame.
    static let clientFrames = [
        "57 52 4E 00 00 01 00 00",
        "00 00 00 00 00 00 00 00 00 00",
        "00 00 00 00 00 01 00 00 00 00",
        "00 00 00 19 01 00 00 00 00 01 0A 17 2F 77 61 72 72 65 6E 2E 76 31 2E 48 65 61 6C 74 68 2F 43 68 65 63 6B",
        "00 00 00 08 02 01 00 00 00 01 0A 06 77 61 72 72 65 6E",
    ]

    /// What the server answers, frame by frame.
    static let serverFrames = [
        "00 00 00 32 00 00 00 00 00 00 08 80 80 80 02 10 64 18 80 80 40 20 80 80 80 02 28 80 80 80 02 32 06 77 61 72 "
            + "72 65 6E 38 01 42 08 69 64 65 6E 74 69 74 79 42 07 64 65 66 6C 61 74 65",
        "00 00 00 00 00 01 00 00 00 00",
        "00 00 00 0A 01 00 00 00 00 01 12 08 69 64 65 6E 74 69 74 79",
        "00 00 00 02 02 00 00 00 00 01 08 01",
        "00 00 00 00 03 00 00 00 00 01",
    ]

    /// Serves `warren.v1.Health/Check`, answering SERVING.
    struct Health: RPCService {
        var methods: [RPCMethodHandler] {
            [
                .unary(MethodDescriptor(service: "warren.v1.Health", method: "Check")) {
                    (_: HealthCheckRequest, _) in HealthCheckResponse(status: .serving)
                }
            ]
        }
    }

    @Test("the server accepts the client's bytes and answers with the server's bytes")
    func exchange() async throws {
        var configuration = RPCServerConfiguration(port: 0)
        configuration.serverVersion = "warren"
        let server = RPCServer(configuration: configuration, services: [Health()], logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            let client = try await RawClient.connect(to: server.listeningAddress())
            try await client.write(ByteBuffer(bytes: Self.bytes(Self.clientFrames.joined(separator: " "))))
            var received: [String] = []
            while received.count < 5, let frame = await client.next() {
                received.append(frame.encoded.hexDump)
            }
            #expect(received == Self.serverFrames)
            await client.close()
            server.beginGracefulShutdown()
            try await group.waitForAll()
        }
    }

    @Test("PROTOCOL.md shows every frame of the exchange")
    func documented() throws {
        let document = try String(contentsOf: Self.protocolDocument, encoding: .utf8)
        for hex in Self.clientFrames + Self.serverFrames {
            #expect(document.contains(hex), "\(hex)")
        }
    }

    private static func bytes(_ hex: String) -> [UInt8] {
        hex.split(separator: " ").map { UInt8($0, radix: 16)! }
    }

    /// PROTOCOL.md at the package root.
    private static var protocolDocument: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("PROTOCOL.md")
    }
}
