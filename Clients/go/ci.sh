#!/usr/bin/env bash
# CI for the Go client, run by Clients/run-tests against its live server, offline against Debian's
# protobuf: vet and gofmt, every test (framing, golden encodings, the README, and the live tests) with
# the race detector, the README's example and the conformance scenario. Every stage runs even when an
# earlier one failed; the exit status says whether any did.
#   WARREN_ADDRESS  host:port of a running warrend (required)
#   WARREN_TOKEN    its bearer token, when it has one
#   WARREND         a warrend binary, for the tests that start a private server (token file, idle timeout)
set -euo pipefail
cd "$(dirname "$0")"
: "${WARREN_ADDRESS:?set WARREN_ADDRESS=host:port of a running warrend}"
export GOFLAGS=-mod=mod GOPROXY=off
export GOCACHE="${GOCACHE:-${TMPDIR:-/tmp}/warren-go-cache}"

failed=()
stage() {
    local name="$1"
    shift
    echo "== go: $name"
    "$@" || failed+=("$name")
}
gofmt_clean() {
    local unformatted
    unformatted=$(gofmt -l .)
    [ -z "$unformatted" ] || { echo "not gofmt-formatted: $unformatted" >&2; return 1; }
}
stage "vet" go vet ./...
stage "gofmt" gofmt_clean
stage "tests against $WARREN_ADDRESS (race detector)" go test -count=1 -race ./...
stage "the example" go run ./examples/quickstart "$WARREN_ADDRESS"
stage "conformance" go run ./cmd/conformance -address "$WARREN_ADDRESS" -scenario ../conformance/scenario.json
if [ "${#failed[@]}" -gt 0 ]; then
    printf 'go: FAILED: %s\n' "${failed[@]}" >&2
    exit 1
fi
