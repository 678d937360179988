"""Every golden encoding in Proto/testdata decodes with the generated modules, re-encodes byte for byte
(deterministic serialization writes fields in number order and maps by key) and matches its JSON twin."""

import json
import pathlib

import pytest
from google.protobuf import json_format

from warren_client import messages

TESTDATA = pathlib.Path(__file__).resolve().parents[3] / "Proto" / "testdata"
GOLDEN = sorted(TESTDATA.glob("*.bin"))


def message_name(path: pathlib.Path) -> str:
    """warren.v1.Input@prompt.bin → warren.v1.Input."""
    return path.stem.split("@")[0]


def test_there_are_golden_files():
    assert len(GOLDEN) > 100, f"no golden encodings under {TESTDATA}"


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem)
def test_golden_round_trip(path: pathlib.Path):
    data = path.read_bytes()
    message = messages.new(message_name(path))
    message.ParseFromString(data)
    assert message.SerializeToString(deterministic=True) == data
    twin = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert json_format.MessageToDict(message, preserving_proto_field_name=True) == twin
    assert json_format.ParseDict(twin, messages.new(message_name(path))) == message
