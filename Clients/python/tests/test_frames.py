"""The framing against PROTOCOL.md's worked examples, byte for byte (no server needed)."""

from warren_client._proto.warren.v1 import rpc_pb2
from warren_client._wire import frames
from warren_client._wire.frames import Flags, FrameHeader, FrameType


def hex_bytes(text: str) -> bytes:
    return bytes.fromhex(text.replace(" ", ""))


def test_preface_is_version_1():
    assert frames.PREFACE == hex_bytes("57 52 4E 00 00 01 00 00")


def test_ping_example():
    frame = frames.encode_frame(FrameType.PING, 0, bytes(range(1, 9)))
    assert frame == hex_bytes("00 00 00 08 06 00 00 00 00 00 01 02 03 04 05 06 07 08")


def test_window_update_example():
    assert frames.encode_window_update(1, 65_535) == hex_bytes("00 00 00 04 05 00 00 00 00 01 00 00 FF FF")


def test_headers_example_with_deadline():
    headers = rpc_pb2.CallHeaders(method="/warren.v1.Health/Check", timeout_ms=500)
    frame = frames.encode_frame(FrameType.HEADERS, 1, headers.SerializeToString(deterministic=True))
    assert frame == hex_bytes(
        "00 00 00 1C 01 00 00 00 00 01 0A 17 2F 77 61 72 72 65 6E 2E 76 31 2E 48 65 61 6C 74 68 2F 43 68 65 63 6B"
        " 10 F4 03"
    )


def test_unary_example_request_message():
    from warren_client import messages as pb

    request = pb.HealthCheckRequest(service="warren").SerializeToString()
    frame = frames.encode_frame(FrameType.MESSAGE, 1, request, Flags.END_STREAM)
    assert frame == hex_bytes("00 00 00 08 02 01 00 00 00 01 0A 06 77 61 72 72 65 6E")


def test_header_parse_keeps_unknown_types():
    header = FrameHeader.parse(hex_bytes("00 00 00 03 2A 07 00 00 00 05"))
    assert (header.length, header.type, header.flags, header.stream_id) == (3, 42, 7, 5)


def test_window_increment_range_is_checked():
    for bad in (0, 1 << 31):
        try:
            frames.encode_window_update(1, bad)
        except ValueError:
            continue
        raise AssertionError(f"increment {bad} was accepted")
