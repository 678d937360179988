"""Generates WarrenProto's Swift code from a descriptor set and protoc-c's headers, and the service
protocols and client stubs of WarrenServer and WarrenClient.

usage: generate.py DESCRIPTOR_SET C_INCLUDE_DIR SWIFT_OUT_DIR TEST_OUT_DIR SERVER_OUT_DIR CLIENT_OUT_DIR
"""

import pathlib
import sys

import model
import swift_arbitrary
import swift_c
import swift_json
import swift_services
import swift_types


def write(path: pathlib.Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def main() -> None:
    descriptor_set, c_include, swift_out, test_out, server_out, client_out = (pathlib.Path(a) for a in sys.argv[1:7])
    schema = model.load(str(descriptor_set), "warren.v1")
    headers = [p.read_text() for p in sorted(c_include.rglob("*.pb-c.h"))]
    schema.init_fn = swift_c.init_functions(headers)
    for out in (swift_out, test_out, server_out, client_out):
        for old in out.glob("*.pb.swift"):
            old.unlink()
    for pfile in schema.files:
        write(swift_out / f"{pfile.stem}.pb.swift", swift_types.emit_file(schema, pfile))
        write(swift_out / f"{pfile.stem}+C.pb.swift", swift_c.emit_file(schema, pfile))
        write(swift_out / f"{pfile.stem}+JSON.pb.swift", swift_json.emit_file(schema, pfile))
        for service in pfile.services:
            methods = swift_services.emit_methods(service, pfile.name)
            write(server_out / f"{service.swift_name}+Methods.pb.swift", methods)
            write(client_out / f"{service.swift_name}+Methods.pb.swift", methods)
            write(server_out / f"{service.swift_name}+Service.pb.swift",
                  swift_services.emit_server(schema, service, pfile.name))
            write(client_out / f"{service.swift_name}+Client.pb.swift",
                  swift_services.emit_client(schema, service, pfile.name))
    write(swift_out / "ProtoRegistry.pb.swift", swift_types.emit_registry(schema))
    write(test_out / "Arbitrary.pb.swift", swift_arbitrary.emit(schema))


if __name__ == "__main__":
    main()
