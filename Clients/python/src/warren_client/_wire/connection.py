"""One client connection: preface and SETTINGS, then many concurrent calls over one TCP stream.

Threads: the caller's threads open calls, send and receive; one **reader** thread reads every frame and
hands each to its call (or answers it: PING, SETTINGS); one **writer** thread writes queued frames in
order, so the reader never blocks on a write. All call state is guarded by one lock (``self._lock``);
each call waits on its own condition of that lock.

Flow control (PROTOCOL.md "Flow control"): a request MESSAGE goes out only while both the call's and the
connection's send windows are positive (a whole message may overdraw them; an empty one needs no credit),
and WINDOW_UPDATE frames from the server add credit. In the other direction the call's credit is returned
only as the application takes messages (one WINDOW_UPDATE per half window), so a subscriber that stops
reading stops its stream after one window; the connection's credit is returned as messages arrive, so one
unread stream never stalls the others (each call's window already bounds what it buffers).
"""

from __future__ import annotations

import collections
import socket
import threading
import time
import zlib
from typing import Deque, Dict, Mapping, Optional, Tuple

from warren_client._proto.warren.v1 import rpc_pb2
from warren_client._wire import frames
from warren_client._wire.frames import Flags, FrameHeader, FrameType
from warren_client._wire.settings import ConnectionOptions, ServerSettings
from warren_client._wire.stream import Stream
from warren_client.errors import (
    CancelledError,
    DeadlineExceededError,
    InternalError,
    ResourceExhaustedError,
    UnavailableError,
    WarrenError,
    error_from_status,
)

DEFLATE = "deflate"


