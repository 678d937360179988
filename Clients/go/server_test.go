package warren_test

import (
	"bufio"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// startServer starts a private `$WARREND --memory --address 127.0.0.1:0 extra...` for a test that needs
// its own server, and returns its address (read from its first line, "warrend listening on IP:PORT").
// It is stopped when the test ends. The binary is $WARREND (as Clients/run-tests sets it), else $WARRENd;
// without either the test is skipped.
func startServer(t *testing.T, extra ...string) string {
	t.Helper()
	binary := os.Getenv("WARREND")
	if binary == "" {
		binary = os.Getenv("WARRENd")
	}
	if binary == "" {
		t.Skip("WARREND is not set: no warrend binary to start a private server")
	}
	arguments := append([]string{"--memory", "--address", "127.0.0.1:0", "--log-level", "error"}, extra...)
	command := exec.Command(binary, arguments...)
	command.Stderr = os.Stderr
	stdout, err := command.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := command.Start(); err != nil {
		t.Fatalf("cannot start %s: %v", binary, err)
	}
	t.Cleanup(func() {
		command.Process.Signal(os.Interrupt)
		command.Wait()
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	address := strings.TrimSpace(strings.TrimPrefix(line, "warrend listening on "))
	if err != nil || !strings.HasPrefix(line, "warrend listening on ") {
		t.Fatalf("%s did not start: first line %q, %v", binary, line, err)
	}
	return address
}
