package import WarrenRuntime

/// The executor a session bound to a remote name runs with: whichever attachment holds the name at run time.
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
        guard let attachment = self.hub.attachment(named: self.name) else {
            return .failed(error: "no executor is attached as '\(self.name)'", recoverable: true)
        }
        return await attachment.run(assignment, control: control)
    }
}
