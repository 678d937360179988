import Foundation
internal import GRDB

/// Opening the database file: the directory, the connection settings and the header checks.
enum SQLiteOpening {
    /// The database file's name inside the data directory.
    static let fileName = "warren.sqlite"

    /// Creates `directory` if needed and returns the database path inside it.
    static func prepare(directory: String) throws(SQLiteStoreError) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw .directoryUnavailable(path: directory, reason: "it exists and is not a directory")
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw .directoryUnavailable(
                    path: directory,
                    reason: "it cannot be created: \(error.localizedDescription)"
                )
            }
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw .notWritable(path: directory, reason: "the directory is read-only")
        }
        return (directory as NSString).appendingPathComponent(fileName)
    }

    /// WAL (a pool always uses it), foreign keys, a busy timeout.
    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.label = "warren.sqlite"
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        return configuration
    }

    /// Every commit reaches the disk before it returns: durability before the ack (SPEC §5). Set on
    /// the writer after the pool is open, because the pool sets `synchronous=NORMAL` when it turns
    /// WAL on, after `prepareDatabase` has run (docs/DECISIONS.md D90).
    static func requireFullSynchronous(_ pool: DatabasePool) throws {
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
    }

    /// Opens the pool, checks the header and migrates to the current schema.
    static func open(path: String) throws(SQLiteStoreError) -> DatabasePool {
        do {
            if FileManager.default.fileExists(atPath: path) { try verifyUntouched(path: path) }
            let pool = try DatabasePool(path: path, configuration: configuration)
            try requireFullSynchronous(pool)
            try SQLiteSchema.migrator.migrate(pool)
            return pool
        } catch let error as SQLiteStoreError {
            throw error
        } catch let error as DatabaseError {
            throw map(error, path: path)
        } catch {
            throw .openFailed(path: path, reason: "\(error)")
        }
    }

    /// Checks an existing file read-only, so a refused file is left exactly as it was (a pool would
    /// first switch it to WAL).
    private static func verifyUntouched(path: String) throws {
        var readOnly = Configuration()
        readOnly.readonly = true
        let probe = try DatabaseQueue(path: path, configuration: readOnly)
        defer { try? probe.close() }
        try probe.read { db in try SQLiteSchema.verify(db, path: path) }
    }

    /// The clear error for a SQLite failure at open.
    static func map(_ error: DatabaseError, path: String) -> SQLiteStoreError {
        let reason = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_NOTADB: return .notADatabase(path: path)
        case .SQLITE_CORRUPT: return .corrupt(path: path, reason: reason)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN: return .notWritable(path: path, reason: reason)
        default: return .openFailed(path: path, reason: reason)
        }
    }
}
