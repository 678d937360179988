// Command conformance runs Clients/conformance/scenario.json against a live warrend with the Go client
// and prints one line per step (PASS name / FAIL name: why / SKIP name: why), then
// "conformance: N passed, N failed, N skipped". Exit status 0 when no step failed, 1 when one did, 2
// when the scenario or the arguments are unusable.
//
//	go run ./cmd/conformance [-address HOST:PORT] [-token-file FILE] [-scenario PATH]
//
// Defaults: $WARREN_ADDRESS, $WARREN_TOKEN, ../conformance/scenario.json.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	warren "warren.dev/warren/clients/go"
)

func main() {
	address := flag.String("address", os.Getenv("WARREN_ADDRESS"), "the server, host:port (default $WARREN_ADDRESS)")
	tokenFile := flag.String("token-file", "", "a file holding the bearer token (default $WARREN_TOKEN)")
	scenarioPath := flag.String("scenario", "../conformance/scenario.json", "the scenario file")
	flag.Parse()
	if *address == "" {
		fmt.Fprintln(os.Stderr, "conformance: no server address: give -address or set WARREN_ADDRESS")
		os.Exit(2)
	}
	loaded, err := loadScenario(*scenarioPath)
	if err != nil {
		fmt.Fprintf(os.Stderr, "conformance: %s: %v\n", *scenarioPath, err)
		os.Exit(2)
	}
	token, err := readToken(*tokenFile)
	if err != nil {
		fmt.Fprintf(os.Stderr, "conformance: %v\n", err)
		os.Exit(2)
	}
	client, err := warren.Dial(context.Background(), warren.Options{Address: *address, BearerToken: token})
	if err != nil {
		fmt.Fprintf(os.Stderr, "conformance: %v\n", err)
		os.Exit(2)
	}
	defer client.Close()
	r := &runner{client: client, token: token, variables: newVariables()}
	if failed := r.runAll(loaded.Steps); failed > 0 {
		client.Close()
		os.Exit(1)
	}
}

// readToken is the token in path (without its line end), else $WARREN_TOKEN.
func readToken(path string) (string, error) {
	if path == "" {
		return os.Getenv("WARREN_TOKEN"), nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	return strings.TrimRight(string(data), "\r\n"), nil
}

// runAll prints one line per step and the summary; it returns how many steps failed.
func (r *runner) runAll(steps []step) int {
	passed, failed, skipped := 0, 0, 0
	for _, s := range steps {
		switch err := r.run(s); {
		case err == nil:
			passed++
			fmt.Printf("PASS %s\n", s.Name)
		case errors.Is(err, errSkipped):
			skipped++
			fmt.Printf("SKIP %s: %v\n", s.Name, err)
		default:
			failed++
			fmt.Printf("FAIL %s: %v\n", s.Name, err)
		}
	}
	fmt.Printf("conformance: %d passed, %d failed, %d skipped\n", passed, failed, skipped)
	return failed
}
