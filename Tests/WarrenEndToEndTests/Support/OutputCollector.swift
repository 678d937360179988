import Foundation
import Synchronization

/// Collects a child's output from a pipe on a background thread, so a test can wait for a line.
final class OutputCollector: Sendable {
    private let state = Mutex(State())

    private struct State {
        var text = ""
        var finished = false
        var waiters: [(predicate: @Sendable (String) -> Bool, continuation: CheckedContinuation<String?, Never>)] = []
    }

    /// Starts reading `handle` until end of file.
    init(reading handle: FileHandle) {
        let thread = Thread { [self] in
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                self.append(String(decoding: data, as: UTF8.self))
            }
            self.finish()
        }
        thread.start()
    }

    /// Everything read so far.
    var text: String { self.state.withLock { $0.text } }

    /// Waits for the first line for which `predicate` holds; nil when the output ends first.
    func firstLine(where predicate: @escaping @Sendable (String) -> Bool) async -> String? {
        await withCheckedContinuation { continuation in
            let ready: String?? = self.state.withLock { state in
                if let line = Self.lines(of: state.text).first(where: predicate) { return .some(line) }
                if state.finished { return .some(nil) }
                state.waiters.append((predicate, continuation))
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    private func append(_ chunk: String) {
        let resumed = self.state.withLock { state -> [(CheckedContinuation<String?, Never>, String)] in
            state.text += chunk
            let lines = Self.lines(of: state.text)
            var resumed: [(CheckedContinuation<String?, Never>, String)] = []
            state.waiters.removeAll { waiter in
                guard let line = lines.first(where: waiter.predicate) else { return false }
                resumed.append((waiter.continuation, line))
                return true
            }
            return resumed
        }
        for (continuation, line) in resumed { continuation.resume(returning: line) }
    }

    private func finish() {
        let waiters = self.state.withLock { state in
            state.finished = true
            defer { state.waiters.removeAll() }
            return state.waiters.map(\.continuation)
        }
        for waiter in waiters { waiter.resume(returning: nil) }
    }

    /// Complete lines only: a line still being written is not matched.
    private static func lines(of text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeLast()
        return lines
    }
}
