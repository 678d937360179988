"""Typed call failures: one exception class per status code, carrying the decoded ``ErrorDetail``.

Every failed call raises a subclass of :class:`WarrenError`. ``code`` is the :class:`StatusCode`,
``message`` the server's human-readable text, ``detail`` the typed ``warren.v1.ErrorDetail`` from the
TRAILERS (``None`` when the server sent none, or the failure happened on this side: a broken connection
is :class:`UnavailableError`, a deadline noticed here :class:`DeadlineExceededError`).
"""

from __future__ import annotations

import enum
from typing import Mapping, Optional

from warren_client._proto.warren.v1 import errors_pb2, rpc_pb2


class StatusCode(enum.IntEnum):
    """Call status codes, numbered as gRPC's (``warren.v1.StatusCode`` without its prefix)."""

    OK = 0
    CANCELLED = 1
    UNKNOWN = 2
    INVALID_ARGUMENT = 3
    DEADLINE_EXCEEDED = 4
    NOT_FOUND = 5
    ALREADY_EXISTS = 6
    PERMISSION_DENIED = 7
    RESOURCE_EXHAUSTED = 8
    FAILED_PRECONDITION = 9
    ABORTED = 10
    OUT_OF_RANGE = 11
    UNIMPLEMENTED = 12
    INTERNAL = 13
    UNAVAILABLE = 14
    DATA_LOSS = 15
    UNAUTHENTICATED = 16


class WarrenError(Exception):
    """A call that did not end with OK."""

    #: The status code every instance of this class carries (subclasses fix it).
    status_code: StatusCode = StatusCode.UNKNOWN

    def __init__(
        self,
        message: str,
        detail: Optional[errors_pb2.ErrorDetail] = None,
        metadata: Optional[Mapping[str, str]] = None,
        code: Optional[StatusCode] = None,
    ) -> None:
        self.code = StatusCode(code) if code is not None else self.status_code
        self.message = message
        self.detail = detail
        self.metadata = dict(metadata or {})
        super().__init__(f"{self.code.name}: {message}" if message else self.code.name)

    @property
    def kind(self) -> str:
        """The detail's ``ErrorKind`` name (``"ERROR_KIND_NOT_FOUND"``), or ``""`` without a detail."""
        if self.detail is None or self.detail.kind == 0:
            return ""
        return errors_pb2.ErrorKind.Name(self.detail.kind)


class CancelledError(WarrenError):
    """CANCELLED: the call was cancelled."""

    status_code = StatusCode.CANCELLED


class UnknownError(WarrenError):
    """UNKNOWN: the handler failed in a way the server could not classify."""

    status_code = StatusCode.UNKNOWN


class InvalidArgumentError(WarrenError):
    """INVALID_ARGUMENT: an undecodable or malformed request, or ValidationFailed."""

    status_code = StatusCode.INVALID_ARGUMENT


class DeadlineExceededError(WarrenError):
    """DEADLINE_EXCEEDED: the call's timeout passed (noticed by the server or by this client)."""

    status_code = StatusCode.DEADLINE_EXCEEDED


class NotFoundError(WarrenError):
    """NOT_FOUND: unknown runtime, session, input, operation or executor."""

    status_code = StatusCode.NOT_FOUND


class AlreadyExistsError(WarrenError):
    """ALREADY_EXISTS: an operation registered twice, a durable subscriber already streaming."""

    status_code = StatusCode.ALREADY_EXISTS


class PermissionDeniedError(WarrenError):
    """PERMISSION_DENIED."""

    status_code = StatusCode.PERMISSION_DENIED


class ResourceExhaustedError(WarrenError):
    """RESOURCE_EXHAUSTED: a message over the size limit, or a concurrency limit hit."""

    status_code = StatusCode.RESOURCE_EXHAUSTED


class FailedPreconditionError(WarrenError):
    """FAILED_PRECONDITION: NotReady, InvalidState, Destroyed, an illegal transition."""

    status_code = StatusCode.FAILED_PRECONDITION


class AbortedError(WarrenError):
    """ABORTED: e.g. a run failed under AcceptInputAndRun."""

    status_code = StatusCode.ABORTED


class OutOfRangeError(WarrenError):
    """OUT_OF_RANGE: e.g. a subscribe position beyond the log head."""

    status_code = StatusCode.OUT_OF_RANGE


class UnimplementedError(WarrenError):
    """UNIMPLEMENTED: an unknown method or an encoding the server does not offer."""

    status_code = StatusCode.UNIMPLEMENTED


class InternalError(WarrenError):
    """INTERNAL: an internal failure (or a peer that broke the protocol)."""

    status_code = StatusCode.INTERNAL


class UnavailableError(WarrenError):
    """UNAVAILABLE: connection refused or lost, stream refused, server draining, store unavailable."""

    status_code = StatusCode.UNAVAILABLE


class DataLossError(WarrenError):
    """DATA_LOSS."""

    status_code = StatusCode.DATA_LOSS


class UnauthenticatedError(WarrenError):
    """UNAUTHENTICATED: the bearer token is missing or wrong."""

    status_code = StatusCode.UNAUTHENTICATED


_BY_CODE = {cls.status_code: cls for cls in WarrenError.__subclasses__()}


def error_for(code: int, message: str, detail=None, metadata=None) -> WarrenError:
    """The exception for a status code (a code this client does not know becomes UNKNOWN, keeping its number)."""
    try:
        status = StatusCode(code)
    except ValueError:
        return UnknownError(f"status code {code}: {message}", detail, metadata)
    return _BY_CODE[status](message, detail, metadata)


def error_from_status(status: rpc_pb2.Status) -> WarrenError:
    """The exception for a non-OK TRAILERS ``Status``."""
    detail = status.details if status.HasField("details") else None
    return error_for(status.code, status.message, detail, status.metadata)


__all__ = ["StatusCode", "WarrenError", "error_for", "error_from_status"] + [
    cls.__name__ for cls in WarrenError.__subclasses__()
]
