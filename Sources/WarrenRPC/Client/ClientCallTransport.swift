package import NIOCore

/// The transport's side of one client call, erased from message types: ``RPCRequestWriter`` and
/// ``RPCResponseStream`` encode and decode around it.
package protocol ClientCallTransport: Sendable {
    /// Sends one request message; suspends while the server's flow-control window is exhausted.
    /// Throws the call's final `RPCError` if it already ended.
    func sendRequest(_ message: ByteBuffer) async throws(RPCError)

    /// Half-closes the request side (END_STREAM); later sends are a programming error.
    func finishRequests() async throws(RPCError)

    /// The next response message's bytes (inflated); nil once the call ended with OK trailers.
    /// Throws the call's `RPCError` when it ended with another status.
    func nextResponse() async throws(RPCError) -> ByteBuffer?
}
