package warren_test

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"os"
	"testing"
	"time"

	warren "warren.dev/warren/clients/go"
	"warren.dev/warren/clients/go/warrenpb"
)

// The live tests run against the warrend at $WARREN_ADDRESS (with $WARREN_TOKEN when it needs one);
// the ones that need a server of their own (a token file, a short idle timeout) start $WARREND. Without
// those variables they are skipped and only the framing and golden-encoding tests run.

func liveClient(t *testing.T, options warren.Options) *warren.Client {
	t.Helper()
	address := os.Getenv("WARREN_ADDRESS")
	if address == "" {
		t.Skip("WARREN_ADDRESS is not set: no live warrend to test against")
	}
	if options.Address == "" {
		options.Address = address
		options.BearerToken = os.Getenv("WARREN_TOKEN")
	}
	client, err := warren.Dial(context.Background(), options)
	if err != nil {
		t.Fatalf("cannot connect to %s: %v", options.Address, err)
	}
	t.Cleanup(func() { client.Close() })
	return client
}

func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// newUUID is a random (version 4) UUID, as session ids must be.
func newUUID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

func prompt(text string) *warrenpb.Input {
	return &warrenpb.Input{Variant: &warrenpb.Input_Prompt{Prompt: &warrenpb.PromptInput{Text: text}}}
}

func builtin(kind warrenpb.BuiltinExecutorKind) *warrenpb.ExecutorRef {
	return &warrenpb.ExecutorRef{Target: &warrenpb.ExecutorRef_Builtin{Builtin: &warrenpb.BuiltinExecutor{Kind: kind}}}
}

// echoSession makes a session run by the built-in echo executor.
func echoSession(ctx context.Context, t *testing.T, client *warren.Client) string {
	t.Helper()
	session := newUUID()
	request := &warrenpb.EnsureSessionWithExecutorRequest{SessionId: session, Executor: builtin(warrenpb.BuiltinExecutorKind_BUILTIN_EXECUTOR_KIND_ECHO)}
	if _, err := client.RuntimeSessionAdapter().EnsureSessionWithExecutor(ctx, request); err != nil {
		t.Fatalf("EnsureSessionWithExecutor: %v", err)
	}
	return session
}

// accept admits a prompt and returns its input id.
func accept(ctx context.Context, t *testing.T, client *warren.Client, session, text string) string {
	t.Helper()
	response, err := client.SessionServiceRuntimeExt().AcceptInput(ctx, &warrenpb.AcceptInputRequest{SessionId: session, Input: prompt(text)})
	if err != nil {
		t.Fatalf("AcceptInput: %v", err)
	}
	accepted := response.GetOutcome().GetAccepted()
	if accepted == nil {
		t.Fatalf("AcceptInput: not accepted: %v", response.GetOutcome())
	}
	return accepted.InputId
}

func expectCode(t *testing.T, err error, want warren.Code) {
	t.Helper()
	if got := warren.CodeOf(err); got != want {
		t.Fatalf("got %v (%v), want %v", got, err, want)
	}
}

func TestHealthCheckServes(t *testing.T) {
	client := liveClient(t, warren.Options{})
	response, err := client.Health().Check(testContext(t), &warrenpb.HealthCheckRequest{})
	if err != nil || response.Status != warrenpb.ServingStatus_SERVING_STATUS_SERVING {
		t.Fatalf("Check: %v, %v", response, err)
	}
}

func TestPromptCompletesThroughEcho(t *testing.T) {
	client := liveClient(t, warren.Options{})
	ctx := testContext(t)
	session := echoSession(ctx, t, client)
	input := accept(ctx, t, client, session, "hello from Go")
	done, err := client.RuntimeSessionAdapter().AwaitCompletion(ctx, &warrenpb.AwaitCompletionRequest{SessionId: session, InputId: input})
	if err != nil {
		t.Fatalf("AwaitCompletion: %v", err)
	}
	// The run's result, even when the await lands while the run's boundary is being committed (D93).
	if done.GetOutcome().GetCompleted().GetRunResult().GetText() != "hello from Go" {
		t.Fatalf("completed with %v", done.GetOutcome())
	}
	if done.GetState().GetCurrentState() != warrenpb.InputLifecycleState_INPUT_LIFECYCLE_STATE_CONSUMED {
		t.Fatalf("state %v", done.GetState().GetCurrentState())
	}
}

