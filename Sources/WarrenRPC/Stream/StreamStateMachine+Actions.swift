package import NIOCore
package import WarrenProto

extension StreamStateMachine {
    /// One message the handler writes as a MESSAGE frame on the stream.
    package struct OutboundMessage: Hashable, Sendable {
        /// The encoded (and, if ``compressed``, deflated) message.
        package var payload: ByteBuffer
        /// Whether the frame carries the COMPRESSED flag.
        package var compressed: Bool

        /// Creates an outbound message.
        package init(payload: ByteBuffer, compressed: Bool = false) {
            self.payload = payload
            self.compressed = compressed
        }
    }

    /// What the handler writes now, in order: the messages, then (if present) the TRAILERS that end the call.
    package struct Flush: Hashable, Sendable {
        /// Messages released by new credit, oldest first.
        package var messages: [OutboundMessage]
        /// The trailers that were waiting behind those messages, if they can now go too.
        package var trailers: Status?

        /// Creates a flush of `messages`, then `trailers` if given.
        package init(messages: [OutboundMessage], trailers: Status?) {
            self.messages = messages
            self.trailers = trailers
        }
    }

    /// What to do with a received HEADERS frame.
    package enum OnReceiveHeaders: Hashable, Sendable {
        /// Start the call; `endOfInput` when the HEADERS carried END_STREAM (no request messages follow).
        case startCall(endOfInput: Bool)
        /// The peer broke the protocol: GOAWAY with the code and reason, then close the connection.
        case protocolViolation(GoAwayCode, String)
        /// The stream is poisoned (the connection is already going away): ignore it.
        case drop
    }

    /// What to do with a received MESSAGE frame.
    package enum OnReceiveMessage: Hashable, Sendable {
        /// Decode (inflating when `compressed`) and deliver the message; `endOfInput` when it carried END_STREAM.
        case deliver(compressed: Bool, endOfInput: Bool)
        /// The client half-closed with the empty COMPRESSED | END_STREAM marker (D37): nothing to deliver.
        case endOfInput
        /// The call failed: write TRAILERS with this status now and cancel the call's work.
        case failCall(Status)
        /// The peer broke the protocol: GOAWAY with the code and reason, then close the connection.
        case protocolViolation(GoAwayCode, String)
        /// The frame raced with our own close of the call: ignore it.
        case drop
    }

    /// What to do with a received CANCEL frame.
    package enum OnReceiveCancel: Hashable, Sendable {
        /// The client aborted the call: stop its work and discard anything queued; send nothing back.
        case cancelWork
        /// The peer broke the protocol: GOAWAY with the code and reason, then close the connection.
        case protocolViolation(GoAwayCode, String)
        /// The CANCEL raced with our own close of the call: ignore it.
        case drop
    }

    /// What to do with a received WINDOW_UPDATE frame for the stream.
    package enum OnReceiveWindowUpdate: Hashable, Sendable {
        /// Credit released queued output: write it (the call is over if it includes trailers).
        case flush(Flush)
        /// The credit was recorded; nothing is waiting for it.
        case none
        /// The peer broke the protocol: GOAWAY with the code and reason, then close the connection.
        case protocolViolation(GoAwayCode, String)
        /// The update raced with our own close of the call: ignore it.
        case drop
    }

    /// What to do after the application consumed a received message.
    package enum OnMessageConsumed: Hashable, Sendable {
        /// Send a WINDOW_UPDATE with this increment on the stream.
        case sendWindowUpdate(UInt32)
        /// Nothing to send yet.
        case none
    }

    /// What to do with the response HEADERS the application wants to send.
    package enum OnSendHeaders: Hashable, Sendable {
        /// Write the HEADERS frame.
        case send
        /// The call is already over (cancelled, failed or past its deadline): discard them.
        case drop
    }

    /// What to do with a message the application wants to send.
    package enum OnSendMessage: Hashable, Sendable {
        /// Write it now; its size has been charged to the send window.
        case send(OutboundMessage)
        /// It is queued until the client grants credit; a later ``OnReceiveWindowUpdate/flush(_:)`` releases it.
        case wait
        /// The call is already over (cancelled, failed or past its deadline): discard it.
        case drop
    }

    /// What to do with the trailers the application wants to end the call with.
    package enum OnSendTrailers: Hashable, Sendable {
        /// Write the TRAILERS frame now; the call is over.
        case send(Status)
        /// Messages are waiting for credit: the trailers wait behind them and leave with the last one.
        case wait
        /// The call is already over (cancelled, failed or past its deadline): discard them.
        case drop
    }

    /// What to do when the call fails on our side (deadline, or an error found above the state machine).
    package enum OnCallFailure: Hashable, Sendable {
        /// Write TRAILERS with this status now (queued messages are discarded) and cancel the call's work.
        case failCall(Status)
        /// The call is already over: nothing to do.
        case drop
    }

    /// What to do when the application cancels the call.
    package enum OnApplicationCancel: Hashable, Sendable {
        /// Write a CANCEL frame; queued messages are discarded and the call is over.
        case sendCancel
        /// The call is already over: nothing to do.
        case drop
    }

    /// An event the application or handler must never produce in the machine's state (a bug in the caller,
    /// not in the peer), such as a second response HEADERS or a message after its own trailers.
    package typealias UnreachableTransition = UnreachableStateTransition<Phase>
}
