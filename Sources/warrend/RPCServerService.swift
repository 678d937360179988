import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import WarrenRPC
import WarrenServer

/// Runs the RPC server as a lifecycle service: a shutdown signal drains connections (GOAWAY), then the
/// runtime stops its loops.
struct RPCServerService: Service {
    let server: RPCServer
    let warren: WarrenServer
    let logger: Logger

    func run() async throws {
        try await withGracefulShutdownHandler {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await self.server.run() }
                let address = try await self.server.listeningAddress()
                // Scripts and tests wait for this line to learn the port (with `--address host:0`).
                let line = "warrend listening on \(address.ipAddress ?? "?"):\(address.port ?? 0)\n"
                FileHandle.standardOutput.write(Data(line.utf8))
                try await group.waitForAll()
            }
        } onGracefulShutdown: {
            self.logger.notice("shutting down: draining connections")
            self.server.beginGracefulShutdown()
        }
        await self.warren.shutdown()
        self.logger.notice("stopped")
    }
}
