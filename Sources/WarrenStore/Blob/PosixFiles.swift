#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few blocking POSIX file operations the file blob store needs, with errno turned into a message.
/// Plain POSIX rather than Foundation: the store must fsync files and directories, which Foundation's
/// file APIs do not expose.
enum PosixFiles {
    /// A failed call: what was attempted, on which path, and errno.
    struct Failure: Error, CustomStringConvertible {
        let operation: String
        let path: String
        let code: Int32

        /// Nothing is at the path: it is missing, or a component of it is a file.
        var isNotFound: Bool { Self.notFoundCodes.contains(code) }
        static let notFoundCodes: Set<Int32> = [ENOENT, ENOTDIR]
        var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }
    }

    /// The whole content of a file.
    static func readAll(_ path: String) throws(Failure) -> [UInt8] {
        let fd = try openDescriptor(path, O_RDONLY, operation: "open")
        defer { close(fd) }
        var content: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1_024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw Failure(operation: "read", path: path, code: errno) }
            if count == 0 { return content }
            content += chunk.prefix(count)
        }
    }

    /// Creates `path` (which must not exist), writes `bytes` and fsyncs it before closing.
    static func writeNew(_ path: String, _ bytes: [UInt8]) throws(Failure) {
        let fd = try openDescriptor(path, O_WRONLY | O_CREAT | O_EXCL, operation: "create")
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw Failure(operation: "write", path: path, code: errno) }
            offset += count
        }
        guard fsync(fd) == 0 else { throw Failure(operation: "fsync", path: path, code: errno) }
    }

    /// Makes a directory's entries (a rename, a new file) durable.
    static func syncDirectory(_ path: String) throws(Failure) {
        let fd = try openDescriptor(path, O_RDONLY | O_DIRECTORY, operation: "open directory")
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw Failure(operation: "fsync directory", path: path, code: errno) }
    }

    /// Creates a directory unless it exists; true when this call created it.
    static func makeDirectory(_ path: String) throws(Failure) -> Bool {
        if mkdir(path, 0o755) == 0 { return true }
        if errno == EEXIST { return false }
        throw Failure(operation: "mkdir", path: path, code: errno)
    }

    /// Atomically replaces `destination` with `source`.
    static func move(_ source: String, to destination: String) throws(Failure) {
        guard rename(source, destination) == 0 else { throw Failure(operation: "rename", path: source, code: errno) }
    }

    /// Removes a file; false when it did not exist.
    @discardableResult
    static func remove(_ path: String) throws(Failure) -> Bool {
        if unlink(path) == 0 { return true }
        if Failure.notFoundCodes.contains(errno) { return false }
        throw Failure(operation: "unlink", path: path, code: errno)
    }

    /// Whether anything exists at `path`.
    static func exists(_ path: String) throws(Failure) -> Bool {
        var info = stat()
        if stat(path, &info) == 0 { return true }
        if Failure.notFoundCodes.contains(errno) { return false }
        throw Failure(operation: "stat", path: path, code: errno)
    }

    /// The names in a directory, without `.` and `..`; nil when it does not exist or is not a directory.
    static func list(_ path: String) throws(Failure) -> [String]? {
        guard let directory = opendir(path) else {
            if Failure.notFoundCodes.contains(errno) { return nil }
            throw Failure(operation: "opendir", path: path, code: errno)
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    private static func openDescriptor(_ path: String, _ flags: Int32, operation: String) throws(Failure) -> Int32 {
        while true {
            let fd = flags & O_CREAT != 0 ? open(path, flags | O_CLOEXEC, 0o644) : open(path, flags | O_CLOEXEC)
            if fd >= 0 { return fd }
            if errno != EINTR { throw Failure(operation: operation, path: path, code: errno) }
        }
    }
}
