package warren_test

import (
	"testing"

	"google.golang.org/protobuf/proto"

	warren "warren.dev/warren/clients/go"
	"warren.dev/warren/clients/go/warrenpb"
)

func TestExecutorRefNamesBuiltinsAndRemotes(t *testing.T) {
	builtin := func(kind warrenpb.BuiltinExecutorKind, failures uint32) *warrenpb.ExecutorRef {
		return &warrenpb.ExecutorRef{Target: &warrenpb.ExecutorRef_Builtin{Builtin: &warrenpb.BuiltinExecutor{Kind: kind, FailCount: failures}}}
	}
	remote := func(name string) *warrenpb.ExecutorRef {
		return &warrenpb.ExecutorRef{Target: &warrenpb.ExecutorRef_Remote{Remote: &warrenpb.RemoteExecutorRef{ExecutorName: name}}}
	}
	cases := map[string]*warrenpb.ExecutorRef{
		"echo":   builtin(warrenpb.BuiltinExecutorKind_BUILTIN_EXECUTOR_KIND_ECHO, 0),
		"sleep":  builtin(warrenpb.BuiltinExecutorKind_BUILTIN_EXECUTOR_KIND_SLEEP, 0),
		"fail":   builtin(warrenpb.BuiltinExecutorKind_BUILTIN_EXECUTOR_KIND_FAIL, 0),
		"fail:3": builtin(warrenpb.BuiltinExecutorKind_BUILTIN_EXECUTOR_KIND_FAIL, 3),
		"fail:x": remote("fail:x"),
		"worker": remote("worker"),
		"echo2":  remote("echo2"),
	}
	for name, want := range cases {
		if got := warren.ExecutorRef(name); !proto.Equal(got, want) {
			t.Errorf("%s: got %v, want %v", name, got, want)
		}
	}
}

func TestKindsNameTheOneofMember(t *testing.T) {
	envelope := &warrenpb.RuntimeEventEnvelope{Event: &warrenpb.RuntimeEvent{Event: &warrenpb.RuntimeEvent_InputAccepted{InputAccepted: &warrenpb.InputAcceptedEvent{}}}}
	if kind := warren.EventKind(envelope); kind != "input_accepted" {
		t.Errorf("EventKind: %q", kind)
	}
	if kind := warren.EventKind(&warrenpb.RuntimeEventEnvelope{}); kind != "" {
		t.Errorf("EventKind of no event: %q", kind)
	}
	abandoned := &warrenpb.CompletionOutcome{Outcome: &warrenpb.CompletionOutcome_Abandoned{Abandoned: &warrenpb.CompletionOutcomeAbandoned{}}}
	if kind := warren.CompletionKind(abandoned); kind != "abandoned" {
		t.Errorf("CompletionKind: %q", kind)
	}
}

func TestCodeOfAndErrorText(t *testing.T) {
	err := &warren.Error{Code: warren.NotFound, Message: "no such session"}
	if warren.CodeOf(err) != warren.NotFound || err.Error() != "NOT_FOUND: no such session" || warren.CodeOf(nil) != warren.OK {
		t.Fatalf("CodeOf/Error: %v", err)
	}
	if warren.Code(16).String() != "UNAUTHENTICATED" || warren.Code(99).String() != "CODE_99" {
		t.Fatal("code names")
	}
}
