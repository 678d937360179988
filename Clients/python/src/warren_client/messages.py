"""Every message and enum of package ``warren.v1`` in one namespace: ``messages.Input``, ``messages.RuntimeState``.

The classes are those of the protoc-generated modules (``warren_client._proto.warren.v1.*_pb2``); this module
only gathers them, so ``from warren_client import messages as pb`` gives ``pb.PromptInput(text="hi")``.
Enum values are module attributes too, as protoc makes them (``pb.INPUT_LIFECYCLE_STATE_CONSUMED``).
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType
from typing import Dict, List

from google.protobuf.message import Message

import warren_client._proto.warren.v1 as _v1

#: Every generated module, by proto file name ("warren/v1/input.proto").
MODULES: Dict[str, ModuleType] = {}
#: Every message class, by full name ("warren.v1.Input").
BY_FULL_NAME: Dict[str, type] = {}

__all__: List[str] = []


def _gather() -> None:
    for info in sorted(pkgutil.iter_modules(_v1.__path__), key=lambda m: m.name):
        if not info.name.endswith("_pb2"):
            continue
        module = importlib.import_module(f"{_v1.__name__}.{info.name}")
        MODULES[module.DESCRIPTOR.name] = module
        for name in module.DESCRIPTOR.message_types_by_name:
            cls = getattr(module, name)
            BY_FULL_NAME[cls.DESCRIPTOR.full_name] = cls
            globals()[name] = cls
            __all__.append(name)
        for name, enum in module.DESCRIPTOR.enum_types_by_name.items():
            globals()[name] = getattr(module, name)
            __all__.append(name)
            for value in enum.values:
                globals()[value.name] = value.number


def message_class(full_name: str) -> type:
    """The class of a message by its full name; KeyError when the schema has no such message."""
    return BY_FULL_NAME[full_name]


def new(full_name: str) -> Message:
    """A new, empty message of the named type."""
    return message_class(full_name)()


_gather()
