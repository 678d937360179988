import Logging
import WarrenProto
import WarrenRuntime
import WarrenStore

/// Where the server keeps its state: an embedded SQLite database with a blob directory, or memory.
public enum ServerStorage: Sendable, Hashable {
    /// Everything in memory, lost at exit (`--memory`).
    case memory
    /// `<directory>/warren.sqlite` and `<directory>/blobs/` (`--data-dir`, default `./warren-data`).
    case sqlite(directory: String)

    /// The backend Health.ServerInfo reports.
    var backend: StoreBackend {
        switch self {
        case .memory: .memory
        case .sqlite: .sqlite
        }
    }

    /// Opens the store and blob store this storage names.
    func open(eventRetention: Int, logger: Logger) throws -> (any RuntimeStore, any BlobStore) {
        switch self {
        case .memory:
            return (MemoryStore(eventRetention: eventRetention), MemoryBlobStore())
        case .sqlite(let directory):
            let store = try SQLiteStore.open(directory: directory, eventRetention: eventRetention, logger: logger)
            return (store, FileBlobStore(directory: directory))
        }
    }
}
