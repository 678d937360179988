internal import WarrenProto

/// Output a stream's machine released but the connection send window could not carry yet, in order.
///
/// The stream machines know only their own windows (D26); this queue adds the connection window on top, so a
/// stream's trailers wait behind its messages here too, and streams are served first come, first served.
struct ConnectionSendQueue {
    /// One frame waiting for connection credit.
    enum Item {
        case message(StreamStateMachine.OutboundMessage)
        case trailers(Status)
    }

    private var items: [(streamID: UInt32, item: Item)] = []
    private var head = 0

    /// Whether nothing is waiting.
    var isEmpty: Bool { self.head == self.items.count }

    /// The oldest waiting frame.
    var first: (streamID: UInt32, item: Item)? { self.isEmpty ? nil : self.items[self.head] }

    /// Queues a frame behind the others.
    mutating func append(streamID: UInt32, _ item: Item) {
        self.items.append((streamID, item))
    }

    /// Removes the oldest waiting frame.
    mutating func removeFirst() {
        self.head += 1
        if self.head == self.items.count {
            self.items.removeAll(keepingCapacity: true)
            self.head = 0
        }
    }

    /// Drops every frame of a stream whose call ended early (failed or cancelled).
    mutating func removeAll(streamID: UInt32) {
        self.items.removeSubrange(..<self.head)
        self.head = 0
        self.items.removeAll { $0.streamID == streamID }
    }
}
