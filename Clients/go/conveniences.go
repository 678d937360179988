package warren

import (
	"context"
	"strconv"
	"strings"

	"google.golang.org/protobuf/reflect/protoreflect"

	"warren.dev/warren/clients/go/warrenpb"
)

// The common path by ids and text: a session with an executor, a prompt, its completion, the session's
// events. Everything else goes through the generated methods (methods_gen.go).

// ExecutorRef names an executor as `warren ingest --executor` does: "echo", "sleep", "fail", "fail:N"
// (built in) or the name of an attached remote executor.
func ExecutorRef(name string) *warrenpb.ExecutorRef {
	builtin := func(kind warrenpb.BuiltinExecutorKind, failures uint32) *warrenpb.ExecutorRef {
		return &warrenpb.ExecutorRef{Target: &warrenpb.ExecutorRef_Builtin{Builtin: &warrenpb.BuiltinExecutor{Kind: kind, FailCount: failures}}}
	}
	switch name {
	case "echo":
		return builtin(warrenpb.BuiltinExecutorKind_BUILTIN_EXECUTOR_KIND_ECHO, 0)
	case "sleep":
		return builtin(warrenpb.BuiltinExecutorKind_BUILTIN_EXECUTOR_KIND_SLEEP, 0)
	case "fail":
		return builtin(warrenpb.BuiltinExecutorKind_BUILTIN_EXECUTOR_KIND_FAIL, 0)
	}
	if count, err := strconv.ParseUint(strings.TrimPrefix(name, "fail:"), 10, 32); strings.HasPrefix(name, "fail:") && err == nil {
		return builtin(warrenpb.BuiltinExecutorKind_BUILTIN_EXECUTOR_KIND_FAIL, uint32(count))
	}
	return &warrenpb.ExecutorRef{Target: &warrenpb.ExecutorRef_Remote{Remote: &warrenpb.RemoteExecutorRef{ExecutorName: name}}}
}

// EnsureSession creates session if needed and binds the executor named by executor (see ExecutorRef).
func (c *Client) EnsureSession(ctx context.Context, session, executor string) (*warrenpb.EnsureSessionWithExecutorResponse, error) {
	return c.RuntimeSessionAdapter().EnsureSessionWithExecutor(ctx, &warrenpb.EnsureSessionWithExecutorRequest{SessionId: session, Executor: ExecutorRef(executor)})
}

// AcceptPrompt admits a prompt with text into session (AcceptInput) and returns the new input's id. A
// deduplicated or rejected admission is a FailedPrecondition *Error describing the outcome.
func (c *Client) AcceptPrompt(ctx context.Context, session, text string) (string, error) {
	input := &warrenpb.Input{Variant: &warrenpb.Input_Prompt{Prompt: &warrenpb.PromptInput{Text: text}}}
	response, err := c.SessionServiceRuntimeExt().AcceptInput(ctx, &warrenpb.AcceptInputRequest{SessionId: session, Input: input})
	if err != nil {
		return "", err
	}
	if accepted := response.GetOutcome().GetAccepted(); accepted != nil {
		return accepted.InputId, nil
	}
	return "", errorf(FailedPrecondition, "the prompt was not accepted: %v", response.GetOutcome())
}

// AwaitInput waits until input is terminal in session (AwaitCompletion; at once if it already is).
func (c *Client) AwaitInput(ctx context.Context, session, input string) (*warrenpb.AwaitCompletionResponse, error) {
	return c.RuntimeSessionAdapter().AwaitCompletion(ctx, &warrenpb.AwaitCompletionRequest{SessionId: session, InputId: input})
}

// SubscribeRuntime follows the events of one runtime (a session id; "" for every runtime) from the
// beginning: its history, then a CaughtUp item, then live events until ctx ends or Cancel.
func (c *Client) SubscribeRuntime(ctx context.Context, runtime string) (*ServerStream[*warrenpb.SubscribeResponse], error) {
	request := &warrenpb.SubscribeRequest{Start: &warrenpb.SubscribeRequest_Beginning{Beginning: &warrenpb.SubscribeFromBeginning{}}}
	if runtime != "" {
		request.Filter = &warrenpb.EventFilter{RuntimeIds: []string{runtime}}
	}
	return c.RuntimeEvents().Subscribe(ctx, request)
}

// EventKind names an envelope's event by its RuntimeEvent member, e.g. "input_accepted" ("" when unset).
func EventKind(envelope *warrenpb.RuntimeEventEnvelope) string {
	return oneofName(envelope.GetEvent().ProtoReflect(), "event")
}

// CompletionKind names how an input ended by its CompletionOutcome member, e.g. "completed".
func CompletionKind(outcome *warrenpb.CompletionOutcome) string {
	return oneofName(outcome.ProtoReflect(), "outcome")
}

func oneofName(message protoreflect.Message, oneof protoreflect.Name) string {
	if !message.IsValid() {
		return ""
	}
	if field := message.WhichOneof(message.Descriptor().Oneofs().ByName(oneof)); field != nil {
		return string(field.Name())
	}
	return ""
}
