module warren.dev/warren/clients/go

go 1.19

require google.golang.org/protobuf v1.28.1

// Built offline against Debian's golang-google-protobuf-dev (no module proxy is reachable):
// /work/shared/notes/toolchains.md, recipe A. Never run `go mod tidy` (it needs the network).
replace google.golang.org/protobuf => /usr/share/gocode/src/google.golang.org/protobuf
