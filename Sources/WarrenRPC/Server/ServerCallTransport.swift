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

    /// Sends the call's last response message and ends the call with OK behind it, without waiting for the
    /// message to be written (a unary or client-streaming handler's response). The handler has nothing left
    /// to do: a failure to send ends the call with that failure's status instead.
    func sendLastResponse(_ message: ByteBuffer) async throws(RPCError)
}

extension ServerCallTransport {
    /// By default, ``sendResponse(_:)``: the handler's return then ends the call with OK.
    package func sendLastResponse(_ message: ByteBuffer) async throws(RPCError) {
        try await self.sendResponse(message)
    }
}
