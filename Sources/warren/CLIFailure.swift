import ArgumentParser
import Foundation
import WarrenProto
import WarrenRPC

/// A failure the CLI reports as one line on stderr, exiting with status 1.
struct CLIFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Words for a failed call that tell a person what to do next.
enum CallFailureText {
    static func describe(_ error: RPCError, address: ServerAddress) -> String {
        switch error.code {
        case .unavailable where error.message.contains("cannot connect"):
            "cannot reach warrend at \(address): is it running? Start it with `scripts/run` or `warrend`. (\(error.message))"
        case .unauthenticated:
            "the server refused the call: \(error.message). Pass --token-file (or set WARREN_TOKEN_FILE)."
        case .deadlineExceeded:
            "the call did not finish in time (--timeout): \(error.message)"
        default:
            "\(error.code): \(error.message)\(Self.detail(error.detail))"
        }
    }

    private static func detail(_ detail: ErrorDetail?) -> String {
        guard let detail else { return "" }
        return " [detail: \(detail.jsonValue().jsonText)]"
    }
}
