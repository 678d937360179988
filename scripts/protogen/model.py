"""The schema model the Swift generator works from: a FileDescriptorSet read into plain objects.

Names follow two conventions at once: the Swift names Warren uses (lowerCamelCase fields, UpperCamelCase
types, enum cases without their prefix) and the C names protoc-c emits (Warren__V1__Type, member names as
in the .proto, `n_` counts for repeated fields, `<oneof>_case` selectors).
"""

from dataclasses import dataclass, field
from typing import Optional

from google.protobuf import descriptor_pb2 as pb

SWIFT_KEYWORDS = {
    "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
    "inout", "internal", "let", "open", "operator", "private", "protocol", "public", "rethrows", "static",
    "struct", "subscript", "typealias", "var", "break", "case", "continue", "default", "defer", "do",
    "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "switch", "where", "while",
    "as", "Any", "catch", "false", "is", "nil", "super", "self", "Self", "throw", "throws", "true", "try",
    "_", "some", "any",
}

SCALAR_SWIFT = {
    pb.FieldDescriptorProto.TYPE_STRING: "String",
    pb.FieldDescriptorProto.TYPE_BYTES: "[UInt8]",
    pb.FieldDescriptorProto.TYPE_BOOL: "Bool",
    pb.FieldDescriptorProto.TYPE_INT32: "Int32",
    pb.FieldDescriptorProto.TYPE_SINT32: "Int32",
    pb.FieldDescriptorProto.TYPE_SFIXED32: "Int32",
    pb.FieldDescriptorProto.TYPE_UINT32: "UInt32",
    pb.FieldDescriptorProto.TYPE_FIXED32: "UInt32",
    pb.FieldDescriptorProto.TYPE_INT64: "Int64",
    pb.FieldDescriptorProto.TYPE_SINT64: "Int64",
    pb.FieldDescriptorProto.TYPE_SFIXED64: "Int64",
    pb.FieldDescriptorProto.TYPE_UINT64: "UInt64",
    pb.FieldDescriptorProto.TYPE_FIXED64: "UInt64",
    pb.FieldDescriptorProto.TYPE_DOUBLE: "Double",
    pb.FieldDescriptorProto.TYPE_FLOAT: "Float",
}


def lower_camel(snake: str) -> str:
    """runtime_id -> runtimeID, input_ids -> inputIDs, id -> id."""
    parts = [p for p in snake.split("_") if p]
    out = []
    for i, part in enumerate(parts):
        word = part.lower()
        if i > 0:
            word = {"id": "ID", "ids": "IDs"}.get(word, word[:1].upper() + word[1:])
        out.append(word)
    name = "".join(out)
    return name


def upper_camel(snake: str) -> str:
    name = lower_camel(snake)
    return name[:1].upper() + name[1:]


def escaped(name: str) -> str:
    return f"`{name}`" if name in SWIFT_KEYWORDS else name


def c_type_name(full_name: str) -> str:
    """warren.v1.Input.MetaEntry -> Warren__V1__Input__MetaEntry (protoc-c's rule)."""
    return "__".join(p[:1].upper() + p[1:] for p in full_name.split("."))


@dataclass
class Comments:
    """Leading comments keyed by source path."""

    by_path: dict

    def get(self, path) -> str:
        text = self.by_path.get(tuple(path), "")
        return " ".join(line.strip() for line in text.strip().splitlines() if line.strip())


@dataclass
class EnumValue:
    proto_name: str
    number: int
    swift_name: str
    doc: str


@dataclass
class Enum:
    full_name: str
    swift_name: str
    c_name: str
    doc: str
    values: list


@dataclass
class Field:
    proto_name: str
    number: int
    json_name: str
    swift_name: str
    doc: str
    type: int
    type_name: Optional[str]  # full name for messages and enums
    repeated: bool
    oneof: Optional[str] = None  # the oneof's proto name
    map_key: Optional["Field"] = None
    map_value: Optional["Field"] = None
    map_entry_c_name: Optional[str] = None

    @property
    def is_map(self) -> bool:
        return self.map_key is not None

    @property
    def is_message(self) -> bool:
        return self.type == pb.FieldDescriptorProto.TYPE_MESSAGE

    @property
    def is_enum(self) -> bool:
        return self.type == pb.FieldDescriptorProto.TYPE_ENUM


@dataclass
class Oneof:
    proto_name: str
    swift_name: str
    swift_type: str
    doc: str
    fields: list = field(default_factory=list)


@dataclass
class Message:
    full_name: str
    swift_name: str
    c_name: str
    doc: str
    fields: list  # every field, oneof members included, in declaration order
    oneofs: list

    @property
    def plain_fields(self):
        return [f for f in self.fields if f.oneof is None]


@dataclass
class Method:
    proto_name: str  # AcceptInputWithCompletion
    swift_name: str  # acceptInputWithCompletion
    doc: str
    input_type: str  # full names
    output_type: str
    client_streaming: bool
    server_streaming: bool


