package warren_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"

	_ "warren.dev/warren/clients/go/warrenpb" // registers every message type
)

// goldenDirectory holds the golden encodings written by Python's protobuf (scripts/gen-golden).
const goldenDirectory = "../../Proto/testdata"

// TestGoldenEncodings decodes every Proto/testdata/*.bin into the type its name gives
// ("warren.v1.Input@peer.bin" is a warren.v1.Input) and checks it equals its JSON twin and a decode of
// its own re-encoding. Go writes oneof fields last and maps in hash order, so bytes are not compared
// (SPEC §7); the C client checks byte-for-byte re-encoding.
func TestGoldenEncodings(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(goldenDirectory, "*.bin"))
	if err != nil || len(files) < 100 {
		t.Fatalf("expected over 100 golden encodings in %s, found %d (%v)", goldenDirectory, len(files), err)
	}
	for _, file := range files {
		file := file
		t.Run(filepath.Base(file), func(t *testing.T) { checkGolden(t, file) })
	}
}

func checkGolden(t *testing.T, binPath string) {
	name := strings.TrimSuffix(filepath.Base(binPath), ".bin")
	typeName := protoreflect.FullName(strings.SplitN(name, "@", 2)[0])
	messageType, err := protoregistry.GlobalTypes.FindMessageByName(typeName)
	if err != nil {
		t.Fatalf("no message type %s: %v", typeName, err)
	}
	encoded, err := os.ReadFile(binPath)
	if err != nil {
		t.Fatal(err)
	}
	twin, err := os.ReadFile(strings.TrimSuffix(binPath, ".bin") + ".json")
	if err != nil {
		t.Fatal(err)
	}
	decoded := messageType.New().Interface()
	if err := proto.Unmarshal(encoded, decoded); err != nil {
		t.Fatalf("cannot decode: %v", err)
	}
	fromJSON := messageType.New().Interface()
	if err := protojson.Unmarshal(twin, fromJSON); err != nil {
		t.Fatalf("cannot read the JSON twin: %v", err)
	}
	if !proto.Equal(decoded, fromJSON) {
		t.Fatalf("decoded value differs from the JSON twin\n binary: %v\n   json: %v", decoded, fromJSON)
	}
	reencoded, err := proto.MarshalOptions{Deterministic: true}.Marshal(decoded)
	if err != nil {
		t.Fatalf("cannot re-encode: %v", err)
	}
	again := messageType.New().Interface()
	if err := proto.Unmarshal(reencoded, again); err != nil || !proto.Equal(decoded, again) {
		t.Fatalf("re-encoding does not decode to the same value (%v)", err)
	}
}
