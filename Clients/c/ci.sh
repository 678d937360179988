#!/usr/bin/env bash
# CI for the C client, run by Clients/run-tests against its live server: build with warnings as errors,
# then under AddressSanitizer + UBSan (leaks included) the frame and golden-encoding tests, the live
# tests, the README's example (checked against examples/quickstart.c first) and the conformance
# scenario. Every stage runs even when an earlier one failed; the exit status says whether any did.
#   WARREN_ADDRESS  host:port of a running warrend (required)
#   WARREN_TOKEN    its bearer token, when it has one
#   WARREND         a warrend binary, for the tests that start a private server (token file, idle timeout)
set -euo pipefail
cd "$(dirname "$0")"
: "${WARREN_ADDRESS:?set WARREN_ADDRESS=host:port of a running warrend}"
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
jobs=$(nproc 2>/dev/null || echo 2)

echo "== c: build (-Werror), plain and sanitized"
make -s -j"$jobs" CFLAGS="-O2 -g -Werror" all
make -s -j"$jobs" SANITIZE=1 CFLAGS="-O1 -g -Werror" all

failed=()
stage() {
    local name="$1"
    shift
    echo "== c: $name"
    "$@" || failed+=("$name")
}
stage "frame tests" build-asan/test_frame
stage "golden encodings" build-asan/test_golden ../../Proto/testdata
stage "live tests against $WARREN_ADDRESS" build-asan/test_live
if [ -n "${WARREND:-}" ]; then
    stage "live tests against private servers" build-asan/test_private
else
    echo "== c: live tests against private servers: skipped (no WARREND)"
fi
stage "README shows the example" tools/readme-check.sh
stage "the example" build-asan/quickstart "$WARREN_ADDRESS"
stage "conformance" build-asan/conformance --address "$WARREN_ADDRESS" --scenario ../conformance/scenario.json
if [ "${#failed[@]}" -gt 0 ]; then
    printf 'c: FAILED: %s\n' "${failed[@]}" >&2
    exit 1
fi
