// Command quickstart connects, makes a session run by the built-in echo executor, ingests a prompt,
// awaits its completion, then reads the session's events from the beginning until the stream has
// caught up.
//
//	go run ./examples/quickstart [host:port]   (default: $WARREN_ADDRESS, else 127.0.0.1:7433; token: $WARREN_TOKEN)
//
// The lines between readme:begin and readme:end are the Go client README's example, word for word;
// readme_test.go checks that they still match, and ci.sh runs this program.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"time"

	warren "warren.dev/warren/clients/go"
)

func main() {
	address := "127.0.0.1:7433"
	if len(os.Args) > 1 {
		address = os.Args[1]
	} else if fromEnvironment := os.Getenv("WARREN_ADDRESS"); fromEnvironment != "" {
		address = fromEnvironment
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	quickstart(ctx, address, "0192d8e0-5b7c-7cc2-8d1e-6f5a4b3c2d11")
}

// must stops the program with err, or returns value.
func must[T any](value T, err error) T {
	if err != nil {
		log.Fatal(err)
	}
	return value
}

func quickstart(ctx context.Context, address, session string) {
	// readme:begin
	client := must(warren.Dial(ctx, warren.Options{Address: address, BearerToken: os.Getenv("WARREN_TOKEN")}))
	defer client.Close()
	must(client.EnsureSession(ctx, session, "echo"))
	input := must(client.AcceptPrompt(ctx, session, "hello, warren")) // ingest
	done := must(client.AwaitInput(ctx, session, input))              // await
	fmt.Printf("input %s: %s\n", input, warren.CompletionKind(done.GetOutcome()))
	events := must(client.SubscribeRuntime(ctx, session)) // subscribe
	for item := must(events.Recv()); item.GetCaughtUp() == nil; item = must(events.Recv()) {
		fmt.Printf("event %d %s\n", item.GetEnvelope().GetPosition(), warren.EventKind(item.GetEnvelope()))
	}
	// readme:end
	events.Cancel()
	fmt.Println("caught up")
}
