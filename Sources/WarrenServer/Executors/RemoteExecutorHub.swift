import Synchronization
import WarrenProto
package import WarrenRPC
import WarrenRuntime

/// The remote executors currently attached, by name.
package final class RemoteExecutorHub: Sendable {
    private let attachments = Mutex<[String: ExecutorAttachment]>([:])

    /// Creates an empty hub.
    package init() {}

    /// Attached executors.
    package var count: Int { self.attachments.withLock { $0.count } }

    /// The attachment serving `name`, if one is attached.
    package func attachment(named name: String) -> ExecutorAttachment? {
        self.attachments.withLock { $0[name] }
    }

    /// Registers a new attachment under `name`. A name already attached is ALREADY_EXISTS unless
    /// `replaceExisting`, which closes the old attachment (its runs fail recoverably and are retried here).
    package func attach(name: String, replaceExisting: Bool) throws(RPCError) -> ExecutorAttachment {
        guard !name.isEmpty else { throw RPCError(.invalidArgument, "hello.executor_name: must not be empty") }
        guard BuiltinExecutors.make(name) == nil else {
            throw RPCError(.invalidArgument, "hello.executor_name: '\(name)' is a built-in executor's name")
        }
        let attachment = ExecutorAttachment(name: name, attachmentID: RunID.make().rawValue)
        let replaced = try self.attachments.withLock { attachments throws(RPCError) -> ExecutorAttachment? in
            let existing = attachments[name]
            if existing != nil, !replaceExisting {
                throw RPCError(.alreadyExists, "an executor is already attached as '\(name)'")
            }
            attachments[name] = attachment
            return existing
        }
        replaced?.close(reason: "replaced by a new attachment")
        return attachment
    }

    /// Removes `attachment` (if it is still the current one for its name) and closes it.
    package func detach(_ attachment: ExecutorAttachment, reason: String) {
        self.attachments.withLock { attachments in
            if attachments[attachment.name] === attachment { attachments[attachment.name] = nil }
        }
        attachment.close(reason: reason)
    }
}
