"""The synchronous Warren client: one connection, every RPC of every service."""

from __future__ import annotations

import threading
import time
from typing import Any, Dict, Mapping, Optional, Union

from google.protobuf.message import Message

from warren_client import calls
from warren_client._wire.connection import Connection, ConnectionOptions
from warren_client.errors import UnavailableError
from warren_client.services import SERVICES, MethodInfo, ServiceInfo
from warren_client.services import method as find_method

#: The attribute of :class:`Client` for each service, as the Swift client names them.
SERVICE_ATTRIBUTES = {
    "RuntimeControlPlane": "control_plane",
    "SessionServiceRuntimeExt": "sessions",
    "RuntimeSessionAdapter": "adapter",
    "RuntimeEvents": "events",
    "Executor": "executor",
    "Comms": "comms",
    "Health": "health",
}

DEFAULT_ADDRESS = "127.0.0.1:7433"


def parse_address(address: str):
    """``"host:port"`` (``"[::1]:7433"`` for IPv6) → (host, port)."""
    host, sep, port = address.rpartition(":")
    if not sep or not port.isdigit():
        raise ValueError(f"address {address!r} is not host:port")
    return host.strip("[]") or "127.0.0.1", int(port)


class Client:
    """A client of one ``warrend``: every call multiplexed over one connection, made on first use.

    Each service is an attribute with one method per RPC, named in snake_case::

        with Client("127.0.0.1:7433", token="secret") as client:
            client.adapter.register_session(session_id=session)
            outcome = client.sessions.accept_input(session_id=session, input=pb.Input(...)).outcome
            for item in client.events.subscribe(beginning=pb.SubscribeFromBeginning()):
                ...

    A method takes the request message, or its fields as keyword arguments, plus ``timeout`` (seconds;
    the server enforces it too) and ``metadata``. Unary methods return the response; server-streaming
    methods return a :class:`~warren_client.calls.ResponseStream` to iterate; bidirectional methods a
    :class:`~warren_client.calls.StreamingCall`. A failed call raises a
    :class:`~warren_client.errors.WarrenError` subclass. The client is safe to share between threads;
    when the connection breaks or the server sends GOAWAY, the next call connects again.
    """

    def __init__(
        self,
        address: str = DEFAULT_ADDRESS,
        *,
        token: Optional[str] = None,
        timeout: Optional[float] = None,
        compression: bool = False,
        options: Optional[ConnectionOptions] = None,
        ssl_context=None,
    ) -> None:
        """``token`` is sent as ``authorization: Bearer <token>``; ``timeout`` is the default deadline of
        every call (None: none); ``compression`` asks for deflate when the server offers it."""
        self.host, self.port = parse_address(address)
        self.token = token
        self.timeout = timeout
        self.compression = compression
        self.options = options or ConnectionOptions()
        self._ssl_context = ssl_context
        self._lock = threading.Lock()
        self._connection: Optional[Connection] = None
        self._closed = False
        self.services: Dict[str, ServiceStub] = {}
        for info in SERVICES.values():
            stub = ServiceStub(self, info)
            self.services[info.name] = stub
            setattr(self, SERVICE_ATTRIBUTES.get(info.name, info.name), stub)

    # Declared for readers and type checkers; set in __init__ from the schema.
    control_plane: "ServiceStub"
    sessions: "ServiceStub"
    adapter: "ServiceStub"
    events: "ServiceStub"
    executor: "ServiceStub"
    comms: "ServiceStub"
    health: "ServiceStub"

    @classmethod
    def from_token_file(cls, address: str, token_file: str, **kwargs: Any) -> "Client":
        """A client whose token is the content of ``token_file`` (surrounding whitespace removed)."""
        with open(token_file, encoding="utf-8") as handle:
            return cls(address, token=handle.read().strip(), **kwargs)

    @property
    def server_settings(self):
        """The SETTINGS of the current connection (connecting if needed)."""
        return self._connected().settings

    def call(
        self,
        rpc: Union[str, MethodInfo],
        request: Optional[Message] = None,
        *,
        timeout: Optional[float] = None,
        metadata: Optional[Mapping[str, str]] = None,
        **fields: Any,
    ):
        """Calls ``rpc`` (``"Service/Method"`` or a :class:`MethodInfo`) by its shape; see the class doc."""
        info = find_method(rpc) if isinstance(rpc, str) else rpc
        if request is None and not info.client_streaming:
            request = info.request_class(**fields)
        elif fields:
            raise TypeError(f"{info.path}: pass the request message or its fields, not both")
        if request is not None and not isinstance(request, info.request_class):
            raise TypeError(f"{info.path} takes {info.request_class.__name__}, not {type(request).__name__}")
        connection, stream, deadline = self._open(info.path, timeout, metadata)
        if info.client_streaming:
            call = calls.StreamingCall(connection, stream, info, deadline)
            if request is not None:
                call.send(request)
            return call
        if info.server_streaming:
            connection.send_message(stream, request.SerializeToString(), True, deadline)
            return calls.ResponseStream(connection, stream, info, deadline)
        return calls.unary(connection, stream, info, request, deadline)

    def call_raw(
        self,
        path: str,
        payload: bytes = b"",
        *,
        timeout: Optional[float] = None,
        metadata: Optional[Mapping[str, str]] = None,
    ) -> list:
        """Calls any method path with raw request bytes; returns the raw response messages (or raises).

        For methods this client's schema does not know (a newer server, or a test of UNIMPLEMENTED).
        """
        connection, stream, deadline = self._open(path, timeout, metadata)
        connection.send_message(stream, payload, True, deadline)
        responses = []
        while (data := connection.receive(stream, deadline)) is not None:
            responses.append(data)
        return responses

    def _open(self, path: str, timeout: Optional[float], metadata: Optional[Mapping[str, str]]):
        timeout = self.timeout if timeout is None else timeout
        headers: Dict[str, str] = {}
        if self.token is not None:
            headers["authorization"] = f"Bearer {self.token}"
        headers.update({key.lower(): value for key, value in (metadata or {}).items()})
        deadline = None if timeout is None else time.monotonic() + timeout
        timeout_ms = 0 if timeout is None else max(1, int(timeout * 1000))
        connection = self._connected()
        stream = connection.open_stream(path, timeout_ms, headers, self.compression, deadline)
        return connection, stream, deadline

    def _connected(self) -> Connection:
        with self._lock:
            if self._closed:
                raise UnavailableError("the client is closed")
            if self._connection is None or not self._connection.usable:
                self._connection = Connection(self.host, self.port, self.options, self._ssl_context)
            return self._connection

    def close(self) -> None:
        """Closes the connection; calls still running end with CANCELLED. The client cannot be reused."""
        with self._lock:
            self._closed = True
            connection, self._connection = self._connection, None
        if connection is not None:
            connection.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


class ServiceStub:
    """One service of a :class:`Client`: an attribute per RPC, e.g. ``client.adapter.await_completion``."""

    def __init__(self, client: Client, info: ServiceInfo) -> None:
        self.info = info
        for method_info in info.methods:
            setattr(self, method_info.python_name, _bind(client, method_info))

    def __repr__(self) -> str:
        names = ", ".join(m.python_name for m in self.info.methods)
        return f"<{self.info.full_name}: {names}>"


def _bind(client: Client, info: MethodInfo):
    def invoke(request: Optional[Message] = None, *, timeout=None, metadata=None, **fields):
        return client.call(info, request, timeout=timeout, metadata=metadata, **fields)

    invoke.__name__ = info.python_name
    invoke.__qualname__ = f"{info.service}.{info.python_name}"
    invoke.__doc__ = (
        f"{info.service}.{info.name} ({info.shape.replace('_', '-')}): "
        f"{info.request_class.__name__} → {info.response_class.__name__}."
    )
    return invoke
