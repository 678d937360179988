package warren_test

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	warren "warren.dev/warren/clients/go"
	"warren.dev/warren/clients/go/warrenpb"
)

func TestWrongOrMissingTokenIsUnauthenticated(t *testing.T) {
	tokenFile := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(tokenFile, []byte("s3cret-token\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	address := startServer(t, "--token-file", tokenFile)
	ctx := testContext(t)
	check := func(token string, options ...warren.CallOption) error {
		client := liveClient(t, warren.Options{Address: address, BearerToken: token})
		_, err := client.Health().Check(ctx, &warrenpb.HealthCheckRequest{}, options...)
		return err
	}
	expectCode(t, check(""), warren.Unauthenticated)
	expectCode(t, check("wrong"), warren.Unauthenticated)
	expectCode(t, check("s3cret-token"), warren.OK)
	expectCode(t, check("s3cret-token", warren.WithMetadata("authorization", "Bearer wrong")), warren.Unauthenticated)
}

func TestConnectionClosedWhileIdleIsReplaced(t *testing.T) {
	address := startServer(t, "--idle-timeout", "1")
	client := liveClient(t, warren.Options{Address: address})
	ctx := testContext(t)
	time.Sleep(3 * time.Second) // past the 1 s idle timeout: the server sends GOAWAY and closes
	if _, err := client.Health().Check(ctx, &warrenpb.HealthCheckRequest{}); err != nil {
		t.Fatalf("the next call should go on a new connection: %v", err)
	}
}

func TestRefusedConnectionIsUnavailable(t *testing.T) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	address := listener.Addr().String()
	listener.Close() // nothing listens on the port any more
	_, err = warren.Dial(context.Background(), warren.Options{Address: address, DialTimeout: 5 * time.Second})
	expectCode(t, err, warren.Unavailable)
	_, err = warren.Dial(context.Background(), warren.Options{})
	expectCode(t, err, warren.InvalidArgument)
}
