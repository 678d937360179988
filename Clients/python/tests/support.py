"""Helpers shared by the tests: a warrend subprocess and small builders."""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import tempfile
import uuid

import pytest

from warren_client import Client
from warren_client import messages as pb

REPO = pathlib.Path(__file__).resolve().parents[3]


def warrend_binary() -> str:
    """The warrend executable to start, or a skip when there is none."""
    candidates = [os.environ.get("WARREND"), str(REPO / ".build" / "debug" / "warrend"), shutil.which("warrend")]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    pytest.fail("no warrend: set WARREND or WARREN_ADDRESS, or run `swift build --product warrend`")


class Warrend:
    """A warrend subprocess on a free port: ``--address 127.0.0.1:0``, the port read from its first line."""

    def __init__(self, token: str | None = None) -> None:
        self.token = token
        self._dir = tempfile.TemporaryDirectory(prefix="warren-pytest-")
        arguments = [warrend_binary(), "--memory", "--address", "127.0.0.1:0", "--log-level", "warning"]
        if token is not None:
            token_file = pathlib.Path(self._dir.name) / "token"
            token_file.write_text(token + "\n", encoding="utf-8")
            arguments += ["--token-file", str(token_file)]
        self.process = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.process.stdout.readline().strip()
        prefix = "warrend listening on "
        if not line.startswith(prefix):
            self.stop()
            raise RuntimeError(f"warrend did not start: first line {line!r}")
        self.address = line[len(prefix):]

    def stop(self) -> None:
        """SIGTERM, then wait for a clean exit."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process.stdout.close()
        self._dir.cleanup()


def new_session_id() -> str:
    """A fresh session id (sessions are named by UUIDs)."""
    return str(uuid.uuid4())


def prompt(text: str, idempotency_key: str = "") -> pb.Input:
    """A prompt input; the server fills in its header."""
    return pb.Input(prompt=pb.PromptInput(header=pb.InputHeader(idempotency_key=idempotency_key), text=text))


def echo_session(client: Client) -> str:
    """A registered session bound to the built-in echo executor."""
    session = new_session_id()
    client.adapter.register_session(session_id=session)
    client.adapter.ensure_session_with_executor(
        session_id=session, executor=pb.ExecutorRef(builtin=pb.BuiltinExecutor(kind=pb.BUILTIN_EXECUTOR_KIND_ECHO))
    )
    return session
