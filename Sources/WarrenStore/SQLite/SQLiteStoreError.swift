/// Why a SQLite store could not be opened or closed; each message names the file and what to do.
public enum SQLiteStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The data directory could not be created or is not a directory.
    case directoryUnavailable(path: String, reason: String)
    /// The directory or the database file cannot be written (read-only file system or permissions).
    case notWritable(path: String, reason: String)
    /// The file exists but is not a SQLite database.
    case notADatabase(path: String)
    /// The file is a SQLite database that SQLite reports as damaged.
    case corrupt(path: String, reason: String)
    /// The file is a SQLite database of another application (it has tables but no Warren header).
    case foreignDatabase(path: String, tables: [String])
    /// The file was written by a newer Warren whose schema this build does not know.
    case newerSchema(path: String, found: Int, supported: Int)
    /// Any other failure while opening, migrating or closing.
    case openFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .directoryUnavailable(let path, let reason):
            "cannot use data directory \(path): \(reason); choose another --data-dir or fix the path"
        case .notWritable(let path, let reason):
            "\(path) is not writable (\(reason)); make the data directory writable or choose another --data-dir"
        case .notADatabase(let path):
            "\(path) is not a database (file is not a database); move it away or choose another --data-dir"
        case .corrupt(let path, let reason):
            "\(path) is corrupt (\(reason)); restore it from a backup or move it away"
        case .foreignDatabase(let path, let tables):
            "\(path) is a SQLite database of another application (tables: \(tables.joined(separator: ", "))); "
                + "Warren will not write to it: choose another --data-dir"
        case .newerSchema(let path, let found, let supported):
            "\(path) has schema version \(found), newer than this build supports (\(supported)); "
                + "run a newer warrend or restore a backup"
        case .openFailed(let path, let reason):
            "cannot open \(path): \(reason)"
        }
    }
}
