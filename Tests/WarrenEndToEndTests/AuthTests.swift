import Foundation
import Testing
import WarrenClient
import WarrenProto
import WarrenRPC

/// `warrend --token-file`: calls without the bearer token, or with a wrong one, are UNAUTHENTICATED.
@Suite("Bearer-token auth end to end")
struct AuthTests {
    @Test("no token and a wrong token are UNAUTHENTICATED; the right token is served")
    func bearerToken() async throws {
        let tokenFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "warren-token-\(UUID().uuidString)"
        )
        try "s3cret-token\n".write(to: tokenFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: tokenFile) }
        try await withLiveServer(["--token-file", tokenFile.path], token: "s3cret-token") { server in
            #expect(try await server.client.health.check(HealthCheckRequest()).status == .serving)
            let anonymous = server.process.makeClient()
            let error = try await Expect.status(.unauthenticated) {
                _ = try await anonymous.health.check(HealthCheckRequest())
            }
            #expect(!error.message.contains("s3cret"))
            await anonymous.close()
            let impostor = server.process.makeClient(token: "guess")
            try await Expect.status(.unauthenticated) {
                _ = try await impostor.sessions.acceptInput(
                    AcceptInputRequest(sessionID: Wire.newSessionID(), input: Wire.prompt("x"))
                )
            }
            await impostor.close()
            try await server.expectSettles()
        }
    }

    @Test("an unreadable or empty token file stops warrend at start with a clear message")
    func badTokenFile() async throws {
        let missing = "/nonexistent/warren-token"
        await #expect(throws: HarnessError.self) {
            try await WarrendProcess.start(["--memory", "--token-file", missing])
        }
    }
}
