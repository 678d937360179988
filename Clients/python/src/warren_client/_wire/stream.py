"""The per-call state a connection keeps; the call objects drive it through the connection."""

from __future__ import annotations

import collections
import threading
from dataclasses import dataclass, field
from typing import Deque, Optional, Tuple

from warren_client._proto.warren.v1 import rpc_pb2
from warren_client.errors import WarrenError


@dataclass(eq=False)
class Stream:
    """The state of one call on the connection; the public call objects drive it through the connection."""

    id: int
    method: str
    deflate: bool
    cond: threading.Condition
    send_window: int
    inbox: Deque[Tuple[bytes, int]] = field(default_factory=collections.deque)
    response_headers: Optional[rpc_pb2.ResponseHeaders] = None
    trailers: Optional[rpc_pb2.Status] = None
    #: Set once the call is over on our side: OK (None with ``finished``) or the error it ended with.
    error: Optional[WarrenError] = None
    finished: bool = False
    request_ended: bool = False
    pending_release: int = 0
