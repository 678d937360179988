"""The conformance scenario (Clients/conformance/README.md): loading, variables, paths and checks.

Nothing here makes calls; :mod:`warren_client.conformance.runner` does, and hands each step's outcome
(status, detail, response view) to :func:`check_step`.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import Message

FORMAT = 1
STEP_KEYS = {"name", "rpc", "request", "timeout_ms", "metadata", "needs_token", "expect", "save"}
EXPECT_KEYS = {"status", "detail", "fields", "present", "length", "events"}
_VARIABLE = re.compile(r"\$\{([^}]*)\}")


class ScenarioError(Exception):
    """The scenario file is malformed, or a step failed; the message is the reason printed after FAIL."""


@dataclass
class Step:
    """One step, as written in the file (before substitution)."""

    name: str
    rpc: str
    request: Dict[str, Any]
    expect: Dict[str, Any]
    timeout_ms: int = 0
    metadata: Dict[str, str] = field(default_factory=dict)
    needs_token: bool = False
    save: Dict[str, str] = field(default_factory=dict)


def load(path: str) -> List[Step]:
    """Reads and validates a scenario file; unknown keys are errors so that a typo never skips a check."""
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
    if document.get("format") != FORMAT:
        raise ScenarioError(f"{path}: format {document.get('format')!r}, this runner reads format {FORMAT}")
    unknown = set(document) - {"format", "description", "steps"}
    if unknown:
        raise ScenarioError(f"{path}: unknown keys {sorted(unknown)}")
    steps, names = [], set()
    for index, raw in enumerate(document["steps"]):
        where = f"{path}: step {index} ({raw.get('name', '?')})"
        unknown = set(raw) - STEP_KEYS
        if unknown:
            raise ScenarioError(f"{where}: unknown keys {sorted(unknown)}")
        unknown = set(raw.get("expect", {})) - EXPECT_KEYS
        if unknown:
            raise ScenarioError(f"{where}: unknown expect keys {sorted(unknown)}")
        for key in ("name", "rpc", "request", "expect"):
            if key not in raw:
                raise ScenarioError(f"{where}: missing {key!r}")
        if "status" not in raw["expect"]:
            raise ScenarioError(f"{where}: expect has no status")
        if raw["name"] in names:
            raise ScenarioError(f"{where}: duplicate name")
        names.add(raw["name"])
        steps.append(Step(**raw))
    return steps


class Variables:
    """``${run}``, ``${uuid:LABEL}`` and the values saved by earlier steps."""

    def __init__(self) -> None:
        self.run = str(uuid.uuid4())
        self.uuids: Dict[str, str] = {}
        self.saved: Dict[str, str] = {}

    def value(self, name: str) -> str:
        """The value of one variable; ScenarioError when no earlier step saved it."""
        if name == "run":
            return self.run
        if name.startswith("uuid:"):
            return self.uuids.setdefault(name[5:], str(uuid.uuid4()))
        if name in self.saved:
            return self.saved[name]
        raise ScenarioError(f"unknown variable {name}")

    def substitute(self, value: Any) -> Any:
        """``value`` with every ``${...}`` in its strings replaced, recursively."""
        if isinstance(value, str):
            return _VARIABLE.sub(lambda match: self.value(match.group(1)), value)
        if isinstance(value, list):
            return [self.substitute(item) for item in value]
        if isinstance(value, dict):
            return {key: self.substitute(item) for key, item in value.items()}
        return value


class _Missing:
    """A path that leads nowhere: the reason says where it stopped."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


