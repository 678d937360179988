// Command mixed-load is the Go side of Clients/conformance/mixed-load:
//
//	mixed-load setup  SESSION...                     bind the built-in echo executor to each session
//	mixed-load ingest -count N -concurrency C SESSION...
//	                                                  admit N prompts round-robin into the sessions from C
//	                                                  goroutines, await each, print "accepted SESSION INPUT_ID"
//	mixed-load mark   -code CODE SESSION...          publish one marker event (PublishEvent, code CODE) per session
//
// The server is $WARREN_ADDRESS (token $WARREN_TOKEN). Exit status 1 when any call fails or an input
// does not complete.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"sync"
	"time"

	warren "warren.dev/warren/clients/go"
	"warren.dev/warren/clients/go/warrenpb"
)

func main() {
	if len(os.Args) < 2 {
		fail("usage: mixed-load setup|ingest|mark [flags] SESSION...")
	}
	flags := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	count := flags.Int("count", 100, "ingest: how many prompts")
	concurrency := flags.Int("concurrency", 8, "ingest: how many goroutines")
	code := flags.String("code", "mixed-load.done", "mark: the marker event's code")
	flags.Parse(os.Args[2:])
	sessions := flags.Args()
	if len(sessions) == 0 {
		fail("mixed-load: no sessions given")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	client, err := warren.Dial(ctx, warren.Options{Address: os.Getenv("WARREN_ADDRESS"), BearerToken: os.Getenv("WARREN_TOKEN")})
	if err != nil {
		fail("mixed-load: %v", err)
	}
	defer client.Close()
	switch os.Args[1] {
	case "setup":
		err = setup(ctx, client, sessions)
	case "ingest":
		err = ingest(ctx, client, sessions, *count, *concurrency)
	case "mark":
		err = mark(ctx, client, sessions, *code)
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		client.Close()
		fail("mixed-load %s: %v", os.Args[1], err)
	}
}

func fail(format string, arguments ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", arguments...)
	os.Exit(1)
}

func setup(ctx context.Context, client *warren.Client, sessions []string) error {
	for _, session := range sessions {
		if _, err := client.EnsureSession(ctx, session, "echo"); err != nil {
			return err
		}
	}
	return nil
}

// ingest admits count prompts from concurrency goroutines and awaits each; inputs queued together may
// complete as one batch, so completed_without_result counts as completed.
func ingest(ctx context.Context, client *warren.Client, sessions []string, count, concurrency int) error {
	var (
		printing sync.Mutex
		wg       sync.WaitGroup
		first    error
		once     sync.Once
	)
	next := make(chan int)
	go func() {
		defer close(next)
		for i := 0; i < count; i++ {
			next <- i
		}
	}()
	for w := 0; w < concurrency; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				session := sessions[i%len(sessions)]
				input, err := ingestOne(ctx, client, session, fmt.Sprintf("go %d", i))
				if err != nil {
					once.Do(func() { first = err })
					continue
				}
				printing.Lock()
				fmt.Printf("accepted %s %s\n", session, input)
				printing.Unlock()
			}
		}()
	}
	wg.Wait()
	return first
}

func ingestOne(ctx context.Context, client *warren.Client, session, text string) (string, error) {
	input, err := client.AcceptPrompt(ctx, session, text)
	if err != nil {
		return "", err
	}
	done, err := client.AwaitInput(ctx, session, input)
	if err != nil {
		return "", err
	}
	if kind := warren.CompletionKind(done.GetOutcome()); kind != "completed" && kind != "completed_without_result" {
		return "", fmt.Errorf("input %s ended %s", input, kind)
	}
	return input, nil
}

func mark(ctx context.Context, client *warren.Client, sessions []string, code string) error {
	for _, session := range sessions {
		marker := &warrenpb.RuntimeEvent{Event: &warrenpb.RuntimeEvent_Published{Published: &warrenpb.PublishedEvent{Code: code}}}
		request := &warrenpb.PublishEventRequest{Envelope: &warrenpb.RuntimeEventEnvelope{RuntimeId: session, Event: marker}}
		if _, err := client.RuntimeControlPlane().PublishEvent(ctx, request); err != nil {
			return err
		}
	}
	return nil
}
