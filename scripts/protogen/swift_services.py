"""Emits, for each service, the server protocol (WarrenServer), the client stub (WarrenClient) and the
method descriptors both modules keep a copy of, against WarrenRPC's call contract.

`<Service>Methods` names every RPC as a `MethodDescriptor`; `<Service>ServiceProtocol` has one requirement
per RPC and wires each to an `RPCMethodHandler` of its call shape; `<Service>Client` has one method per RPC
that calls the matching `RPCCaller` method. RPC names become lowerCamelCase (AcceptInput -> acceptInput).
"""

from model import Schema, Service, Method, escaped
from swift_types import HEADER, doc

LINE_LENGTH = 120

# Members the generated types declare besides the RPCs; an RPC of the same name would clash with them.
RESERVED = {"all", "serviceName", "methods", "caller"}


def shape(m: Method) -> str:
    """The `CallShape` case of the method."""
    return {
        (False, False): "unary",
        (False, True): "serverStreaming",
        (True, False): "clientStreaming",
        (True, True): "bidirectional",
    }[(m.client_streaming, m.server_streaming)]


def wrapped(indent: str, head: str, items: list, tail: str) -> str:
    """`head(items)tail` on one line when it fits, otherwise one item a line."""
    line = f"{indent}{head}{', '.join(items)}{tail}"
    if len(line) <= LINE_LENGTH:
        return line + "\n"
    body = ",\n".join(f"{indent}    {item}" for item in items)
    return f"{indent}{head}\n{body}\n{indent}{tail}\n"


def checked(service: Service) -> Service:
    for m in service.methods:
        if m.swift_name in RESERVED:
            raise SystemExit(f"{service.full_name}.{m.proto_name}: {m.swift_name} clashes with a generated member")
    return service


def emit_methods(service: Service, pfile_name: str) -> str:
    s = checked(service)
    out = [HEADER.format(name=pfile_name), "\npublic import WarrenRPC\n\n"]
    out.append(f"/// The methods of `{s.full_name}`, in declaration order.\n")
    out.append(f"public enum {s.swift_name}Methods {{\n")
    out.append("    /// The fully qualified service name.\n")
    out.append(f'    public static let serviceName = "{s.full_name}"\n\n')
    for m in s.methods:
        out.append(doc(f"`/{s.full_name}/{m.proto_name}` ({shape(m)}).", "    "))
        out.append(wrapped("    ", f"public static let {escaped(m.swift_name)} = MethodDescriptor(",
                           ["service: serviceName", f'method: "{m.proto_name}"'], ")"))
        out.append("\n")
    out.append("    /// Every method of the service, in declaration order.\n")
    out.append(wrapped("    ", "public static let all: [MethodDescriptor] = [",
                       [escaped(m.swift_name) for m in s.methods], "]"))
    out.append("}\n")
    return "".join(out)


def server_requirement(schema: Schema, m: Method) -> str:
    request = schema.messages[m.input_type].swift_name
    response = schema.messages[m.output_type].swift_name
    params = [f"_ requests: RPCRequestStream<{request}>" if m.client_streaming else f"_ request: {request}"]
    if m.server_streaming:
        params.append(f"responses: RPCResponseWriter<{response}>")
    params.append("context: ServerCallContext")
    result = "" if m.server_streaming else f" -> {response}"
    return wrapped("    ", f"func {escaped(m.swift_name)}(", params, f") async throws{result}")


def server_handler(s: Service, m: Method) -> str:
    first = "requests" if m.client_streaming else "request"
    params = [first, "responses", "context"] if m.server_streaming else [first, "context"]
    arguments = [first] + [f"{p}: {p}" for p in params[1:]]
    return (f"            .{shape(m)}({s.swift_name}Methods.{escaped(m.swift_name)}) {{ {', '.join(params)} in\n"
            + wrapped("                ", f"try await self.{escaped(m.swift_name)}(", arguments, ")")
            + "            },\n")


def emit_server(schema: Schema, service: Service, pfile_name: str) -> str:
    s = checked(service)
    out = [HEADER.format(name=pfile_name), "\npublic import WarrenProto\npublic import WarrenRPC\n\n"]
    out.append(doc(s.doc, ""))
    out.append(f"public protocol {s.swift_name}ServiceProtocol: RPCService {{\n")
    out.append("\n".join(doc(m.doc, "    ") + server_requirement(schema, m) for m in s.methods))
    out.append("}\n\n")
    out.append(f"extension {s.swift_name}ServiceProtocol {{\n")
    out.append("    /// One handler per RPC, in declaration order, each serving the requirement of the same name.\n")
    out.append("    public var methods: [RPCMethodHandler] {\n        [\n")
    out.append("".join(server_handler(s, m) for m in s.methods))
    out.append("        ]\n    }\n}\n")
    return "".join(out)


def closure_parameter(name: str, function_type: str) -> str:
    """A closure parameter of a client method; a long type goes on its own lines, as swift-format puts it."""
    parameter = f"{name}: @Sendable {function_type}"
    if len(f"        {parameter}") <= LINE_LENGTH:
        return parameter
    arguments, result = function_type.split(" async throws ")
    return f"{name}:\n            @Sendable {arguments}\n            async throws {result}"


def client_method(schema: Schema, s: Service, m: Method) -> str:
    request = schema.messages[m.input_type].swift_name
    response = schema.messages[m.output_type].swift_name
    params = [] if m.client_streaming else [f"_ request: {request}"]
    params.append("options: CallOptions = CallOptions()")
    arguments = [f"{s.swift_name}Methods.{escaped(m.swift_name)}"]
    arguments += [] if m.client_streaming else ["request: request"]
    arguments.append("options: options")
    generic, throws, result = "", "throws", response
    if not m.client_streaming and not m.server_streaming:
        throws = "throws(RPCError)"
    elif not m.server_streaming:
        params.append(closure_parameter("requests", f"(RPCRequestWriter<{request}>) async throws -> Void"))
        arguments.append("requests: requests")
    else:
        streams = f"RPCResponseStream<{response}>"
        if m.client_streaming:
            streams = f"RPCRequestWriter<{request}>, {streams}"
        params.append(closure_parameter("body", f"({streams}) async throws -> Result"))
        arguments.append("body: body")
        generic, result = "<Result: Sendable>", "Result"
    head = f"public func {escaped(m.swift_name)}{generic}("
    return (doc(m.doc, "    ")
            + wrapped("    ", head, params, f") async {throws} -> {result} {{")
            + wrapped("        ", f"try await self.caller.{shape(m)}(", arguments, ")")
            + "    }\n")


def emit_client(schema: Schema, service: Service, pfile_name: str) -> str:
    s = checked(service)
    out = [HEADER.format(name=pfile_name), "\npublic import WarrenProto\npublic import WarrenRPC\n\n"]
    out.append(doc(s.doc, ""))
    out.append(f"public struct {s.swift_name}Client: Sendable {{\n")
    out.append("    /// Makes the calls (an `RPCClient`, or a fake in tests).\n")
    out.append("    public let caller: any RPCCaller\n\n")
    out.append("    /// Creates a client that makes its calls through `caller`.\n")
    out.append("    public init(caller: any RPCCaller) {\n        self.caller = caller\n    }\n")
    out.append("".join("\n" + client_method(schema, s, m) for m in s.methods))
    out.append("}\n")
    return "".join(out)
