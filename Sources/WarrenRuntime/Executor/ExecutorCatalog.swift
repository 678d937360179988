/// The built-in executors by name: `echo`, `sleep`, `fail` and `fail:N` (SPEC §4.2).
public enum BuiltinExecutors {
    /// The names a session may select.
    public static let names = ["echo", "sleep", "fail", "fail:N"]

    /// A new executor for `name`, or nil when no built-in has that name.
    public static func make(_ name: String) -> (any Executor)? {
        switch name {
        case "echo": return EchoExecutor()
        case "sleep": return SleepExecutor()
        case "fail": return FailExecutor()
        default:
            guard name.hasPrefix("fail:"), let count = Int(name.dropFirst(5)), count >= 0 else { return nil }
            return FailExecutor(failures: count)
        }
    }
}
