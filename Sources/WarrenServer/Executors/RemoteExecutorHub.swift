import Synchronization
import WarrenProto
package import WarrenRPC
import WarrenRuntime

/// The remote executors currently attached, by name, and the runs waiting for a name to be attached.
package final class RemoteExecutorHub: Sendable {
    private let state = Mutex(State())

    private struct State {
        var attachments: [String: ExecutorAttachment] = [:]
        var waiters: [String: [UInt64: CheckedContinuation<ExecutorAttachment?, Never>]] = [:]
        var nextWaiter: UInt64 = 0
    }

    /// Creates an empty hub.
    package init() {}

    /// Attached executors.
    package var count: Int { self.state.withLock { $0.attachments.count } }

    /// The attachment serving `name`, if one is attached.
    package func attachment(named name: String) -> ExecutorAttachment? {
        self.state.withLock { $0.attachments[name] }
    }

    /// The attachment serving `name`, waiting for one to attach; nil when the waiting task is cancelled.
    package func waitForAttachment(named name: String) async -> ExecutorAttachment? {
        let token = self.state.withLock { state -> UInt64 in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (waiter: CheckedContinuation<ExecutorAttachment?, Never>) in
                let ready = self.state.withLock { state -> ExecutorAttachment?? in
                    if let attachment = state.attachments[name] { return .some(attachment) }
                    if Task.isCancelled { return .some(nil) }
                    state.waiters[name, default: [:]][token] = waiter
                    return nil
                }
                if let ready { waiter.resume(returning: ready) }
            }
        } onCancel: {
            let waiter = self.state.withLock { $0.waiters[name]?.removeValue(forKey: token) }
            waiter?.resume(returning: nil)
        }
    }

    /// Registers a new attachment under `name`. A name already attached is ALREADY_EXISTS unless
    /// `replaceExisting`, which closes the old attachment (its runs fail recoverably and are retried here).
    package func attach(name: String, replaceExisting: Bool) throws(RPCError) -> ExecutorAttachment {
        guard !name.isEmpty else { throw RPCError(.invalidArgument, "hello.executor_name: must not be empty") }
        guard BuiltinExecutors.make(name) == nil else {
            throw RPCError(.invalidArgument, "hello.executor_name: '\(name)' is a built-in executor's name")
        }
        let attachment = ExecutorAttachment(name: name, attachmentID: RunID.make().rawValue)
        let (replaced, waiters) = try self.state.withLock { state throws(RPCError) in
            let existing = state.attachments[name]
            if existing != nil, !replaceExisting {
                throw RPCError(.alreadyExists, "an executor is already attached as '\(name)'")
            }
            state.attachments[name] = attachment
            return (existing, state.waiters.removeValue(forKey: name).map { Array($0.values) } ?? [])
        }
        replaced?.close(reason: "replaced by a new attachment")
        for waiter in waiters { waiter.resume(returning: attachment) }
        return attachment
    }

    /// Removes `attachment` (if it is still the current one for its name) and closes it.
    package func detach(_ attachment: ExecutorAttachment, reason: String) {
        self.state.withLock { state in
            if state.attachments[attachment.name] === attachment { state.attachments[attachment.name] = nil }
        }
        attachment.close(reason: reason)
    }
}
