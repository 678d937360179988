"""The call objects a :class:`~warren_client.Client` returns for streaming methods, and the unary call."""

from __future__ import annotations

from typing import Generic, Iterator, Optional, TypeVar

from google.protobuf.message import DecodeError, Message

from warren_client._proto.warren.v1 import rpc_pb2
from warren_client._wire.connection import Connection, Stream
from warren_client.errors import InternalError
from warren_client.services import MethodInfo

Response = TypeVar("Response", bound=Message)


class ResponseStream(Generic[Response]):
    """The responses of a server-streaming (or bidirectional) call, as an iterator.

    Iterating yields each response message; the iteration ends when the call ends with OK and raises the
    call's :class:`~warren_client.errors.WarrenError` otherwise. :meth:`close` (or leaving a ``with`` block)
    cancels a call that has not ended: the client sends CANCEL and the server stops its work — the way to
    stop following an endless stream such as ``RuntimeEvents.Subscribe``. A stream dropped without being
    read to its end is cancelled the same way when it is garbage-collected.
    """

    def __init__(self, connection: Connection, stream: Stream, method: MethodInfo, deadline: Optional[float]):
        self._connection = connection
        self._stream = stream
        self._method = method
        self._deadline = deadline

    @property
    def method(self) -> MethodInfo:
        """The method called."""
        return self._method

    @property
    def response_headers(self) -> Optional[rpc_pb2.ResponseHeaders]:
        """The server's response HEADERS, once they arrived (a call that fails early has none)."""
        return self._stream.response_headers

    @property
    def trailers(self) -> Optional[rpc_pb2.Status]:
        """The TRAILERS ``Status`` once the server ended the call (None before, or when it ended otherwise)."""
        return self._stream.trailers

    @property
    def done(self) -> bool:
        """Whether the call is over (ended by the server, cancelled, failed or timed out)."""
        return self._stream.finished

    def __iter__(self) -> Iterator[Response]:
        return self

    def __next__(self) -> Response:
        data = self._connection.receive(self._stream, self._deadline)
        if data is None:
            raise StopIteration
        try:
            return self._method.response_class.FromString(data)
        except DecodeError as error:
            failure = InternalError(f"{self._method.path}: the server sent an undecodable response: {error}")
            self._connection.cancel(self._stream, failure)
            raise failure from error

    def close(self) -> None:
        """Cancels the call unless it is over (sends CANCEL; iterating afterwards raises CancelledError)."""
        self._connection.cancel(self._stream)

    cancel = close

    def __enter__(self) -> "ResponseStream[Response]":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __del__(self) -> None:
        # A finalizer may run on any thread, even one holding the connection's lock: hand the call over
        # to be cancelled later instead of cancelling here.
        connection = getattr(self, "_connection", None)
        if connection is not None:
            connection.abandon(self._stream)


class StreamingCall(ResponseStream[Response]):
    """A call whose request side is a stream too (bidirectional: ``Executor.Attach``, ``AcceptInputAndRun``).

    :meth:`send` writes one request (waiting for flow-control credit), :meth:`done_sending` ends the
    request side; the responses are read by iterating, as with :class:`ResponseStream`.
    """

    def send(self, request: Message) -> None:
        """Sends one request message; a no-op once the call is over (iterating then says how it ended)."""
        if not isinstance(request, self._method.request_class):
            expected = self._method.request_class.__name__
            raise TypeError(f"{self._method.path} takes {expected}, not {type(request).__name__}")
        self._connection.send_message(self._stream, request.SerializeToString(), False, self._deadline)

    def done_sending(self) -> None:
        """Ends the request side (the server sees the end of its request stream)."""
        self._connection.end_request(self._stream)

    def response(self) -> Response:
        """The single response of a client-streaming call (call after :meth:`done_sending`)."""
        result = next(self, None)
        if result is None:
            raise InternalError(f"{self._method.path}: the call ended without a response")
        for _extra in self:
            raise InternalError(f"{self._method.path}: the server sent more than one response")
        return result


def unary(connection: Connection, stream: Stream, method: MethodInfo, request: Message, deadline) -> Message:
    """Sends the request of a unary call and returns its one response, or raises how the call ended."""
    connection.send_message(stream, request.SerializeToString(), True, deadline)
    responses = ResponseStream(connection, stream, method, deadline)
    try:
        response = next(responses, None)
        if response is None:
            raise InternalError(f"{method.path}: the call ended with OK but without a response")
        if next(responses, None) is not None:
            raise InternalError(f"{method.path}: the server sent more than one response to a unary call")
        return response
    finally:
        responses.close()