@dataclass
class Service:
    full_name: str  # warren.v1.Health
    swift_name: str  # Health
    doc: str
    methods: list


@dataclass
class ProtoFile:
    name: str  # warren/v1/input.proto
    messages: list
    enums: list
    services: list = field(default_factory=list)

    @property
    def stem(self) -> str:
        return upper_camel(self.name.rsplit("/", 1)[-1].removesuffix(".proto"))


@dataclass
class Schema:
    files: list
    messages: dict  # full name -> Message
    enums: dict  # full name -> Enum

    def swift_type(self, f: Field) -> str:
        """The Swift type of one element of the field."""
        if f.is_message:
            return self.messages[f.type_name].swift_name
        if f.is_enum:
            return self.enums[f.type_name].swift_name
        return SCALAR_SWIFT[f.type]


def enum_case_name(enum_name: str, value_name: str) -> str:
    prefix = "".join("_" + c if c.isupper() and i > 0 else c for i, c in enumerate(enum_name)).upper() + "_"
    if not value_name.startswith(prefix):
        raise SystemExit(f"enum value {value_name} does not start with {prefix}")
    name = lower_camel(value_name[len(prefix):].lower())
    return "_" + name if name[:1].isdigit() else name


def load(descriptor_set_path: str, package: str) -> Schema:
    fds = pb.FileDescriptorSet()
    with open(descriptor_set_path, "rb") as fh:
        fds.ParseFromString(fh.read())
    files, messages, enums = [], {}, {}
    map_entries = {}
    for fd in fds.file:
        if fd.package != package:
            continue
        comments = Comments({tuple(loc.path): loc.leading_comments for loc in fd.source_code_info.location})
        pfile = ProtoFile(fd.name, [], [])
        for ei, ed in enumerate(fd.enum_type):
            full = f"{fd.package}.{ed.name}"
            values = [
                EnumValue(v.name, v.number, enum_case_name(ed.name, v.name), comments.get([5, ei, 2, vi, ]))
                for vi, v in enumerate(ed.value)
            ]
            e = Enum(full, ed.name, c_type_name(full), comments.get([5, ei]), values)
            enums[full] = e
            pfile.enums.append(e)
        for mi, md in enumerate(fd.message_type):
            full = f"{fd.package}.{md.name}"
            for nested in md.nested_type:
                if nested.options.map_entry:
                    map_entries[f"{full}.{nested.name}"] = nested
                else:
                    raise SystemExit(f"{full}: nested message {nested.name} is not allowed (declare it top-level)")
            if md.enum_type:
                raise SystemExit(f"{full}: nested enums are not allowed (declare them top-level)")
            oneofs = [
                Oneof(od.name, lower_camel(od.name), upper_camel(od.name), comments.get([4, mi, 8, oi]))
                for oi, od in enumerate(md.oneof_decl)
            ]
            fields = []
            for fi, fdp in enumerate(md.field):
                if fdp.proto3_optional:
                    raise SystemExit(f"{full}.{fdp.name}: proto3 optional is not supported by protoc-c 1.4")
                f = make_field(fdp, comments.get([4, mi, 2, fi]))
                if fdp.HasField("oneof_index"):
                    f.oneof = md.oneof_decl[fdp.oneof_index].name
                    oneofs[fdp.oneof_index].fields.append(f)
                fields.append(f)
            m = Message(full, md.name, c_type_name(full), comments.get([4, mi]), fields, oneofs)
            messages[full] = m
            pfile.messages.append(m)
        for si, sd in enumerate(fd.service):
            methods = [
                Method(md.name, md.name[:1].lower() + md.name[1:], comments.get([6, si, 2, mi]),
                       md.input_type.lstrip("."), md.output_type.lstrip("."), md.client_streaming,
                       md.server_streaming)
                for mi, md in enumerate(sd.method)
            ]
            pfile.services.append(Service(f"{fd.package}.{sd.name}", sd.name, comments.get([6, si]), methods))
        files.append(pfile)
    for m in messages.values():
        for f in m.fields:
            entry = map_entries.get(f.type_name.lstrip(".") if f.type_name else "")
            if f.type_name:
                f.type_name = f.type_name.lstrip(".")
            if entry is not None:
                f.map_key = make_field(entry.field[0], "")
                f.map_value = make_field(entry.field[1], "")
                if f.map_value.type_name:
                    f.map_value.type_name = f.map_value.type_name.lstrip(".")
                f.map_entry_c_name = c_type_name(f.type_name)
    return Schema(files, messages, enums)


def make_field(fdp, doc: str) -> Field:
    return Field(
        proto_name=fdp.name,
        number=fdp.number,
        json_name=fdp.name,
        swift_name=lower_camel(fdp.name),
        doc=doc,
        type=fdp.type,
        type_name=fdp.type_name or None,
        repeated=fdp.label == pb.FieldDescriptorProto.LABEL_REPEATED,
    )
