"""Writes golden encodings of every warren.v1 message with Python's protobuf package (an implementation
independent of libprotobuf-c): Proto/testdata/<full name>[@<oneof member>].bin plus a readable .json twin
(proto3 JSON mapping, proto field names). Deterministic: the same schema always gives the same files.

usage: make_golden.py PYTHON_MODULES_DIR OUT_DIR
"""

import importlib
import json
import pathlib
import random
import sys

from google.protobuf import descriptor as d
from google.protobuf import json_format, message_factory

STRINGS = ["warren", "héllo wörld", "界面 🦀", "rt-0190c4d2-7a1b-7cc3-8f00-000000000001", "a\tb \"q\" \\"]
INT_EDGES = {
    d.FieldDescriptor.TYPE_INT32: [-2147483648, 2147483647, -1, 7],
    d.FieldDescriptor.TYPE_SINT32: [-2147483648, 2147483647, -1, 7],
    d.FieldDescriptor.TYPE_SFIXED32: [-2147483648, 2147483647, -1, 7],
    d.FieldDescriptor.TYPE_UINT32: [4294967295, 1, 300],
    d.FieldDescriptor.TYPE_FIXED32: [4294967295, 1, 300],
    d.FieldDescriptor.TYPE_INT64: [-9223372036854775808, 9223372036854775807, -1, 1732700000123456789],
    d.FieldDescriptor.TYPE_SINT64: [-9223372036854775808, 9223372036854775807, -1],
    d.FieldDescriptor.TYPE_SFIXED64: [-9223372036854775808, 9223372036854775807, -1],
    d.FieldDescriptor.TYPE_UINT64: [18446744073709551615, 1, 1 << 40],
    d.FieldDescriptor.TYPE_FIXED64: [18446744073709551615, 1, 1 << 40],
}


def scalar(field, rng):
    t = field.type
    if t == d.FieldDescriptor.TYPE_STRING:
        return rng.choice(STRINGS)
    if t == d.FieldDescriptor.TYPE_BYTES:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 12)))
    if t == d.FieldDescriptor.TYPE_BOOL:
        return True
    if t in (d.FieldDescriptor.TYPE_DOUBLE, d.FieldDescriptor.TYPE_FLOAT):
        return rng.choice([0.5, -2.25, 1234.5])
    if t == d.FieldDescriptor.TYPE_ENUM:
        values = [v.number for v in field.enum_type.values if v.number != 0]
        return rng.choice(values) if values else 0
    return rng.choice(INT_EDGES[t])


def fill(msg, rng, depth=0, oneof_member=None):
    """Sets every field (the chosen member of each oneof), nesting submessages."""
    desc = msg.DESCRIPTOR
    for oneof in desc.oneofs:
        members = list(oneof.fields)
        chosen = oneof_member if oneof_member in [f.name for f in members] else members[0].name
        fill_field(msg, desc.fields_by_name[chosen], rng, depth)
    for field in desc.fields:
        if field.containing_oneof is None:
            fill_field(msg, field, rng, depth)


def fill_field(msg, field, rng, depth):
    is_map = field.message_type is not None and field.message_type.GetOptions().map_entry
    if is_map:
        key_field, value_field = field.message_type.fields_by_name["key"], field.message_type.fields_by_name["value"]
        target = getattr(msg, field.name)
        for key in ("alpha", "beta-é"):
            if value_field.message_type is not None:
                fill(target[key], rng, depth + 1)
            else:
                target[key] = scalar(value_field, rng)
        return
    if field.is_repeated:
        target = getattr(msg, field.name)
        for _ in range(2):
            if field.message_type is not None:
                fill(target.add(), rng, depth + 1)
            else:
                target.append(scalar(field, rng))
        return
    if field.message_type is not None:
        fill(getattr(msg, field.name), rng, depth + 1)
        getattr(msg, field.name).SetInParent()
        return
    setattr(msg, field.name, scalar(field, rng))


def main():
    modules_dir, out_dir = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    sys.path.insert(0, str(modules_dir))
    pool_files = sorted(p for p in (modules_dir / "warren" / "v1").glob("*_pb2.py"))
    descriptors = []
    for path in pool_files:
        module = importlib.import_module(f"warren.v1.{path.stem}")
        descriptors += list(module.DESCRIPTOR.message_types_by_name.values())
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("*.bin"):
        old.unlink()
    for old in out_dir.glob("*.json"):
        old.unlink()
    for desc in sorted(descriptors, key=lambda x: x.full_name):
        cls = message_factory.GetMessageClass(desc)
        variants = [None] + [f.name for o in desc.oneofs for f in list(o.fields)[1:]]
        for variant in variants:
            rng = random.Random(f"{desc.full_name}@{variant}")
            msg = cls()
            fill(msg, rng, oneof_member=variant)
            stem = desc.full_name + (f"@{variant}" if variant else "")
            (out_dir / f"{stem}.bin").write_bytes(msg.SerializeToString(deterministic=True))
            as_json = json_format.MessageToDict(msg, preserving_proto_field_name=True)
            (out_dir / f"{stem}.json").write_text(json.dumps(as_json, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    print(f"wrote {len(list(out_dir.glob('*.bin')))} golden encodings to {out_dir}")


if __name__ == "__main__":
    main()
