import Synchronization
import WarrenRuntime

/// The in-memory peer inbox of each session with comms enabled; Comms.SendPeer delivers into it.
final class PeerInboxes: Sendable {
    private let inboxes = Mutex<[SessionID: InMemoryPeerInbox]>([:])

    /// The session's inbox, created on first use.
    func inbox(for session: SessionID) -> InMemoryPeerInbox {
        self.inboxes.withLock { inboxes in
            if let inbox = inboxes[session] { return inbox }
            let inbox = InMemoryPeerInbox()
            inboxes[session] = inbox
            return inbox
        }
    }

    /// The session's inbox when comms were enabled for it.
    func existingInbox(for session: SessionID) -> InMemoryPeerInbox? {
        self.inboxes.withLock { $0[session] }
    }

    /// Forgets the session's inbox (comms disabled or session gone).
    func remove(_ session: SessionID) {
        _ = self.inboxes.withLock { $0.removeValue(forKey: session) }
    }
}
