#!/usr/bin/env python3
"""Turns the text output of `swift package benchmark --target CodecBenchmarks` into a markdown table.

Reads the output on stdin (or the files named as arguments) and prints, per message and operation, the
median (p50) time per operation of WarrenProto and swift-protobuf, their throughput, mallocs per
operation, and the speed-up: swift-protobuf time / WarrenProto time (above 1 = WarrenProto faster).
"""
import fileinput
import re

NAME = re.compile(r"^(\S+) (roundtrip|encode|decode) (WarrenProto|swift-protobuf)\s*$")
ROW = re.compile(r"^│ (.+?)\s*│(.*)│\s*$")

results = {}  # (message, operation, side) -> {metric: p50}
current = None
for line in fileinput.input():
    line = line.rstrip("\n")
    match = NAME.match(line)
    if match:
        current = match.groups()
        results[current] = {}
        continue
    match = ROW.match(line)
    if current and match:
        label = match.group(1)
        cells = [cell.strip() for cell in match.group(2).split("│")]
        if len(cells) < 3 or not cells[2].replace(",", "").isdigit():
            continue
        p50 = int(cells[2].replace(",", ""))
        if label.startswith("Time (wall clock) (ns)"):
            results[current]["ns"] = p50
        elif label.startswith("Throughput (# / s) (K)"):
            results[current]["kops"] = p50
        elif label.startswith("Malloc (total)"):
            results[current]["mallocs"] = p50

order = {"roundtrip": 0, "encode": 1, "decode": 2}
messages = sorted({key[0] for key in results}, key=lambda m: (not m.startswith("Envelope.RunCompleted"), m))
print("| Message | Operation | WarrenProto ns/op | swift-protobuf ns/op | WarrenProto kops/s | swift-protobuf kops/s "
      "| mallocs/op (W / S) | Speed-up |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for message in messages:
    for operation in sorted({key[1] for key in results if key[0] == message}, key=order.get):
        ours = results.get((message, operation, "WarrenProto"), {})
        theirs = results.get((message, operation, "swift-protobuf"), {})
        if "ns" not in ours or "ns" not in theirs:
            continue
        ratio = theirs["ns"] / ours["ns"]
        print(f"| {message} | {operation} | {ours['ns']} | {theirs['ns']} | {ours.get('kops', '?')} | "
              f"{theirs.get('kops', '?')} | {ours.get('mallocs', '?')} / {theirs.get('mallocs', '?')} | {ratio:.2f}× |")
