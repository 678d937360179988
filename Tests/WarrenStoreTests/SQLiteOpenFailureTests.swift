import Foundation
import GRDB
import Testing
import WarrenStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every file the store must refuse is refused at open, with a message naming it (issue 6 §6).
@Suite("SQLite open failures")
struct SQLiteOpenFailureTests {
    @Test("a file that is not a database")
    func notADatabase() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        let garbage = String(repeating: "this is not a database\n", count: 400)
        try garbage.write(toFile: directory.databasePath, atomically: true, encoding: .utf8)
        let error = #expect(throws: SQLiteStoreError.self) { try SQLiteStore.open(directory: directory.path) }
        #expect(error == .notADatabase(path: directory.databasePath))
        #expect(error?.description.contains("file is not a database") == true)
        #expect(try String(contentsOfFile: directory.databasePath, encoding: .utf8) == garbage)
    }

    @Test("a SQLite database of another application")
    func foreignDatabase() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        let foreign = try DatabaseQueue(path: directory.databasePath)
        try foreign.write { db in try db.execute(sql: "CREATE TABLE users (id INTEGER PRIMARY KEY)") }
        try foreign.close()
        let error = #expect(throws: SQLiteStoreError.self) { try SQLiteStore.open(directory: directory.path) }
        #expect(error == .foreignDatabase(path: directory.databasePath, tables: ["users"]))
        let journal = try DatabaseQueue(path: directory.databasePath).read { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode")
        }
        #expect(journal == "delete")
    }

    @Test("a Warren database written by a newer schema")
    func newerSchema() throws {
        let directory = try TemporaryDirectory()
        try SQLiteStore.open(directory: directory.path).close()
        let file = try DatabaseQueue(path: directory.databasePath)
        try file.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = 99") }
        try file.close()
        let error = #expect(throws: SQLiteStoreError.self) { try SQLiteStore.open(directory: directory.path) }
        #expect(error == .newerSchema(path: directory.databasePath, found: 99, supported: 2))
        #expect(error?.description.contains("newer warrend") == true)
    }

    @Test("a data directory path that is a file")
    func directoryIsAFile() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        let file = directory.path + "/plain"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        for path in [file, file + "/sub"] {
            let error = #expect(throws: SQLiteStoreError.self) { try SQLiteStore.open(directory: path) }
            guard case .directoryUnavailable(let reported, _) = error else {
                Issue.record("unexpected \(String(describing: error))")
                continue
            }
            #expect(reported == path)
        }
    }

    // Root ignores permission bits, so this case only runs for an ordinary user.
    @Test("a read-only data directory", .enabled(if: getuid() != 0))
    func readOnlyDirectory() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path) }
        let error = #expect(throws: SQLiteStoreError.self) { try SQLiteStore.open(directory: directory.path) }
        guard case .notWritable(let path, _) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(path == directory.path)
    }

    @Test("a Warren database reopens after a clean close")
    func warrenDatabaseReopens() throws {
        let directory = try TemporaryDirectory()
        try SQLiteStore.open(directory: directory.path).close()
        try SQLiteStore.open(directory: directory.path).close()
    }
}
