"""What a connection announces and learns in SETTINGS (PROTOCOL.md "Connection start")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Tuple

from warren_client._proto.warren.v1 import rpc_pb2
from warren_client._wire import frames


@dataclass(frozen=True)
class ConnectionOptions:
    """What this side announces in its SETTINGS, and how long to wait for the server."""

    #: Bytes the server may send on one call before we return credit (``initial_stream_window``).
    stream_window: int = 1 << 20
    #: Bytes the server may send on all calls together before we return credit.
    connection_window: int = 4 << 20
    #: The largest frame payload we accept (``max_frame_size``; at least 16 384).
    max_frame_size: int = 4 << 20
    #: Seconds to wait for the TCP connection and the server's SETTINGS.
    connect_timeout: float = 10.0
    #: Extra seconds a call with a deadline waits past it for the server's DEADLINE_EXCEEDED (which carries
    #: an ErrorDetail) before failing the call on this side.
    deadline_grace: float = 0.25


@dataclass
class ServerSettings:
    """The server's SETTINGS, with the protocol's defaults for fields it did not announce (zero)."""

    max_frame_size: int = frames.DEFAULT_MAX_FRAME_SIZE
    max_concurrent_streams: int = 0
    initial_stream_window: int = frames.DEFAULT_WINDOW
    initial_connection_window: int = frames.DEFAULT_WINDOW
    max_message_size: int = 0
    server_version: str = ""
    supported_encodings: Tuple[str, ...] = ()

    @classmethod
    def from_proto(cls, settings: rpc_pb2.Settings) -> "ServerSettings":
        """Reads a decoded ``Settings``, keeping the defaults for zero fields."""
        result = cls()
        if settings.max_frame_size:
            result.max_frame_size = settings.max_frame_size
        result.max_concurrent_streams = settings.max_concurrent_streams
        if settings.initial_stream_window:
            result.initial_stream_window = settings.initial_stream_window
        if settings.initial_connection_window:
            result.initial_connection_window = settings.initial_connection_window
        result.max_message_size = settings.max_message_size
        result.server_version = settings.server_version
        result.supported_encodings = tuple(settings.supported_encodings)
        return result
