/// A flow-control window: the byte credit one direction of a stream (or of the connection) still has.
///
/// The same struct serves both sides. On the **send** side it holds the credit the peer granted us:
/// ``canSend(_:)`` says whether a message may go now, ``consume(_:)`` charges it, ``grant(_:)`` applies the
/// peer's WINDOW_UPDATE. On the **receive** side it holds the credit we granted the peer: ``consume(_:)``
/// charges each arriving MESSAGE and throws when the peer overran its window, and ``release(_:)`` is called as
/// the application takes messages off the queue and says when to send a WINDOW_UPDATE.
///
/// **Whole messages may overdraw.** A MESSAGE frame carries one whole message and cannot be split, so a
/// frame may be sent (and is accepted) whenever the window is positive, and its whole size is charged: the
/// window can go negative and blocks further frames until grants bring it back above zero. An empty frame
/// needs no credit. The sender's view of a window never exceeds the receiver's (grants reach the sender
/// later, frames are charged in the same order on both sides), so a sender that follows this rule is never
/// refused. A slow reader therefore bounds what a writer buffers by the window plus one message.
///
/// **Receive-side update policy.** Credit is returned only for bytes the application has consumed (not
/// merely received), and is batched: ``release(_:)`` returns a WINDOW_UPDATE increment once the released but
/// not yet granted bytes reach half the target window (at least 1 byte), and grants them back at once. So
/// the peer never has more than the target window outstanding, and a reader that keeps up costs one
/// WINDOW_UPDATE per half window.
///
/// The window is signed so that a lower initial window announced in SETTINGS (``updateTarget(to:)``) can leave
/// it negative, as in HTTP/2. Every window is capped at 2^31-1 (``maxSize``).
package struct FlowControlWindow: Hashable, Sendable {
    /// The largest a window may ever be, 2^31-1 bytes (the largest WINDOW_UPDATE increment).
    package static let maxSize = Int(Frame.maxWindowIncrement)

    /// The credit left, in bytes; may be negative after an overdrawing message or a lowered target.
    package private(set) var available: Int

    /// The window size this side aims for: the initial window from SETTINGS.
    package private(set) var target: Int

    /// Bytes the application has consumed whose credit has not been granted back yet (receive side only).
    package private(set) var pendingRelease: Int

    /// Creates a window holding `initialSize` bytes of credit, from SETTINGS `initial_stream_window` or
    /// `initial_connection_window`.
    ///
    /// - Precondition: `initialSize` is in `0...FlowControlWindow.maxSize`.
    package init(initialSize: Int) {
        precondition((0...Self.maxSize).contains(initialSize), "initial window \(initialSize) out of range")
        self.available = initialSize
        self.target = initialSize
        self.pendingRelease = 0
    }

    /// The threshold of released bytes at which ``release(_:)`` asks for a WINDOW_UPDATE: half the target,
    /// and at least 1.
    package var updateThreshold: Int { max(1, self.target / 2) }

    /// Whether a frame of `size` bytes may be sent now: empty frames always, others while credit is positive.
    package func canSend(_ size: Int) -> Bool {
        size == 0 || self.available > 0
    }

    /// Charges a frame of `size` bytes to the window.
    ///
    /// - Throws: ``FlowControlError/windowExhausted(frameSize:available:)`` when a non-empty frame arrives
    ///   while the window holds no credit; the window is unchanged.
    package mutating func consume(_ size: Int) throws(FlowControlError) {
        precondition(size >= 0, "negative frame size \(size)")
        guard self.canSend(size) else {
            throw .windowExhausted(frameSize: size, available: self.available)
        }
        self.available -= size
    }

    /// Adds a WINDOW_UPDATE's `increment` to the window.
    ///
    /// - Throws: ``FlowControlError/windowOverflow(available:increment:)`` when the window would exceed
    ///   2^31-1 bytes; the window is unchanged.
    package mutating func grant(_ increment: UInt32) throws(FlowControlError) {
        let increment = Int(increment)
        guard self.available + increment <= Self.maxSize else {
            throw .windowOverflow(available: self.available, increment: increment)
        }
        self.available += increment
    }

    /// Records that the application consumed `size` received bytes, and returns the increment of the
    /// WINDOW_UPDATE to send now, if the policy calls for one (receive side).
    ///
    /// When the released bytes reach ``updateThreshold`` they are all granted back to ``available`` and
    /// returned as the increment; otherwise they accumulate and the result is `nil`.
    package mutating func release(_ size: Int) -> UInt32? {
        precondition(size >= 0, "negative release \(size)")
        self.pendingRelease += size
        guard self.pendingRelease >= self.updateThreshold else { return nil }
        let increment = min(self.pendingRelease, Self.maxSize - max(self.available, 0))
        guard increment > 0 else { return nil }
        self.pendingRelease -= increment
        self.available += increment
        return UInt32(increment)
    }

    /// Moves the window to a new initial size announced in SETTINGS, shifting ``available`` by the difference
    /// (it may go negative).
    ///
    /// - Throws: ``FlowControlError/windowOverflow(available:increment:)`` when the window would exceed
    ///   2^31-1 bytes; the window is unchanged.
    package mutating func updateTarget(to newSize: Int) throws(FlowControlError) {
        precondition((0...Self.maxSize).contains(newSize), "initial window \(newSize) out of range")
        let delta = newSize - self.target
        guard self.available + delta <= Self.maxSize else {
            throw .windowOverflow(available: self.available, increment: delta)
        }
        self.available += delta
        self.target = newSize
    }
}
