"""Fixtures: a live warrend over real TCP, and clients of it.

With WARREN_ADDRESS set (Clients/run-tests does), the tests use that server and its WARREN_TOKEN.
Otherwise they start their own `warrend --memory` from WARREND (a path), else from the repository's
.build/debug/warrend, else from PATH. Tests that need a token-protected server start one the same way
unless the shared server has a token.
"""

from __future__ import annotations

import os
import uuid

import pytest
from support import Warrend

from warren_client import Client


@pytest.fixture(scope="session")
def server():
    """(address, token) of the server the tests talk to."""
    if os.environ.get("WARREN_ADDRESS"):
        yield os.environ["WARREN_ADDRESS"], os.environ.get("WARREN_TOKEN") or None
        return
    process = Warrend()
    yield process.address, None
    process.stop()


@pytest.fixture(scope="session")
def token_server(server):
    """(address, token) of a server that requires a bearer token."""
    address, token = server
    if token is not None:
        yield address, token
        return
    process = Warrend(token=f"token-{uuid.uuid4()}")
    yield process.address, process.token
    process.stop()


@pytest.fixture
def client(server):
    """A client of the shared server, with a generous default deadline so nothing can hang."""
    address, token = server
    with Client(address, token=token, timeout=30) as made:
        yield made