func TestAcceptInputWithCompletionStreamsOutcomeThenCompletion(t *testing.T) {
	client := liveClient(t, warren.Options{})
	ctx := testContext(t)
	session := echoSession(ctx, t, client)
	stream, err := client.SessionServiceRuntimeExt().AcceptInputWithCompletion(ctx, &warrenpb.AcceptInputWithCompletionRequest{SessionId: session, Input: prompt("streamed")})
	if err != nil {
		t.Fatal(err)
	}
	first, err := stream.Recv()
	if err != nil || first.GetAcceptOutcome().GetAccepted() == nil || !first.CompletionFollows {
		t.Fatalf("first item: %v, %v", first, err)
	}
	second, err := stream.Recv()
	if err != nil || second.GetCompletion().GetCompleted().GetRunResult().GetText() != "streamed" {
		t.Fatalf("second item: %v, %v", second, err)
	}
	if _, err := stream.Recv(); err != io.EOF {
		t.Fatalf("after the completion: %v, want io.EOF", err)
	}
}

func TestUnknownSessionIsNotFoundWithDetail(t *testing.T) {
	client := liveClient(t, warren.Options{})
	_, err := client.SessionServiceRuntimeExt().RuntimeState(testContext(t), &warrenpb.SessionRuntimeStateRequest{SessionId: newUUID()})
	expectCode(t, err, warren.NotFound)
	detail := warren.DetailOf(err)
	if detail.GetKind() != warrenpb.ErrorKind_ERROR_KIND_NOT_FOUND || detail.GetRuntimeState() != warrenpb.RuntimeState_RUNTIME_STATE_DESTROYED {
		t.Fatalf("detail %v", detail)
	}
	var typed *warren.Error
	if !errors.As(err, &typed) || typed.Message == "" || !errors.Is(err, &warren.Error{Code: warren.NotFound}) {
		t.Fatalf("error %#v", err)
	}
}

func TestUnknownMethodIsUnimplemented(t *testing.T) {
	client := liveClient(t, warren.Options{})
	err := client.Invoke(testContext(t), "/warren.v1.Health/NoSuchMethod", &warrenpb.HealthCheckRequest{}, &warrenpb.HealthCheckResponse{})
	expectCode(t, err, warren.Unimplemented)
}

func TestPassedDeadlineIsDeadlineExceeded(t *testing.T) {
	client := liveClient(t, warren.Options{})
	ctx := testContext(t)
	session := newUUID()
	if _, err := client.RuntimeSessionAdapter().RegisterSession(ctx, &warrenpb.RegisterSessionRequest{SessionId: session}); err != nil {
		t.Fatal(err)
	}
	input := accept(ctx, t, client, session, "never runs: the session has no executor")
	short, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	_, err := client.RuntimeSessionAdapter().AwaitCompletion(short, &warrenpb.AwaitCompletionRequest{SessionId: session, InputId: input})
	expectCode(t, err, warren.DeadlineExceeded)
	if _, err := client.Health().Check(ctx, &warrenpb.HealthCheckRequest{}); err != nil {
		t.Fatalf("the connection should carry on: %v", err)
	}
}

func subscribeFromBeginning(ctx context.Context, t *testing.T, client *warren.Client, session string) *warren.ServerStream[*warrenpb.SubscribeResponse] {
	t.Helper()
	stream, err := client.RuntimeEvents().Subscribe(ctx, &warrenpb.SubscribeRequest{
		Filter: &warrenpb.EventFilter{RuntimeIds: []string{session}},
		Start:  &warrenpb.SubscribeRequest_Beginning{Beginning: &warrenpb.SubscribeFromBeginning{}},
	})
	if err != nil {
		t.Fatalf("Subscribe: %v", err)
	}
	return stream
}

