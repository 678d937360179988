import Foundation
import WarrenProto

/// Wire values the end-to-end tests build often.
enum Wire {
    /// A fresh session id (the server's session ids are UUIDs).
    static func newSessionID() -> String { UUID().uuidString.lowercased() }

    /// A prompt input with `text` and an optional idempotency key.
    static func prompt(_ text: String, key: String = "") -> Input {
        Input(variant: .prompt(PromptInput(header: InputHeader(idempotencyKey: key), text: text)))
    }

    /// A peer's progress response to `requestID`, from peer-a, with a supersession key: the default policy
    /// coalesces a queued one into the next with the same key.
    static func progress(of requestID: String, key: String) -> Input {
        let header = InputHeader(
            source: InputOrigin(origin: .peerOrigin(InputOriginPeer(peerID: "peer-a"))),
            supersessionKey: key
        )
        let convention = PeerConvention(
            variant: .responseProgress(PeerConventionResponseProgress(requestID: requestID, phase: .inProgress))
        )
        return Input(variant: .peer(PeerInput(header: header, convention: convention, body: "working")))
    }

    /// A built-in executor reference by its CLI name (`echo`, `sleep`, `fail`, `fail:N`).
    static func builtin(_ kind: BuiltinExecutorKind, failCount: UInt32 = 0) -> ExecutorRef {
        ExecutorRef(target: .builtin(BuiltinExecutor(kind: kind, failCount: failCount)))
    }

    /// A remote executor reference.
    static func remote(_ name: String) -> ExecutorRef {
        ExecutorRef(target: .remote(RemoteExecutorRef(executorName: name)))
    }

    /// The admitted input's id, or nil when the outcome is not Accepted.
    static func acceptedID(_ outcome: AcceptOutcome?) -> String? {
        if case .accepted(let accepted) = outcome?.outcome { return accepted.inputID }
        return nil
    }
}
