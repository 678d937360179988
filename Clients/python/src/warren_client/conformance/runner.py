"""Runs the conformance scenario against a live warrend, one line per step and a summary.

usage: python -m warren_client.conformance [--address HOST:PORT] [--token TOKEN | --token-file FILE]
                                           [--scenario PATH]

Defaults come from the environment: WARREN_ADDRESS (else 127.0.0.1:7433), WARREN_TOKEN, WARREN_SCENARIO
(else Clients/conformance/scenario.json found from the current directory upwards).
Exit status: 0 when no step failed, 1 otherwise, 2 when the scenario cannot be read.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import sys
from typing import Any, List, Optional, TextIO, Tuple

from google.protobuf import json_format
from google.protobuf.message import Message

from warren_client import messages, services
from warren_client.client import Client
from warren_client.conformance.scenario import (
    ScenarioError,
    Step,
    Variables,
    check_step,
    load,
    save_values,
)
from warren_client.errors import WarrenError

#: The deadline of a step that names none, so a server that never answers fails the step instead of hanging.
SAFETY_TIMEOUT_SECONDS = 60.0


def run_scenario(client: Client, steps: List[Step], has_token: bool, out: TextIO = sys.stdout) -> Tuple[int, int, int]:
    """Runs every step in order, printing PASS/FAIL/SKIP lines; returns (passed, failed, skipped)."""
    variables = Variables()
    passed = failed = skipped = 0
    for step in steps:
        if step.needs_token and not has_token:
            print(f"SKIP {step.name}: no token configured", file=out, flush=True)
            skipped += 1
            continue
        try:
            run_step(client, step, variables)
        except ScenarioError as error:
            print(f"FAIL {step.name}: {error}", file=out, flush=True)
            failed += 1
        else:
            print(f"PASS {step.name}", file=out, flush=True)
            passed += 1
    print(f"conformance: {passed} passed, {failed} failed, {skipped} skipped", file=out, flush=True)
    return passed, failed, skipped


def run_step(client: Client, step: Step, variables: Variables) -> None:
    """Makes the step's call and checks it; raises ScenarioError with the reason it failed."""
    request_json = variables.substitute(step.request)
    metadata = variables.substitute(step.metadata)
    expect = variables.substitute(step.expect)
    timeout = step.timeout_ms / 1000 if step.timeout_ms else SAFETY_TIMEOUT_SECONDS
    try:
        method = services.method(step.rpc)
    except KeyError:
        method = None
    status, detail, view = "OK", None, None
    if method is None:
        if request_json:
            raise ScenarioError(f"{step.rpc} is not in the schema, so its request must be {{}}")
        try:
            client.call_raw(f"/warren.v1.{step.rpc}", b"", timeout=timeout, metadata=metadata)
        except WarrenError as error:
            status, detail = error.code.name, error.detail
    else:
        try:
            request = json_format.ParseDict(request_json, method.request_class())
        except json_format.ParseError as error:
            raise ScenarioError(f"request does not fit {method.request_class.__name__}: {error}") from error
        status, detail, view = _call(client, method, request, timeout, metadata, expect.get("events"))
    check_step(expect, status, detail, view)
    if "events" in expect and status == "OK":
        _check_events(view, expect["events"])
    if status == "OK":
        save_values(step.save, view, variables)


def _call(client: Client, method, request: Message, timeout: float, metadata, events: Optional[list]):
    """(status name, ErrorDetail or None, response view) of one call."""
    if not method.server_streaming:
        try:
            return "OK", None, client.call(method, request, timeout=timeout, metadata=metadata)
        except WarrenError as error:
            return error.code.name, error.detail, None
    received: List[Any] = []
    view = {"messages": received}
    stream = client.call(method, request, timeout=timeout, metadata=metadata)
    try:
        envelopes = 0
        for item in stream:
            received.append(item)
            if events is None:
                continue
            kind = item.WhichOneof("item")
            if kind == "lagged":
                lagged = item.lagged
                raise ScenarioError(f"lagged: events {lagged.from_position}-{lagged.to_position} were skipped")
            envelopes += len(_envelopes(item))
            if envelopes >= len(events):
                break
        else:
            if events is not None:
                raise ScenarioError(f"the stream ended after {envelopes} of {len(events)} events")
    except WarrenError as error:
        return error.code.name, error.detail, view
    finally:
        stream.close()
    return "OK", None, view


def _envelopes(item) -> list:
    """The events of one Subscribe item: its envelope, or the envelopes of its batch."""
    kind = item.WhichOneof("item")
    if kind == "envelope":
        return [item.envelope]
    if kind == "batch":
        return list(item.batch.envelopes)
    return []


def _check_events(view, expected: List[str]) -> None:
    envelopes = [envelope for message in view["messages"] for envelope in _envelopes(message)]
    kinds = [envelope.event.WhichOneof("event") for envelope in envelopes[: len(expected)]]
    if kinds != expected:
        raise ScenarioError(f"events {kinds}, expected {expected}")


def default_scenario() -> Optional[str]:
    """WARREN_SCENARIO, else Clients/conformance/scenario.json in the current directory or above it."""
    if os.environ.get("WARREN_SCENARIO"):
        return os.environ["WARREN_SCENARIO"]
    here = pathlib.Path.cwd().resolve()
    for directory in (here, *here.parents):
        candidate = directory / "Clients" / "conformance" / "scenario.json"
        if candidate.is_file():
            return str(candidate)
    return None


def main(argv: Optional[List[str]] = None) -> int:
    """The command line; see the module's doc."""
    parser = argparse.ArgumentParser(prog="python -m warren_client.conformance", description=__doc__.split("\n")[0])
    parser.add_argument("--address", default=os.environ.get("WARREN_ADDRESS", "127.0.0.1:7433"))
    parser.add_argument("--token", default=os.environ.get("WARREN_TOKEN") or None)
    parser.add_argument("--token-file")
    parser.add_argument("--scenario", default=default_scenario())
    args = parser.parse_args(argv)
    if args.scenario is None:
        print("conformance: no scenario (pass --scenario or set WARREN_SCENARIO)", file=sys.stderr)
        return 2
    token = args.token
    if args.token_file:
        token = pathlib.Path(args.token_file).read_text(encoding="utf-8").strip()
    try:
        steps = load(args.scenario)
    except (OSError, ValueError, ScenarioError) as error:
        print(f"conformance: cannot read the scenario: {error}", file=sys.stderr)
        return 2
    with Client(args.address, token=token) as client:
        _, failed, _ = run_scenario(client, steps, has_token=token is not None)
    return 1 if failed else 0


__all__ = ["run_scenario", "run_step", "main", "messages"]
