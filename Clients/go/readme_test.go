package warren_test

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeShowsTheQuickstart keeps README.md's example (the block between <!-- example:begin --> and
// <!-- example:end -->) equal, line for line, to examples/quickstart/main.go between its readme:begin
// and readme:end comments; ci.sh runs that program.
func TestReadmeShowsTheQuickstart(t *testing.T) {
	example := between(t, "examples/quickstart/main.go", "\t// readme:begin", "\t// readme:end")
	for i, line := range example {
		example[i] = strings.TrimPrefix(line, "\t")
	}
	var readme []string
	for _, line := range between(t, "README.md", "<!-- example:begin -->", "<!-- example:end -->") {
		if !strings.HasPrefix(line, "```") {
			readme = append(readme, line)
		}
	}
	if len(example) == 0 || strings.Join(example, "\n") != strings.Join(readme, "\n") {
		t.Fatalf("README.md's example differs from examples/quickstart/main.go:\nREADME:\n%s\nexample:\n%s",
			strings.Join(readme, "\n"), strings.Join(example, "\n"))
	}
}

// between returns the lines of path strictly between the lines equal to begin and end.
func between(t *testing.T, path, begin, end string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	inside := false
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case line == begin:
			inside = true
		case line == end:
			return lines
		case inside:
			lines = append(lines, line)
		}
	}
	t.Fatalf("%s has no %q ... %q block", path, begin, end)
	return nil
}
