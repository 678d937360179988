"""The method table and the status codes come from the schema, completely."""

import pathlib
import re

from warren_client import Client, StatusCode, errors
from warren_client._proto.warren.v1 import rpc_pb2
from warren_client.services import SERVICES, snake_case

PROTO = pathlib.Path(__file__).resolve().parents[3] / "Proto" / "warren" / "v1"


def rpcs_in_proto_files():
    """(service, method, client streaming, server streaming) for every `rpc` line of the .proto files."""
    found = set()
    for path in PROTO.glob("service_*.proto"):
        service = None
        for line in path.read_text(encoding="utf-8").splitlines():
            if match := re.match(r"service (\w+) \{", line):
                service = match.group(1)
            elif match := re.match(r"\s*rpc (\w+)\((stream )?\w+\) returns \((stream )?\w+\);", line):
                found.add((service, match.group(1), bool(match.group(2)), bool(match.group(3))))
    return found


def test_every_rpc_of_the_proto_files_is_in_the_table():
    table = {(m.service, m.name, m.client_streaming, m.server_streaming) for s in SERVICES.values() for m in s.methods}
    assert table == rpcs_in_proto_files()
    assert len(table) >= 40


def test_client_has_one_method_per_rpc():
    client = Client("127.0.0.1:1")
    for service in SERVICES.values():
        stub = client.services[service.name]
        for method in service.methods:
            assert callable(getattr(stub, method.python_name)), method.path
            assert method.path == f"/warren.v1.{service.name}/{method.name}"


def test_snake_case():
    assert snake_case("AcceptInputWithCompletion") == "accept_input_with_completion"
    assert snake_case("ServerInfo") == "server_info"


def test_status_codes_match_the_schema():
    schema = {value.name.removeprefix("STATUS_CODE_"): value.number for value in rpc_pb2.StatusCode.DESCRIPTOR.values}
    assert schema == {code.name: code.value for code in StatusCode}
    for code in StatusCode:
        if code is not StatusCode.OK:
            assert errors.error_for(code, "x").code is code
