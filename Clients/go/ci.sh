#!/usr/bin/env bash
# CI for the Go client (run by Clients/run-tests with a live server), offline against Debian's protobuf:
# vet and gofmt, every test (framing, golden encodings, README, and the live tests) with the race
# detector, the README's example, and the conformance scenario.
#   WARREN_ADDRESS  host:port of a running warrend (required)
#   WARREN_TOKEN    its bearer token, when it has one
#   WARRENd         a warrend binary, for the tests that start a private server (token file, idle timeout)
set -euo pipefail
cd "$(dirname "$0")"
: "${WARREN_ADDRESS:?set WARREN_ADDRESS=host:port of a running warrend}"
export GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local
export GOCACHE="${GOCACHE:-${TMPDIR:-/tmp}/warren-go-cache}" GOPATH="${GOPATH:-${TMPDIR:-/tmp}/warren-gopath}"

echo "== go: vet and gofmt"
go vet ./...
unformatted=$(gofmt -l .)
[ -z "$unformatted" ] || { echo "gofmt: not formatted: $unformatted" >&2; exit 1; }

echo "== go: tests against $WARREN_ADDRESS (race detector)"
go test -count=1 -race ./...

echo "== go: README example"
go run ./examples/quickstart "$WARREN_ADDRESS"

echo "== go: conformance"
go run ./cmd/conformance -address "$WARREN_ADDRESS" -scenario ../conformance/scenario.json
