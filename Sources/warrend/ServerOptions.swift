import ArgumentParser

/// The flags of `warrend`; each falls back to a `WARREN_*` environment variable, then to its default.
struct ServerOptions: ParsableArguments {
    @Option(help: "Address to listen on, host:port (env WARREN_ADDRESS; default 127.0.0.1:7433; port 0 picks one).")
    var address: String?

    @Flag(help: "Keep everything in memory, without persistence (env WARREN_MEMORY=1).")
    var memory = false

    @Option(help: "Directory of the SQLite database and blobs (env WARREN_DATA_DIR; default ./warren-data).")
    var dataDir: String?

    @Option(help: "File holding the bearer token every call must present (env WARREN_TOKEN_FILE).")
    var tokenFile: String?

    @Option(
        help: "Log level: trace, debug, info, notice, warning, error, critical (env WARREN_LOG_LEVEL; default info)."
    )
    var logLevel: String?

    @Option(help: "Largest frame payload accepted, in bytes (env WARREN_MAX_FRAME_SIZE; default 4 MiB).")
    var maxFrameSize: Int?

    @Option(help: "Largest message accepted, in bytes (env WARREN_MAX_MESSAGE_SIZE; default 4 MiB).")
    var maxMessageSize: Int?

    @Option(help: "Concurrent calls per connection (env WARREN_MAX_CONCURRENT_STREAMS; default 100).")
    var maxConcurrentStreams: Int?

    @Option(help: "Open connections accepted (env WARREN_MAX_CONNECTIONS; default 1024).")
    var maxConnections: Int?

    @Option(help: "Seconds before an idle connection is closed, 0 for never (env WARREN_IDLE_TIMEOUT; default 300).")
    var idleTimeout: Int?

    @Option(help: "Events kept for replay; older ones are compacted (env WARREN_EVENT_RETENTION; default 100000).")
    var eventRetention: Int?
}
