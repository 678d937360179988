import Testing
import WarrenClient
import WarrenProto
import WarrenRPC

/// Many calls at once, multiplexed on one connection and spread over several.
@Suite("Concurrent calls end to end")
struct ConcurrencyTests {
    @Test("200 concurrent ingests on one connection all complete, each exactly once")
    func manyCallsOneConnection() async throws {
        try await withLiveServer { server in
            let session = try await Sessions.withEcho(server)
            let ids = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        let accepted = try await server.client.sessions.acceptInput(
                            AcceptInputRequest(sessionID: session, input: Wire.prompt("c\(index)"))
                        )
                        let inputID = try #require(Wire.acceptedID(accepted.outcome))
                        _ = try await server.client.adapter.awaitCompletion(
                            AwaitCompletionRequest(sessionID: session, inputID: inputID)
                        )
                        return inputID
                    }
                }
                var ids: [String] = []
                for try await id in group { ids.append(id) }
                return ids
            }
            #expect(Set(ids).count == 200)
            let info = try await server.serverInfo()
            #expect(info.openConnections == 1)
            #expect(info.totalCalls >= 400)
        }
    }

    @Test("8 connections × 25 sessions' worth of calls in parallel, then everything settles")
    func manyConnections() async throws {
        try await withLiveServer { server in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        let client = server.process.makeClient()
                        for index in 0..<25 {
                            let session = Wire.newSessionID()
                            _ = try await client.adapter.ensureSessionWithExecutor(
                                EnsureSessionWithExecutorRequest(sessionID: session, executor: Wire.builtin(.echo))
                            )
                            let response = try await client.sessions.acceptInputWithCompletion(
                                AcceptInputWithCompletionRequest(sessionID: session, input: Wire.prompt("p\(index)"))
                            ) { stream in
                                var last: AcceptInputWithCompletionResponse?
                                for try await item in stream { last = item }
                                return last
                            }
                            guard case .completion = response?.item else { throw HarnessError("no completion") }
                        }
                        await client.close()
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await server.serverInfo().sessions == 200)
            try await server.expectSettles()
        }
    }
}
