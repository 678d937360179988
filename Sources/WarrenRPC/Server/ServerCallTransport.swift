package import NIOCore

/// The transport's side of one server call, erased from message types: the typed handlers of
/// ``RPCMethodHandler`` decode and encode around it.
///
/// The transport owns everything below a message: framing, compression, size limits and flow control.
package protocol ServerCallTransport: Sendable {
    /// The call's context.
    var context: ServerCallContext { get }

    /// The next request message's bytes (inflated); nil once the client half-closed.
    ///
    /// Throws `RPCError` with `.cancelled` once the call is over (client CANCEL, deadline, connection gone).
    func nextRequest() async throws(RPCError) -> ByteBuffer?

    /// Sends one response message; suspends while the peer's flow-control window is exhausted.
    ///
    /// Throws `RPCError` with `.cancelled` once the call is over.
    func sendResponse(_ message: ByteBuffer) async throws(RPCError)
}
