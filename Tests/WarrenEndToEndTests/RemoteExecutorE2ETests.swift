import Foundation
import Testing
import WarrenClient
import WarrenProto
import WarrenRPC

/// Executor.Attach over real TCP: runs go out to a remote executor, outcomes come back, interrupts are pushed,
/// and an executor killed mid-run (a real process, kill -9) has its run retried on the next attachment.
@Suite("Remote executor end to end")
struct RemoteExecutorE2ETests {
    @Test("inputs run through an attached executor and complete with its output")
    func runsThroughRemote() async throws {
        try await withLiveServer { server in
            let executor = RemoteWorker(client: server.process.makeClient(), name: "worker")
            try await executor.attached { session in
                let session = try await Sessions.with(server, executor: Wire.remote("worker"))
                let texts = ["one", "two", "three"]
                var inputIDs: [String] = []
                for text in texts {
                    let accepted = try await server.client.sessions.acceptInput(
                        AcceptInputRequest(sessionID: session, input: Wire.prompt(text))
                    )
                    inputIDs.append(try #require(Wire.acceptedID(accepted.outcome)))
                }
                for inputID in inputIDs {
                    let done = try await server.client.adapter.awaitCompletion(
                        AcceptedInput(session: session, inputID: inputID).request
                    )
                    guard case .completed(let completed) = done.outcome?.outcome else {
                        Issue.record("not completed: \(done)")
                        continue
                    }
                    #expect(completed.runResult?.text.hasPrefix("remote:") == true)
                }
                _ = session
            }
        }
    }

    @Test("an interrupt reaches the executor mid-run and the input ends cancelled")
    func interruptReachesRemote() async throws {
        try await withLiveServer { server in
            let executor = RemoteWorker(client: server.process.makeClient(), name: "slow", holdRuns: true)
            try await executor.attached { _ in
                let session = try await Sessions.with(server, executor: Wire.remote("slow"))
                let accepted = try await server.client.sessions.acceptInput(
                    AcceptInputRequest(sessionID: session, input: Wire.prompt("hold me"))
                )
                let inputID = try #require(Wire.acceptedID(accepted.outcome))
                try await executor.waitForAssignments(1)
                _ = try await server.client.adapter.interruptCurrentRun(
                    InterruptCurrentRunRequest(sessionID: session, reason: "test interrupt")
                )
                let done = try await server.client.adapter.awaitCompletion(
                    AcceptedInput(session: session, inputID: inputID).request
                )
                guard case .cancelled = done.outcome?.outcome else {
                    Issue.record("not cancelled: \(done)")
                    return
                }
                #expect(executor.controlsReceived >= 1)
            }
        }
    }

    @Test("an executor process killed mid-run: the run fails recoverably and the input runs again elsewhere")
    func killedExecutorRetries() async throws {
        try await withLiveServer { server in
            let doomed = try await CLIProcess.start(
                ["serve-executor", "--address", server.process.address, "--name", "worker", "--delay-ms", "600000"]
            )
            try await doomed.waitForLine { $0.contains("attached as worker") }
            let session = try await Sessions.with(server, executor: Wire.remote("worker"))
            let accepted = try await server.client.sessions.acceptInput(
                AcceptInputRequest(sessionID: session, input: Wire.prompt("survive"))
            )
            let inputID = try #require(Wire.acceptedID(accepted.outcome))
            try await doomed.waitForLine { $0.contains("running") }
            await doomed.kill()
            let rescuer = RemoteWorker(client: server.process.makeClient(), name: "worker", replaceExisting: true)
            try await rescuer.attached { _ in
                let done = try await server.client.adapter.awaitCompletion(
                    AcceptedInput(session: session, inputID: inputID).request
                )
                guard case .completed(let completed) = done.outcome?.outcome else {
                    Issue.record("not completed after the retry: \(done)")
                    return
                }
                #expect(completed.runResult?.text == "remote: survive")
                #expect((done.state?.attemptCount ?? 0) >= 2)
            }
            try await server.expectSettles()
        }
    }

    @Test("binding a session to a remote name nobody attached is NOT_FOUND")
    func unattachedRemoteName() async throws {
        try await withLiveServer { server in
            try await Expect.status(.notFound) {
                _ = try await Sessions.with(server, executor: Wire.remote("nobody"))
            }
        }
    }
}

/// A session and input id, as AwaitCompletion takes them.
struct AcceptedInput {
    let session: String
    let inputID: String

    var request: AwaitCompletionRequest { AwaitCompletionRequest(sessionID: self.session, inputID: self.inputID) }
}
