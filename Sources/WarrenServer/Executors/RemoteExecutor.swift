import Synchronization
package import WarrenRuntime

/// The executor a session bound to a remote name runs with: whichever attachment holds the name at run time.
///
/// A run that finds no executor attached waits for one (an executor restarting after a crash), rather than
/// failing and spending the inputs' retry budget; an interrupt or stop ends the wait.
package struct RemoteExecutor: Executor {
    /// The remote name.
    package let name: String
    let hub: RemoteExecutorHub

    /// Creates a proxy for `name`.
    package init(name: String, hub: RemoteExecutorHub) {
        self.name = name
        self.hub = hub
    }

    package func run(_ assignment: RunAssignment, control: RunControlStream) async -> RunOutcome {
        if let attachment = self.hub.attachment(named: self.name) {
            return await attachment.run(assignment, control: control)
        }
        // One task reads `control` for the whole run and relays it, so a command can end the wait and later
        // commands still reach the executor once it attached.
        let (relay, relayInput) = AsyncStream.makeStream(of: RunControlCommand.self)
        let firstCommand = FirstCommand()
        let wait = Task { await self.hub.waitForAttachment(named: self.name) }
        return await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await command in control {
                    firstCommand.record(command)
                    relayInput.yield(command)
                    wait.cancel()
                }
                relayInput.finish()
            }
            defer { group.cancelAll() }
            guard
                let attachment = await withTaskCancellationHandler(
                    operation: { await wait.value },
                    onCancel: { wait.cancel() }
                )
            else {
                return .cancelled(reason: Self.reason(firstCommand.value, name: self.name))
            }
            return await attachment.run(assignment, control: relay)
        }
    }

    private static func reason(_ command: RunControlCommand?, name: String) -> String {
        switch command {
        case .cancelCurrentRun(let reason)?, .stopRuntimeExecutor(let reason)?:
            reason.isEmpty ? "interrupted while waiting for executor '\(name)'" : reason
        case nil:
            "the run ended while waiting for executor '\(name)' to attach"
        }
    }
}

/// The first control command a waiting run received.
private final class FirstCommand: Sendable {
    private let command = Mutex<RunControlCommand?>(nil)

    var value: RunControlCommand? { self.command.withLock { $0 } }

    func record(_ command: RunControlCommand) {
        self.command.withLock { $0 = $0 ?? command }
    }
}
