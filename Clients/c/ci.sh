#!/usr/bin/env bash
# CI for the C client (run by Clients/run-tests with a live server): build with warnings as errors, then
# under AddressSanitizer + UBSan run the frame and golden-encoding tests, the live tests, the README's
# example (checked against examples/quickstart.c first) and the conformance scenario.
#   WARREN_ADDRESS  host:port of a running warrend (required)
#   WARREN_TOKEN    its bearer token, when it has one
#   WARRENd         a warrend binary, for the tests that start a private server (token file, idle timeout)
set -euo pipefail
cd "$(dirname "$0")"
: "${WARREN_ADDRESS:?set WARREN_ADDRESS=host:port of a running warrend}"
jobs=$(nproc 2>/dev/null || echo 2)
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

echo "== c: build (-Werror)"
make -s -j"$jobs" CFLAGS="-O2 -g -Werror" all
make -s -j"$jobs" SANITIZE=1 CFLAGS="-O1 -g -Werror" all

echo "== c: frame and golden-encoding tests (ASan)"
build-asan/test_frame
build-asan/test_golden ../../Proto/testdata

echo "== c: live tests against $WARREN_ADDRESS (ASan)"
build-asan/test_live

echo "== c: README example"
tools/readme-check.sh
build-asan/quickstart "$WARREN_ADDRESS"

echo "== c: conformance"
build-asan/conformance --address "$WARREN_ADDRESS" --scenario ../conformance/scenario.json
