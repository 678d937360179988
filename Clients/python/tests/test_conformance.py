"""The conformance runner: the scenario passes against the live server, and the runner reports failures."""

import io
import json
import pathlib

import pytest

from warren_client import Client
from warren_client.conformance.runner import run_scenario
from warren_client.conformance.scenario import ScenarioError, load

SCENARIO = pathlib.Path(__file__).resolve().parents[2] / "conformance" / "scenario.json"


def test_scenario_passes(server):
    address, token = server
    out = io.StringIO()
    with Client(address, token=token) as client:
        passed, failed, skipped = run_scenario(client, load(str(SCENARIO)), has_token=token is not None, out=out)
    assert failed == 0, out.getvalue()
    assert passed >= 35
    assert skipped == (0 if token else 1)


def write_scenario(tmp_path, steps) -> str:
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps({"format": 1, "steps": steps}), encoding="utf-8")
    return str(path)


def test_a_broken_expectation_fails_with_a_reason(server, tmp_path):
    steps = [
        {"name": "wrong status", "rpc": "Health/Check", "request": {}, "expect": {"status": "NOT_FOUND"}},
        {
            "name": "wrong field",
            "rpc": "Health/Check",
            "request": {},
            "expect": {"status": "OK", "fields": {"status": "SERVING_STATUS_DRAINING"}},
        },
        {
            "name": "unsaved variable",
            "rpc": "Health/Check",
            "request": {"service": "${nope}"},
            "expect": {"status": "OK"},
        },
    ]
    address, token = server
    out = io.StringIO()
    with Client(address, token=token) as client:
        passed, failed, _ = run_scenario(client, load(write_scenario(tmp_path, steps)), token is not None, out=out)
    assert (passed, failed) == (0, 3)
    lines = out.getvalue().splitlines()
    assert lines[0] == "FAIL wrong status: status OK, expected NOT_FOUND"
    assert lines[1] == 'FAIL wrong field: status is "SERVING_STATUS_SERVING", expected "SERVING_STATUS_DRAINING"'
    assert lines[2] == "FAIL unsaved variable: unknown variable nope"
    assert lines[3] == "conformance: 0 passed, 3 failed, 0 skipped"


def test_unknown_keys_are_refused(tmp_path):
    steps = [{"name": "typo", "rpc": "Health/Check", "request": {}, "expect": {"status": "OK", "feilds": {}}}]
    with pytest.raises(ScenarioError, match="unknown expect keys"):
        load(write_scenario(tmp_path, steps))
