import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals
import WarrenRPC
import WarrenServer

/// `warrend`: serves the Warren runtime over the binary RPC protocol until SIGTERM or SIGINT.
@main
struct Warrend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warrend",
        abstract: "Serve Warren's runtime control plane over its binary RPC protocol.",
        version: WarrendVersion.text
    )

    @OptionGroup var options: ServerOptions

    func run() async throws {
        AllocatorTuning.apply()
        let configuration = try WarrendConfiguration(
            options: self.options,
            environment: ProcessInfo.processInfo.environment
        )
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = configuration.logLevel
            return handler
        }
        let logger = Logger(label: "warrend")
        let warren = try await WarrenServer(
            configuration: configuration.warren,
            version: WarrendVersion.text,
            logger: logger
        )
        let server = RPCServer(
            configuration: configuration.server,
            services: warren.services(),
            logger: logger
        )
        warren.attachStatistics { server.statistics }
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: RPCServerService(server: server, warren: warren, logger: logger))],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        try await group.run()
    }
}
