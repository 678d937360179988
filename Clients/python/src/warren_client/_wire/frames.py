"""Frame layout, types, flags and limits of PROTOCOL.md "Framing": every integer big-endian."""

from __future__ import annotations

import enum
import struct
from dataclasses import dataclass

#: The version 1 preface: magic ``WRN\\0``, protocol version 1 (u16), two reserved zero bytes.
PREFACE = b"WRN\x00\x00\x01\x00\x00"
PROTOCOL_VERSION = 1

HEADER_SIZE = 10
_HEADER = struct.Struct(">IBBI")
_WINDOW_INCREMENT = struct.Struct(">I")

#: What each side assumes until the peer's SETTINGS say otherwise (PROTOCOL.md "Connection start").
DEFAULT_MAX_FRAME_SIZE = 16_384
DEFAULT_WINDOW = 65_535
MAX_WINDOW = 0x7FFF_FFFF


class FrameType(enum.IntEnum):
    """The type byte."""

    SETTINGS = 0
    HEADERS = 1
    MESSAGE = 2
    TRAILERS = 3
    CANCEL = 4
    WINDOW_UPDATE = 5
    PING = 6
    GOAWAY = 7


class Flags(enum.IntFlag):
    """Flag bits; END_STREAM and ACK share bit 0x01 and the frame type says which it is."""

    NONE = 0
    END_STREAM = 0x01
    ACK = 0x01
    COMPRESSED = 0x02


@dataclass(frozen=True)
class FrameHeader:
    """The 10-byte header: payload length, type (an int: unknown types are kept), flags and stream id."""

    length: int
    type: int
    flags: int
    stream_id: int

    @classmethod
    def parse(cls, data: bytes) -> "FrameHeader":
        """Reads a header from exactly ``HEADER_SIZE`` bytes."""
        length, frame_type, flags, stream_id = _HEADER.unpack(data)
        return cls(length, frame_type, flags, stream_id)


def encode_frame(frame_type: FrameType, stream_id: int, payload: bytes = b"", flags: int = 0) -> bytes:
    """One frame: header and payload."""
    return _HEADER.pack(len(payload), int(frame_type), int(flags), stream_id) + payload


def encode_window_update(stream_id: int, increment: int) -> bytes:
    """A WINDOW_UPDATE granting ``increment`` bytes (1 to 2^31-1) to a call, or to the connection on stream 0."""
    if not 1 <= increment <= MAX_WINDOW:
        raise ValueError(f"window increment {increment} is outside 1...{MAX_WINDOW}")
    return encode_frame(FrameType.WINDOW_UPDATE, stream_id, _WINDOW_INCREMENT.pack(increment))


def decode_window_increment(payload: bytes) -> int:
    """The increment of a WINDOW_UPDATE payload (4 bytes)."""
    (increment,) = _WINDOW_INCREMENT.unpack(payload)
    return increment
