"""Warren's Python client: the wire protocol of PROTOCOL.md over one TCP connection, every RPC generated
from the schema, typed errors. Start with :class:`Client`; messages live in :mod:`warren_client.messages`."""

from warren_client import messages
from warren_client._wire.settings import ConnectionOptions
from warren_client.calls import ResponseStream, StreamingCall
from warren_client.client import Client, ServiceStub
from warren_client.errors import *  # noqa: F401,F403 - StatusCode, WarrenError and one class per code
from warren_client.errors import __all__ as _error_names

__version__ = "0.1.0"
__all__ = ["Client", "ConnectionOptions", "ServiceStub", "ResponseStream", "StreamingCall", "messages", *_error_names]
