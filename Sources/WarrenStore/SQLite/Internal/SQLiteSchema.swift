package import GRDB

/// The store's schema: raw-SQL migrations under stable names, never edited once shipped (STYLE §14).
///
/// The database header identifies the file: `application_id` marks it as Warren's and `user_version`
/// holds the schema version, so a foreign or newer file is refused before any migration runs.
package enum SQLiteSchema {
    /// "WRN1": the `application_id` of every Warren database.
    static let applicationID: Int32 = 0x5752_4E31
    /// The newest schema version this build writes (the `user_version` its last migration sets).
    static let version = 2

    /// Every migration, oldest first.
    package static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-schema") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2-snapshots-apart") { db in
            try db.execute(sql: v2)
        }
        return migrator
    }

    /// Runtimes, inputs (in admission order: the rowid never changes on upsert), receipts (insert-only),
    /// the event log (position is the rowid) and durable subscriber positions.
    private static let v1 = """
        CREATE TABLE runtimes (
            runtime_id TEXT PRIMARY KEY NOT NULL,
            event_sequence INTEGER NOT NULL DEFAULT 0 CHECK (event_sequence >= 0),
            runtime_state TEXT,
            session_snapshot BLOB,
            ops_snapshot BLOB
        );
        CREATE TABLE input_states (
            runtime_id TEXT NOT NULL REFERENCES runtimes(runtime_id),
            input_id TEXT NOT NULL,
            state TEXT NOT NULL,
            record BLOB NOT NULL,
            UNIQUE (runtime_id, input_id)
        );
        CREATE TABLE boundary_receipts (
            runtime_id TEXT NOT NULL REFERENCES runtimes(runtime_id),
            run_id TEXT NOT NULL,
            sequence INTEGER NOT NULL CHECK (sequence >= 0),
            record BLOB NOT NULL,
            PRIMARY KEY (runtime_id, run_id, sequence)
        ) WITHOUT ROWID;
        CREATE TABLE events (
            position INTEGER PRIMARY KEY CHECK (position > 0),
            runtime_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            kind TEXT NOT NULL,
            envelope BLOB NOT NULL
        );
        CREATE TABLE subscriber_positions (
            name TEXT PRIMARY KEY NOT NULL,
            position INTEGER NOT NULL CHECK (position >= 0)
        ) WITHOUT ROWID;
        PRAGMA application_id = 1465011761;
        PRAGMA user_version = 1;
        """

    /// Snapshots move out of `runtimes` into a table of their own (D117): SQLite rewrites a row it updates,
    /// and reads every overflow page of a large blob in it even when the blob is unchanged, so a 1 MiB
    /// snapshot made each commit's sequence update cost ~1.2 ms instead of ~16 µs.
    private static let v2 = """
        CREATE TABLE runtime_snapshots (
            runtime_id TEXT PRIMARY KEY NOT NULL REFERENCES runtimes(runtime_id),
            session_snapshot BLOB,
            ops_snapshot BLOB
        );
        INSERT INTO runtime_snapshots (runtime_id, session_snapshot, ops_snapshot)
            SELECT runtime_id, session_snapshot, ops_snapshot FROM runtimes
            WHERE session_snapshot IS NOT NULL OR ops_snapshot IS NOT NULL;
        ALTER TABLE runtimes DROP COLUMN session_snapshot;
        ALTER TABLE runtimes DROP COLUMN ops_snapshot;
        PRAGMA user_version = 2;
        """

    /// Refuses a file that is not a Warren database of a known version; a new, empty file passes.
    static func verify(_ db: Database, path: String) throws {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let found = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let tables = try String.fetchAll(
            db,
            sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
        if applicationID != Self.applicationID, !tables.isEmpty || found != 0 {
            throw SQLiteStoreError.foreignDatabase(path: path, tables: tables)
        }
        if found > version {
            throw SQLiteStoreError.newerSchema(path: path, found: found, supported: version)
        }
    }
}
