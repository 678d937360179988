import Synchronization

/// CPU time used by the bench and (when its pid is known) the server between two marks: the start and the
/// end of measuring.
final class CPUMeter: Sendable {
    private struct Marks {
        var clientStart: Duration?
        var serverStart: Duration?
        var clientUsed: Duration?
        var serverUsed: Duration?
        var ended = false
    }

    private let serverPID: Int32?
    private let marks = Mutex(Marks())

    init(serverPID: Int32?) {
        self.serverPID = serverPID
    }

    /// Notes the CPU times at the start of measuring.
    func markStart() {
        let client = ProcessStats.cpuTime(pid: ProcessStats.currentPID)
        let server = self.serverPID.flatMap(ProcessStats.cpuTime(pid:))
        self.marks.withLock { marks in
            marks.clientStart = client
            marks.serverStart = server
        }
    }

    /// Notes the CPU used since ``markStart()``; only the first call counts.
    func markEnd() {
        let client = ProcessStats.cpuTime(pid: ProcessStats.currentPID)
        let server = self.serverPID.flatMap(ProcessStats.cpuTime(pid:))
        self.marks.withLock { marks in
            guard !marks.ended else { return }
            marks.ended = true
            if let start = marks.clientStart, let client { marks.clientUsed = client - start }
            if let start = marks.serverStart, let server { marks.serverUsed = server - start }
        }
    }

    /// CPU the bench used while measuring.
    var clientUsed: Duration? { self.marks.withLock { $0.clientUsed } }

    /// CPU the server used while measuring.
    var serverUsed: Duration? { self.marks.withLock { $0.serverUsed } }
}
