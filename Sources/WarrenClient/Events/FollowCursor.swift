import Synchronization
import WarrenProto

/// Where a follower resumes: after the last position it delivered, else where it was asked to start.
final class FollowCursor: Sendable {
    private let state: Mutex<State>

    private struct State {
        var request: SubscribeRequest
        var progressed = false
    }

    init(request: SubscribeRequest) {
        self.state = Mutex(State(request: request))
    }

    /// The request for the next (re)subscription.
    var request: SubscribeRequest { self.state.withLock { $0.request } }

    /// Records a delivered item: events, lag notices and the caught-up head move the resume point past them,
    /// so a follower that started from now resumes without missing what happened while it was away.
    func advance(past item: SubscribeResponse) {
        let position: UInt64? =
            switch item.item {
            case .envelope(let envelope): envelope.position
            case .batch(let batch): batch.envelopes.last?.position
            case .lagged(let lagged): lagged.toPosition
            case .caughtUp(let marker): marker.position
            case nil: nil
            }
        self.state.withLock { state in
            state.progressed = true
            if let position { state.request.start = .afterPosition(position) }
        }
    }

    /// Whether anything was delivered since the last call (a fresh run of reconnect attempts then starts).
    func takeProgress() -> Bool {
        self.state.withLock { state in
            defer { state.progressed = false }
            return state.progressed
        }
    }
}
