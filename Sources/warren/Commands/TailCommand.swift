import ArgumentParser
import WarrenClient
import WarrenProto

/// `warren tail`: follow the event stream, resuming after reconnects.
struct TailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Follow the event stream: replay, then live events (Ctrl-C to stop)."
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Where to start: beginning, now, or a position (events after it). Default: beginning.")
    var from = "beginning"

    @Option(help: "Only events of this runtime (repeatable).")
    var runtime: [String] = []

    @Flag(help: "Print one JSON object per line instead of text.")
    var json = false

    @Flag(help: "Stop once caught up with the log instead of following live events.")
    var noFollow = false

    func validate() throws {
        _ = try self.start()
    }

    func run() async throws {
        var request = SubscribeRequest(filter: EventFilter(runtimeIDs: self.runtime))
        request.start = try self.start()
        try await withClient(self.connection) { client in
            for try await item in client.followEvents(request) {
                if let line = EventText.line(for: item, json: self.json) { Console.line(line) }
                if self.noFollow, case .caughtUp = item.item { return }
            }
        }
    }

    private func start() throws -> SubscribeRequest.Start {
        switch self.from {
        case "beginning": return .beginning(SubscribeFromBeginning())
        case "now": return .now(SubscribeFromNow())
        default:
            guard let position = UInt64(self.from) else {
                throw ValidationError("--from: expected beginning, now or a position, got '\(self.from)'")
            }
            return .afterPosition(position)
        }
    }
}
