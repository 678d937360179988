import ArgumentParser
import Foundation
import Logging
import WarrenRPC
import WarrenServer

/// Everything `warrend` needs to start, resolved from flags, then `WARREN_*` environment variables, then defaults.
struct WarrendConfiguration {
    var address: ServerAddress
    var logLevel: Logger.Level
    var server: RPCServerConfiguration
    var warren: WarrenServer.Configuration

    /// Resolves the options; a bad value is a `ValidationError` naming the flag and the variable.
    init(options: ServerOptions, environment: [String: String]) throws {
        let lookup = EnvironmentLookup(environment: environment)
        let addressText = options.address ?? lookup["WARREN_ADDRESS"]
        if let addressText {
            guard let address = ServerAddress(parsing: addressText) else {
                throw ValidationError("--address/WARREN_ADDRESS: expected host:port, got '\(addressText)'")
            }
            self.address = address
        } else {
            self.address = .default
        }
        let levelText = options.logLevel ?? lookup["WARREN_LOG_LEVEL"] ?? "info"
        guard let level = Logger.Level(rawValue: levelText.lowercased()) else {
            throw ValidationError("--log-level/WARREN_LOG_LEVEL: unknown level '\(levelText)'")
        }
        self.logLevel = level
        self.server = try Self.serverConfiguration(options: options, lookup: lookup, address: self.address)
        self.warren = WarrenServer.Configuration(storage: try Self.storage(options: options, lookup: lookup))
        let limits = LimitOptions(options: options, lookup: lookup)
        if let retention = try limits.value("event-retention", options.eventRetention, range: 1...100_000_000) {
            self.warren.eventRetention = retention
        }
    }

    /// SQLite under `--data-dir` (default `./warren-data`), or memory with `--memory`; asking for both is an error.
    private static func storage(options: ServerOptions, lookup: EnvironmentLookup) throws -> ServerStorage {
        let memory = options.memory || lookup.flag("WARREN_MEMORY")
        let directory = options.dataDir ?? lookup["WARREN_DATA_DIR"]
        if memory, let directory {
            throw ValidationError("--memory and --data-dir '\(directory)' contradict each other: choose one")
        }
        return memory ? .memory : .sqlite(directory: directory ?? "warren-data")
    }

    private static func serverConfiguration(
        options: ServerOptions,
        lookup: EnvironmentLookup,
        address: ServerAddress
    ) throws -> RPCServerConfiguration {
        var server = RPCServerConfiguration()
        server.host = address.host
        server.port = address.port
        server.serverVersion = WarrendVersion.text
        if let path = options.tokenFile ?? lookup["WARREN_TOKEN_FILE"] {
            do {
                server.bearerToken = try BearerTokenFile.read(path)
            } catch {
                throw ValidationError("--token-file/WARREN_TOKEN_FILE: \(error)")
            }
        }
        let limits = LimitOptions(options: options, lookup: lookup)
        if let value = try limits.value("max-frame-size", options.maxFrameSize, range: 16_384...16_777_215) {
            server.maxFrameSize = UInt32(value)
        }
        if let value = try limits.value("max-message-size", options.maxMessageSize, range: 1...(1 << 30)) {
            server.maxMessageSize = UInt32(value)
        }
        if let value = try limits.value("max-concurrent-streams", options.maxConcurrentStreams, range: 1...100_000) {
            server.maxConcurrentStreams = UInt32(value)
        }
        if let value = try limits.value("max-connections", options.maxConnections, range: 1...1_000_000) {
            server.maxConnections = value
        }
        if let seconds = try limits.value("idle-timeout", options.idleTimeout, range: 0...86_400) {
            server.idleTimeout = seconds == 0 ? nil : .seconds(seconds)
        }
        return server
    }
}

/// The software version `warrend` reports in SETTINGS and ServerInfo.
enum WarrendVersion {
    static let text = "warrend 0.1.0"
}