func TestCancelledStreamsEndCancelled(t *testing.T) {
	client := liveClient(t, warren.Options{})
	ctx := testContext(t)
	session := echoSession(ctx, t, client)
	accept(ctx, t, client, session, "to be followed")

	stream := subscribeFromBeginning(ctx, t, client, session)
	if _, err := stream.Recv(); err != nil {
		t.Fatal(err)
	}
	stream.Cancel()
	_, err := stream.Recv()
	expectCode(t, err, warren.Cancelled)

	callContext, cancelCall := context.WithCancel(ctx)
	byContext := subscribeFromBeginning(callContext, t, client, session)
	if _, err := byContext.Recv(); err != nil {
		t.Fatal(err)
	}
	cancelCall()
	for err == nil || warren.CodeOf(err) != warren.Cancelled {
		if _, err = byContext.Recv(); err != nil && warren.CodeOf(err) != warren.Cancelled {
			t.Fatalf("after cancelling the context: %v", err)
		}
	}
	if _, err := client.Health().Check(ctx, &warrenpb.HealthCheckRequest{}); err != nil {
		t.Fatalf("the connection should carry on: %v", err)
	}
}

func TestConcurrentCallsShareTheConnection(t *testing.T) {
	client := liveClient(t, warren.Options{})
	ctx := testContext(t)
	session := echoSession(ctx, t, client)
	const calls = 64
	errs := make(chan error, calls)
	for i := 0; i < calls; i++ {
		go func(i int) {
			text := fmt.Sprintf("concurrent %d", i)
			response, err := client.SessionServiceRuntimeExt().AcceptInput(ctx, &warrenpb.AcceptInputRequest{SessionId: session, Input: prompt(text)})
			if err != nil {
				errs <- err
				return
			}
			done, err := client.RuntimeSessionAdapter().AwaitCompletion(ctx, &warrenpb.AwaitCompletionRequest{SessionId: session, InputId: response.GetOutcome().GetAccepted().GetInputId()})
			// Inputs queued together may run as one batch: one carries the run's result, the others
			// complete without one.
			if err == nil && done.GetOutcome().GetCompleted() == nil && done.GetOutcome().GetCompletedWithoutResult() == nil {
				err = fmt.Errorf("%s did not complete: %v", text, done.GetOutcome())
			}
			errs <- err
		}(i)
	}
	for i := 0; i < calls; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestFlowControlCarriesMoreThanTheWindows publishes 6.4 MiB of events (over the client's 1 MiB stream
// and 4 MiB half connection window, and the server's 4 MiB connection window for requests) and reads
// them back, with and without deflate.
func TestFlowControlCarriesMoreThanTheWindows(t *testing.T) {
	for _, compression := range []bool{false, true} {
		t.Run(fmt.Sprintf("compression=%v", compression), func(t *testing.T) {
			options := warren.Options{}
			if compression {
				options = warren.Options{Address: os.Getenv("WARREN_ADDRESS"), BearerToken: os.Getenv("WARREN_TOKEN"), Compression: true}
			}
			client := liveClient(t, options)
			ctx := testContext(t)
			session := echoSession(ctx, t, client)
			const events, size = 100, 64 * 1024
			payload := make([]byte, size)
			rand.Read(payload) // incompressible, so deflate does not shrink the test away
			for i := 0; i < events; i++ {
				published := &warrenpb.RuntimeEvent{Event: &warrenpb.RuntimeEvent_Published{Published: &warrenpb.PublishedEvent{Code: "go.test.bulk", Payload: payload}}}
				if _, err := client.RuntimeControlPlane().PublishEvent(ctx, &warrenpb.PublishEventRequest{Envelope: &warrenpb.RuntimeEventEnvelope{RuntimeId: session, Event: published}}); err != nil {
					t.Fatalf("PublishEvent %d: %v", i, err)
				}
			}
			stream := subscribeFromBeginning(ctx, t, client, session)
			seen, last := 0, uint64(0)
			for {
				item, err := stream.Recv()
				if err != nil {
					t.Fatalf("after %d events: %v", seen, err)
				}
				if item.GetCaughtUp() != nil {
					break
				}
				envelope := item.GetEnvelope()
				if envelope.GetPosition() <= last {
					t.Fatalf("position %d after %d", envelope.GetPosition(), last)
				}
				last = envelope.GetPosition()
				if len(envelope.GetEvent().GetPublished().GetPayload()) == size {
					seen++
				}
			}
			stream.Cancel()
			if seen != events {
				t.Fatalf("read %d published events, want %d", seen, events)
			}
		})
	}
}
