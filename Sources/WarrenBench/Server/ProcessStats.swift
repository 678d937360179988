import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// CPU time and memory of a process, read from `/proc` (Linux); nil where that is not available.
public enum ProcessStats {
    /// The process's peak resident set size (`VmHWM` in `/proc/<pid>/status`), in bytes.
    public static func peakResidentBytes(pid: Int32) -> Int? {
        self.statusField("VmHWM", pid: pid)
    }

    /// The process's resident set size now (`VmRSS`), in bytes.
    public static func residentBytes(pid: Int32) -> Int? {
        self.statusField("VmRSS", pid: pid)
    }

    /// User plus system CPU time the process has used (`utime + stime` of `/proc/<pid>/stat`).
    public static func cpuTime(pid: Int32) -> Duration? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let afterName = text.lastIndex(of: ")")
        else { return nil }
        // Fields after "pid (comm)": state is field 3, utime 14 and stime 15, so 11 and 12 past the state.
        let fields = text[text.index(after: afterName)...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        let ticksPerSecond = max(1, sysconf(Int32(_SC_CLK_TCK)))
        return .milliseconds((user + system) * 1_000 / ticksPerSecond)
    }

    /// This process's own id.
    public static var currentPID: Int32 { getpid() }

    private static func statusField(_ name: String, pid: Int32) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let kilobytes = line.dropFirst(name.count + 1).split(whereSeparator: \.isWhitespace).first.flatMap {
                Int($0)
            }
            return kilobytes.map { $0 * 1024 }
        }
        return nil
    }
}
