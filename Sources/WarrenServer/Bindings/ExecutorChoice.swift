import WarrenProto
import WarrenRPC
import WarrenRuntime

/// Resolves an `ExecutorRef` to an executor: a built-in by kind, or a remote one attached under its name.
struct ExecutorChoice {
    let server: WarrenServer

    func executor(for wire: ExecutorRef?, field: String) throws(RPCError) -> any WarrenRuntime.Executor {
        switch try requireOneof(requireWire(wire, field).target, "\(field).target") {
        case .builtin(let builtin):
            guard let executor = BuiltinExecutors.make(try Self.builtinName(builtin, field: "\(field).builtin")) else {
                throw RPCError(.invalidArgument, "\(field).builtin: no such built-in executor")
            }
            return executor
        case .remote(let remote):
            guard self.server.executors.attachment(named: remote.executorName) != nil else {
                throw RPCError(
                    .notFound,
                    "\(field).remote: no executor is attached as '\(remote.executorName)'",
                    detail: ErrorDetail(kind: .executorNotFound, executorName: remote.executorName)
                )
            }
            return RemoteExecutor(name: remote.executorName, hub: self.server.executors)
        }
    }

    /// The catalog name of a built-in: `echo`, `sleep`, `fail` or `fail:N`.
    private static func builtinName(_ builtin: BuiltinExecutor, field: String) throws(RPCError) -> String {
        switch builtin.kind {
        case .echo: return "echo"
        case .sleep: return "sleep"
        case .fail: return builtin.failCount == 0 ? "fail" : "fail:\(builtin.failCount)"
        default: throw RPCError(.invalidArgument, "\(field).kind: expected echo, sleep or fail, got \(builtin.kind)")
        }
    }
}