def resolve(view: Any, path: str):
    """The value at ``path`` and the field descriptor it came from (None for list items of ``messages``).

    ``view`` is a message, or ``{"messages": [...]}`` for a stream. Returns ``_Missing`` when a message
    along the path (or the last one) is not set, or an index is out of range.
    """
    node, descriptor = view, None
    walked = []
    for segment in path.split("."):
        walked.append(segment)
        here = ".".join(walked)
        if segment.isdigit():
            if isinstance(node, (str, bytes, dict, Message)) or not hasattr(node, "__getitem__"):
                raise ScenarioError(f"path {path}: {here} indexes something that is not a list")
            index = int(segment)
            if index >= len(node):
                return _Missing(f"{here} not set ({len(node)} elements)"), descriptor
            node = node[index]
            continue
        if isinstance(node, dict):
            if segment not in node:
                raise ScenarioError(f"path {path}: no {segment!r} in the response view")
            node, descriptor = node[segment], None
            continue
        if not isinstance(node, Message):
            raise ScenarioError(f"path {path}: {here} goes through a non-message value")
        fields = node.DESCRIPTOR.fields_by_name
        if segment not in fields:
            raise ScenarioError(f"path {path}: {node.DESCRIPTOR.full_name} has no field {segment!r}")
        descriptor = fields[segment]
        if descriptor.message_type is not None and not is_repeated(descriptor) and not node.HasField(segment):
            return _Missing(f"{here} not set"), descriptor
        node = getattr(node, segment)
    return node, descriptor


def is_repeated(descriptor: FieldDescriptor) -> bool:
    """Whether a field is repeated (``is_repeated`` in protobuf >= 5.x, ``label`` before)."""
    flag = getattr(descriptor, "is_repeated", None)
    if flag is not None:
        return bool(flag)
    return descriptor.label == FieldDescriptor.LABEL_REPEATED


def text_of(value: Any, descriptor: Optional[FieldDescriptor]) -> str:
    """A scalar as the scenario writes it: enums by name, bools as true/false, integers in decimal."""
    if descriptor is not None and descriptor.enum_type is not None:
        known = descriptor.enum_type.values_by_number.get(value)
        return known.name if known is not None else str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _is_default(value: Any) -> bool:
    return value in ("", 0, False, b"")


def check_step(step_expect: Dict[str, Any], status: str, detail: Optional[Message], view: Any) -> None:
    """Raises ScenarioError naming the first expectation the outcome breaks (events are checked by the runner)."""
    expected_status = step_expect["status"]
    if status != expected_status:
        raise ScenarioError(f"status {status}, expected {expected_status}")
    if expected_status != "OK":
        for path, expected in step_expect.get("detail", {}).items():
            if detail is None:
                raise ScenarioError("no ErrorDetail in the trailers")
            _check_value(detail, f"detail.{path}", path, expected)
        return
    for path, count in step_expect.get("length", {}).items():
        value, _ = resolve(view, path)
        actual = 0 if isinstance(value, _Missing) else len(value)
        if actual != count:
            raise ScenarioError(f"{path} has {actual} elements, expected {count}")
    for path in step_expect.get("present", []):
        value, descriptor = resolve(view, path)
        if isinstance(value, _Missing):
            raise ScenarioError(value.reason)
        if not isinstance(value, Message):
            raise ScenarioError(f"present: {path} is not a message field")
    for path, expected in step_expect.get("fields", {}).items():
        _check_value(view, path, path, expected)


def _check_value(root: Any, label: str, path: str, expected: Any) -> None:
    value, descriptor = resolve(root, path)
    if isinstance(value, _Missing):
        raise ScenarioError(f"{label}: {value.reason}, expected {json.dumps(expected)}")
    if isinstance(value, Message):
        raise ScenarioError(f"{label} is a message; compare one of its fields")
    actual = text_of(value, descriptor)
    if isinstance(expected, bool):
        matches = isinstance(value, bool) and value == expected
    elif isinstance(expected, int):
        matches = not isinstance(value, bool) and isinstance(value, int) and value == expected
    else:
        matches = actual == expected
    if not matches:
        raise ScenarioError(f"{label} is {json.dumps(actual)}, expected {json.dumps(expected)}")


def save_values(step_save: Dict[str, str], view: Any, variables: Variables) -> None:
    """Stores each saved path's value; a missing field (or a scalar at its default) fails the step."""
    for name, path in step_save.items():
        value, descriptor = resolve(view, path)
        if isinstance(value, _Missing) or isinstance(value, Message) or _is_default(value):
            raise ScenarioError(f"save: {path} not set")
        variables.saved[name] = text_of(value, descriptor)
