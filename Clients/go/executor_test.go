package warren_test

import (
	"io"
	"testing"

	warren "warren.dev/warren/clients/go"
	"warren.dev/warren/clients/go/warrenpb"
)

// TestRemoteExecutorOverAttach runs a session's input through an executor attached from Go over the
// bidirectional Executor.Attach stream: hello, welcome, an assignment, its outcome, then a detach and
// the request side closed (the COMPRESSED | END_STREAM marker).
func TestRemoteExecutorOverAttach(t *testing.T) {
	client := liveClient(t, warren.Options{})
	ctx := testContext(t)
	name := "go-test-" + newUUID()
	attach, err := client.Executor().Attach(ctx)
	if err != nil {
		t.Fatal(err)
	}
	hello := &warrenpb.ExecutorAttachRequest{Item: &warrenpb.ExecutorAttachRequest_Hello{Hello: &warrenpb.ExecutorHello{ExecutorName: name}}}
	if err := attach.Send(hello); err != nil {
		t.Fatal(err)
	}
	if welcome, err := attach.Recv(); err != nil || welcome.GetWelcome().GetExecutorName() != name {
		t.Fatalf("welcome: %v, %v", welcome, err)
	}
	session := newUUID()
	remote := &warrenpb.ExecutorRef{Target: &warrenpb.ExecutorRef_Remote{Remote: &warrenpb.RemoteExecutorRef{ExecutorName: name}}}
	if _, err := client.RuntimeSessionAdapter().EnsureSessionWithExecutor(ctx, &warrenpb.EnsureSessionWithExecutorRequest{SessionId: session, Executor: remote}); err != nil {
		t.Fatal(err)
	}
	completion, err := client.SessionServiceRuntimeExt().AcceptInputWithCompletion(ctx, &warrenpb.AcceptInputWithCompletionRequest{SessionId: session, Input: prompt("run me remotely")})
	if err != nil {
		t.Fatal(err)
	}
	if accepted, err := completion.Recv(); err != nil || accepted.GetAcceptOutcome().GetAccepted() == nil {
		t.Fatalf("accept: %v, %v", accepted, err)
	}

	assigned, err := attach.Recv()
	assignment := assigned.GetAssignment()
	if err != nil || assignment == nil || assignment.GetInputs()[0].GetPrompt().GetText() != "run me remotely" {
		t.Fatalf("assignment: %v, %v", assigned, err)
	}
	result := &warrenpb.RunOutcomeCompleted{Terminal: &warrenpb.RunOutcomeCompleted_RunResult{RunResult: &warrenpb.RunResult{Text: "remote: run me remotely"}}}
	outcome := &warrenpb.RunOutcome{SessionId: session, RunId: assignment.RunId, AssignmentSeq: assignment.AssignmentSeq, Outcome: &warrenpb.RunOutcome_Completed{Completed: result}}
	if err := attach.Send(&warrenpb.ExecutorAttachRequest{Item: &warrenpb.ExecutorAttachRequest_Outcome{Outcome: outcome}}); err != nil {
		t.Fatal(err)
	}
	done, err := completion.Recv()
	if err != nil || done.GetCompletion().GetCompleted().GetRunResult().GetText() != "remote: run me remotely" {
		t.Fatalf("completion: %v, %v", done, err)
	}

	detach := &warrenpb.ExecutorAttachRequest{Item: &warrenpb.ExecutorAttachRequest_Detach{Detach: &warrenpb.ExecutorDetach{Reason: "test over"}}}
	if err := attach.Send(detach); err != nil {
		t.Fatal(err)
	}
	if err := attach.CloseSend(); err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := attach.Recv(); err != nil {
			if err != io.EOF {
				t.Fatalf("the attachment should end OK after a detach: %v", err)
			}
			break
		}
	}
}
