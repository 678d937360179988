#!/usr/bin/env bash
# One measurement run of the codec comparison (WarrenProto vs swift-protobuf), release builds only.
# Usage: Benchmarks/scripts/run-codec-benchmarks.sh [output-directory]
# Writes suite.txt (raw ordo-one/benchmark output), suite.md (its p50 table) and loop.md (the plain
# ContinuousClock cross-check) into the output directory (default: a new directory under /tmp).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-$(mktemp -d /tmp/warren-codec-bench.XXXXXX)}"
mkdir -p "$out"
swift build -c release --product CodecLoop >/dev/null
echo "load before: $(cat /proc/loadavg)" | tee "$out/load.txt"

swift package --disable-sandbox benchmark --target CodecBenchmarks --no-progress 2>&1 | tee "$out/suite.txt" \
    | grep -E "^(Envelope|Input)\." || true
python3 scripts/codec-table.py "$out/suite.txt" | tee "$out/suite.md"

.build/release/CodecLoop bench 11 20000 | tee "$out/loop.md"
echo "load after: $(cat /proc/loadavg)" | tee -a "$out/load.txt"
echo "results in $out"
