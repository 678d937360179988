/// The last few streams we closed while the client could still be sending on them.
///
/// A MESSAGE on such a stream raced with our TRAILERS (or refusal) and is dropped; a MESSAGE on any other
/// closed stream is a protocol error. Bounded, so a client cannot make the server remember every stream.
struct RecentStreamIDs {
    private var ids: [UInt32]
    private var next = 0
    private let capacity: Int

    /// Creates an empty set remembering at most `capacity` ids.
    init(capacity: Int) {
        self.capacity = capacity
        self.ids = []
        self.ids.reserveCapacity(capacity)
    }

    /// Remembers `id`, forgetting the oldest when full.
    mutating func insert(_ id: UInt32) {
        if self.ids.count < self.capacity {
            self.ids.append(id)
        } else {
            self.ids[self.next] = id
            self.next = (self.next + 1) % self.capacity
        }
    }

    /// Whether `id` is remembered.
    func contains(_ id: UInt32) -> Bool {
        self.ids.contains(id)
    }
}
