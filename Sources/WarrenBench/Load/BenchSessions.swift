import Foundation
import WarrenClient
import WarrenProto
import WarrenRPC

/// Creates the sessions a run spreads its inputs over, and unregisters them afterwards.
enum BenchSessions {
    /// Registers `plan.sessions` new sessions bound to `plan.executor`; returns their ids.
    static func prepare(_ plan: BenchPlan, client: WarrenClient, address: ServerAddress) async throws -> [String] {
        let sessionIDs = (0..<plan.sessions).map { _ in UUID().uuidString.lowercased() }
        do {
            for sessionID in sessionIDs {
                try await self.register(sessionID, executor: plan.executor, client: client)
            }
        } catch {
            throw BenchSetupError("cannot create the bench's sessions on \(address): \(error)")
        }
        return sessionIDs
    }

    private static func register(_ sessionID: String, executor: BenchExecutor, client: WarrenClient)
        async throws(RPCError)
    {
        let reference: ExecutorRef
        switch executor {
        case .none:
            _ = try await client.adapter.registerSession(RegisterSessionRequest(sessionID: sessionID))
            return
        case .echo:
            reference = ExecutorRef(target: .builtin(BuiltinExecutor(kind: .echo)))
        case .remote(let name):
            reference = ExecutorRef(target: .remote(RemoteExecutorRef(executorName: name)))
        }
        _ = try await client.adapter.ensureSessionWithExecutor(
            EnsureSessionWithExecutorRequest(sessionID: sessionID, executor: reference)
        )
    }

    /// Unregisters the sessions, so a server that outlives the run does not keep their inputs; failures are
    /// ignored (the measurements are already taken).
    static func release(_ sessionIDs: [String], client: WarrenClient) async {
        for sessionID in sessionIDs {
            _ = try? await client.adapter.unregisterSession(UnregisterSessionRequest(sessionID: sessionID))
        }
    }
}