class Connection:
    """A connected, handshaken connection; calls are opened with :meth:`open_stream`."""

    def __init__(self, host: str, port: int, options: Optional[ConnectionOptions] = None, ssl_context=None):
        self.options = options = options or ConnectionOptions()
        self.address = f"{host}:{port}"
        self._lock = threading.Lock()
        self._slots = threading.Condition(self._lock)
        self._out = threading.Condition(threading.Lock())
        self._outbox: list = []
        self._streams: Dict[int, Stream] = {}
        self._next_stream_id = 1
        self._failure: Optional[WarrenError] = None
        self._going_away = False
        self._recv_pending = 0
        # Calls whose response iterator was garbage-collected unfinished: cancelled by the next thread that
        # runs outside the locks (a finalizer may run anywhere, even where a lock is held, so it only appends).
        self._abandoned: Deque[Stream] = collections.deque()
        try:
            sock = socket.create_connection((host, port), timeout=options.connect_timeout)
        except OSError as error:
            raise UnavailableError(f"cannot connect to {self.address}: {error}") from error
        if ssl_context is not None:
            sock = ssl_context.wrap_socket(sock, server_hostname=host)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._sock = sock
        self._reader = sock.makefile("rb")
        try:
            self.settings = self._handshake()
        except BaseException:
            self._close_socket()
            self._reader.close()
            raise
        sock.settimeout(None)
        self._conn_send_window = self.settings.initial_connection_window
        threading.Thread(target=self._read_loop, name=f"warren-reader {self.address}", daemon=True).start()
        threading.Thread(target=self._write_loop, name=f"warren-writer {self.address}", daemon=True).start()

    # ---- connection start -------------------------------------------------------------------------

    def _handshake(self) -> ServerSettings:
        ours = rpc_pb2.Settings(
            max_frame_size=self.options.max_frame_size,
            initial_stream_window=self.options.stream_window,
            initial_connection_window=self.options.connection_window,
            protocol_version=frames.PROTOCOL_VERSION,
        )
        self._sock.sendall(frames.PREFACE + frames.encode_frame(FrameType.SETTINGS, 0, ours.SerializeToString()))
        try:
            header, payload = self._read_frame()
        except OSError as error:
            raise UnavailableError(f"{self.address} did not answer the preface: {error}") from error
        if header is None:
            raise UnavailableError(f"{self.address} closed the connection before its SETTINGS")
        if header.type == FrameType.GOAWAY:
            goaway = rpc_pb2.GoAway.FromString(payload)
            raise UnavailableError(f"{self.address} refused the connection: {goaway.message or 'GOAWAY'}")
        if header.type != FrameType.SETTINGS or header.flags & Flags.ACK:
            raise InternalError(f"{self.address} sent frame type {header.type} before its SETTINGS")
        settings = ServerSettings.from_proto(rpc_pb2.Settings.FromString(payload))
        self._sock.sendall(frames.encode_frame(FrameType.SETTINGS, 0, flags=Flags.ACK))
        return settings

    # ---- reading ----------------------------------------------------------------------------------

    def _read_frame(self) -> Tuple[Optional[FrameHeader], bytes]:
        """The next frame, or (None, b"") at end of stream; checks the length before reading the payload."""
        raw = self._reader.read(frames.HEADER_SIZE)
        if len(raw) < frames.HEADER_SIZE:
            return None, b""
        header = FrameHeader.parse(raw)
        if header.length > self.options.max_frame_size:
            raise InternalError(f"frame of {header.length} bytes exceeds our max frame size")
        payload = self._reader.read(header.length) if header.length else b""
        if len(payload) < header.length:
            return None, b""
        return header, payload

    def _read_loop(self) -> None:
        try:
            while True:
                header, payload = self._read_frame()
                if header is None:
                    self._fail_connection(UnavailableError(f"{self.address} closed the connection"))
                    return
                self._dispatch(header, payload)
                self._cancel_abandoned()
        except WarrenError as error:
            self._fail_connection(error)
        except Exception as error:  # a socket error, or a payload that does not decode
            self._fail_connection(UnavailableError(f"connection to {self.address} failed: {error}"))
        finally:
            self._reader.close()

    def _dispatch(self, header: FrameHeader, payload: bytes) -> None:
        kind = header.type
        if kind == FrameType.SETTINGS:
            if not header.flags & Flags.ACK:
                self._apply_settings(rpc_pb2.Settings.FromString(payload))
                self._enqueue(frames.encode_frame(FrameType.SETTINGS, 0, flags=Flags.ACK))
        elif kind == FrameType.PING:
            if not header.flags & Flags.ACK:
                self._enqueue(frames.encode_frame(FrameType.PING, 0, payload, Flags.ACK))
        elif kind == FrameType.GOAWAY:
            self._receive_goaway(rpc_pb2.GoAway.FromString(payload))
        elif kind == FrameType.WINDOW_UPDATE:
            self._receive_window_update(header.stream_id, frames.decode_window_increment(payload))
        elif kind == FrameType.HEADERS:
            self._receive_headers(header.stream_id, rpc_pb2.ResponseHeaders.FromString(payload))
        elif kind == FrameType.MESSAGE:
            self._receive_message(header, payload)
        elif kind == FrameType.TRAILERS:
            self._receive_trailers(header.stream_id, rpc_pb2.Status.FromString(payload))
        elif kind == FrameType.CANCEL:
            self._finish(header.stream_id, CancelledError("the server cancelled the call"))
        # Frames of unknown types are ignored (room for extensions).

    def _apply_settings(self, settings: rpc_pb2.Settings) -> None:
        with self._lock:
            old = self.settings
            new = ServerSettings.from_proto(settings)
            self._conn_send_window += new.initial_connection_window - old.initial_connection_window
            for stream in self._streams.values():
                stream.send_window += new.initial_stream_window - old.initial_stream_window
            self.settings = new
            self._notify_all_streams()

    def _receive_goaway(self, goaway: rpc_pb2.GoAway) -> None:
        reason = goaway.message or rpc_pb2.GoAwayCode.Name(goaway.code)
        with self._lock:
            self._going_away = True
            refused = [s for sid, s in self._streams.items() if sid > goaway.last_stream_id]
        for stream in refused:
            self._finish(stream.id, UnavailableError(f"the server is going away ({reason}); the call was not run"))

    def _receive_window_update(self, stream_id: int, increment: int) -> None:
        with self._lock:
            if stream_id == 0:
                self._conn_send_window += increment
                self._notify_all_streams()
            elif stream_id in self._streams:
                stream = self._streams[stream_id]
                stream.send_window += increment
                stream.cond.notify_all()

    def _receive_headers(self, stream_id: int, headers: rpc_pb2.ResponseHeaders) -> None:
        with self._lock:
            stream = self._streams.get(stream_id)
            if stream is not None:
                stream.response_headers = headers
                stream.cond.notify_all()

    def _receive_message(self, header: FrameHeader, payload: bytes) -> None:
        update = 0
        with self._lock:
            # The connection's credit is returned as bytes arrive (see the module's doc).
            self._recv_pending += header.length
            if self._recv_pending >= max(1, self.options.connection_window // 2):
                update, self._recv_pending = self._recv_pending, 0
            stream = self._streams.get(header.stream_id)
        if update:
            self._enqueue(frames.encode_window_update(0, update))
        if stream is None:
            return  # a message racing with our CANCEL or our deadline
        if header.flags & Flags.COMPRESSED:
            if not payload:
                return  # the half-close marker (D37); the server never sends it
            try:
                message = self._inflate(payload)
            except WarrenError as error:
                self.cancel(stream, error)
                return
        else:
            message = payload
        with self._lock:
            if not stream.finished:
                stream.inbox.append((message, header.length))
                stream.cond.notify_all()

    def _inflate(self, payload: bytes) -> bytes:
        limit = self.settings.max_message_size or (4 << 20)
        inflater = zlib.decompressobj()
        try:
            message = inflater.decompress(payload, limit + 1)
        except zlib.error as error:
            raise InternalError(f"the server sent a compressed message that does not inflate: {error}") from error
        if len(message) > limit or inflater.unconsumed_tail:
            raise ResourceExhaustedError(f"a response message inflates beyond {limit} bytes")
        return message

    def _receive_trailers(self, stream_id: int, status: rpc_pb2.Status) -> None:
        with self._lock:
            stream = self._streams.get(stream_id)
            if stream is not None:
                stream.trailers = status
        self._finish(stream_id, None if status.code == 0 else error_from_status(status))

    # ---- writing ----------------------------------------------------------------------------------

    def _enqueue(self, data: bytes) -> None:
        with self._out:
            self._outbox.append(data)
            self._out.notify()

    def _write_loop(self) -> None:
        while True:
            with self._out:
                while not self._outbox and self._failure is None:
                    self._out.wait()
                if not self._outbox:
                    return
                data = b"".join(self._outbox)
                self._outbox.clear()
            try:
                self._sock.sendall(data)
            except OSError as error:
                self._fail_connection(UnavailableError(f"cannot write to {self.address}: {error}"))
                return

    # ---- calls --------------------------------------------------------------------------------------

    @property
    def usable(self) -> bool:
        """Whether new calls may start here (not failed, closed or going away)."""
        with self._lock:
            return self._failure is None and not self._going_away

    def open_stream(
        self,
        method: str,
        timeout_ms: int,
        metadata: Mapping[str, str],
        deflate: bool,
        deadline: Optional[float],
    ) -> Stream:
        """Opens a call: waits for a free stream slot (the server's max_concurrent_streams), sends HEADERS."""
        self._cancel_abandoned()
        deflate = deflate and DEFLATE in self.settings.supported_encodings
        headers = rpc_pb2.CallHeaders(method=method, timeout_ms=timeout_ms, metadata=dict(metadata))
        if deflate:
            headers.message_encoding = DEFLATE
        payload = headers.SerializeToString(deterministic=True)
        with self._lock:
            while True:
                if self._failure is not None:
                    raise self._failure
                if self._going_away:
                    raise UnavailableError(f"{self.address} is going away")
                limit = self.settings.max_concurrent_streams
                if not limit or len(self._streams) < limit:
                    break
                if not self._slots.wait(self._remaining(deadline)):
                    raise DeadlineExceededError("deadline exceeded waiting for a free stream")
            if self._next_stream_id > 0xFFFF_FFFF:
                self._going_away = True
                raise UnavailableError("stream ids exhausted on this connection; reconnect")
            stream = Stream(
                id=self._next_stream_id,
                method=method,
                deflate=deflate,
                cond=threading.Condition(self._lock),
                send_window=self.settings.initial_stream_window,
            )
            self._next_stream_id += 2
            self._streams[stream.id] = stream
            # Enqueued under the lock, so HEADERS leave in stream-id order.
            self._enqueue(frames.encode_frame(FrameType.HEADERS, stream.id, payload))
        return stream

    def send_message(self, stream: Stream, message: bytes, end_stream: bool, deadline: Optional[float]) -> None:
        """Sends one request message once both windows have credit; returns quietly if the call has ended."""
        flags = Flags.END_STREAM if end_stream else Flags.NONE
        if stream.deflate:
            message = zlib.compress(message)
            flags |= Flags.COMPRESSED
        if len(message) > self.settings.max_frame_size:
            error = ResourceExhaustedError(
                f"a request message of {len(message)} bytes exceeds the server's max frame size "
                f"{self.settings.max_frame_size}"
            )
            self.cancel(stream, error)
            raise error
        with self._lock:
            if stream.request_ended:
                raise ValueError("the request side of this call is already closed")
            while message and not stream.finished and (stream.send_window <= 0 or self._conn_send_window <= 0):
                if not stream.cond.wait(self._remaining(deadline)):
                    break
            if stream.finished:
                return  # the call is over; receiving reports how
            if message and (stream.send_window <= 0 or self._conn_send_window <= 0):
                self._finish_locked(stream, DeadlineExceededError("deadline exceeded waiting for flow-control credit"))
                self._enqueue(frames.encode_frame(FrameType.CANCEL, stream.id))
                return
            stream.send_window -= len(message)
            self._conn_send_window -= len(message)
            stream.request_ended = end_stream
            self._enqueue(frames.encode_frame(FrameType.MESSAGE, stream.id, message, flags))

    def end_request(self, stream: Stream) -> None:
        """Ends the request side without a message: an empty MESSAGE flagged COMPRESSED | END_STREAM (D37)."""
        with self._lock:
            if stream.request_ended or stream.finished:
                return
            stream.request_ended = True
            self._enqueue(frames.encode_frame(FrameType.MESSAGE, stream.id, b"", Flags.COMPRESSED | Flags.END_STREAM))

    def receive(self, stream: Stream, deadline: Optional[float]) -> Optional[bytes]:
        """The next response message; None once the call ended with OK; raises the error it ended with."""
        update = 0
        with self._lock:
            while not stream.inbox and not stream.finished:
                if not stream.cond.wait(self._remaining(deadline)):
                    break
            if stream.inbox:
                message, size = stream.inbox.popleft()
                if not stream.finished:
                    stream.pending_release += size
                    if stream.pending_release >= max(1, self.options.stream_window // 2):
                        update, stream.pending_release = stream.pending_release, 0
            elif not stream.finished:
                self._finish_locked(stream, DeadlineExceededError("deadline exceeded"))
                self._enqueue(frames.encode_frame(FrameType.CANCEL, stream.id))
                message = None
            else:
                message = None
            error = stream.error
        if update:
            self._enqueue(frames.encode_window_update(stream.id, update))
        if message is not None:
            return message
        if error is not None:
            raise error
        return None

    def abandon(self, stream: Stream) -> None:
        """Cancels ``stream`` soon, from another thread: safe in a finalizer (takes no lock)."""
        if not stream.finished:
            self._abandoned.append(stream)

    def _cancel_abandoned(self) -> None:
        while self._abandoned:
            self.cancel(self._abandoned.popleft())

    def cancel(self, stream: Stream, error: Optional[WarrenError] = None) -> None:
        """Aborts the call: sends CANCEL (unless it already ended) and ends it here with ``error`` (CANCELLED)."""
        with self._lock:
            if stream.finished:
                return
            self._finish_locked(stream, error or CancelledError("the call was cancelled by the client"))
            if self._failure is None:
                self._enqueue(frames.encode_frame(FrameType.CANCEL, stream.id))

    def _finish(self, stream_id: int, error: Optional[WarrenError]) -> None:
        with self._lock:
            stream = self._streams.get(stream_id)
            if stream is not None:
                self._finish_locked(stream, error)

    def _finish_locked(self, stream: Stream, error: Optional[WarrenError]) -> None:
        stream.finished = True
        stream.error = error
        self._streams.pop(stream.id, None)
        stream.cond.notify_all()
        self._slots.notify()

    # ---- failure and close -----------------------------------------------------------------------------

    def _fail_connection(self, error: WarrenError) -> None:
        with self._lock:
            if self._failure is None:
                self._failure = error
            for stream in list(self._streams.values()):
                self._finish_locked(stream, error)
            self._slots.notify_all()
        with self._out:
            self._out.notify_all()
        self._close_socket()

    def close(self) -> None:
        """Closes the connection; calls still running end with CANCELLED."""
        self._fail_connection(CancelledError("the client closed the connection"))

    def _close_socket(self) -> None:
        try:
            self._sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._sock.close()

    def _notify_all_streams(self) -> None:
        for stream in self._streams.values():
            stream.cond.notify_all()

    def _remaining(self, deadline: Optional[float]) -> Optional[float]:
        if deadline is None:
            return None
        return max(0.0, deadline + self.options.deadline_grace - time.monotonic())
