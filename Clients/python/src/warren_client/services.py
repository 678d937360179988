"""The method table, built from the service descriptors of the generated modules (not written by hand).

Each ``service`` in ``Proto/warren/v1/service_*.proto`` becomes a :class:`ServiceInfo` with one
:class:`MethodInfo` per ``rpc``: its path on the wire, its request and response classes, its shape and
the snake_case name the client exposes (``AcceptInputWithCompletion`` → ``accept_input_with_completion``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, Tuple

from warren_client import messages


@dataclass(frozen=True)
class MethodInfo:
    """One RPC."""

    service: str
    name: str
    python_name: str
    path: str
    request_class: type
    response_class: type
    client_streaming: bool
    server_streaming: bool

    @property
    def shape(self) -> str:
        """``unary``, ``server_streaming``, ``client_streaming`` or ``bidi_streaming``."""
        if self.client_streaming and self.server_streaming:
            return "bidi_streaming"
        if self.client_streaming:
            return "client_streaming"
        return "server_streaming" if self.server_streaming else "unary"


@dataclass(frozen=True)
class ServiceInfo:
    """One service and its methods, in declaration order."""

    name: str
    full_name: str
    methods: Tuple[MethodInfo, ...]


def snake_case(name: str) -> str:
    """``AcceptInputWithCompletion`` → ``accept_input_with_completion``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def _build() -> Dict[str, ServiceInfo]:
    services: Dict[str, ServiceInfo] = {}
    for module in messages.MODULES.values():
        for service in module.DESCRIPTOR.services_by_name.values():
            methods = tuple(
                MethodInfo(
                    service=service.name,
                    name=method.name,
                    python_name=snake_case(method.name),
                    path=f"/{service.full_name}/{method.name}",
                    request_class=messages.message_class(method.input_type.full_name),
                    response_class=messages.message_class(method.output_type.full_name),
                    client_streaming=method.client_streaming,
                    server_streaming=method.server_streaming,
                )
                for method in service.methods
            )
            services[service.name] = ServiceInfo(service.name, service.full_name, methods)
    return services


#: Every service of the schema, by its short name ("RuntimeSessionAdapter").
SERVICES: Dict[str, ServiceInfo] = _build()


def method(rpc: str) -> MethodInfo:
    """The method named ``"Service/Method"``; KeyError when the schema has none."""
    service_name, _, method_name = rpc.partition("/")
    for info in SERVICES[service_name].methods:
        if info.name == method_name:
            return info
    raise KeyError(rpc)
