import ArgumentParser
import Foundation
import WarrenClient
import WarrenRPC

/// Where the server is and how to authenticate; each flag falls back to a `WARREN_*` environment variable.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "The server's host:port (env WARREN_ADDRESS; default 127.0.0.1:7433).")
    var address: String?

    @Option(help: "File holding the bearer token (env WARREN_TOKEN_FILE).")
    var tokenFile: String?

    @Option(help: "Seconds to wait for the call before giving up (default: no limit).")
    var timeout: Double?

    /// The server address, resolved from the flag, then the environment, then the default.
    func serverAddress() throws -> ServerAddress {
        let environment = ProcessInfo.processInfo.environment
        guard let text = self.address ?? environment["WARREN_ADDRESS"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            return .default
        }
        guard let address = ServerAddress(parsing: text) else {
            throw ValidationError("--address/WARREN_ADDRESS: expected host:port, got '\(text)'")
        }
        return address
    }

    /// A client for the resolved server; the caller closes it.
    func makeClient() throws -> WarrenClient {
        let address = try self.serverAddress()
        var configuration = RPCClientConfiguration()
        configuration.host = address.host
        configuration.port = address.port
        configuration.bearerToken = try self.bearerToken()
        return WarrenClient(configuration: configuration)
    }

    /// The bearer token from `--token-file`, then `WARREN_TOKEN_FILE`; nil when neither is set.
    func bearerToken() throws -> String? {
        let environment = ProcessInfo.processInfo.environment
        guard let path = self.tokenFile ?? environment["WARREN_TOKEN_FILE"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            return nil
        }
        do {
            return try BearerTokenFile.read(path)
        } catch {
            throw ValidationError("--token-file/WARREN_TOKEN_FILE: \(error)")
        }
    }

    /// Per-call options from `--timeout`.
    var callOptions: CallOptions {
        CallOptions(timeout: self.timeout.map { .milliseconds(Int64($0 * 1_000)) })
    }
}

/// Runs `body` with a client and turns call failures into one clear line on stderr and exit status 1.
func withClient(
    _ options: ConnectionOptions,
    _ body: (WarrenClient) async throws -> Void
) async throws {
    let client = try options.makeClient()
    do {
        try await body(client)
        await client.close()
    } catch let error as RPCError {
        await client.close()
        let address = (try? options.serverAddress()) ?? .default
        throw CLIFailure(CallFailureText.describe(error, address: address))
    } catch {
        await client.close()
        throw error
    }
}
