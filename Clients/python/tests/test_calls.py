"""Calls over real TCP against a live warrend: unary, server streaming, bidirectional, multiplexing,
flow control and compression."""

import gc
import threading
import time

from support import echo_session, new_session_id, prompt

from warren_client import Client, ConnectionOptions
from warren_client import messages as pb


def subscription(session: str) -> pb.SubscribeRequest:
    """Every event of one session, from the beginning of the log."""
    return pb.SubscribeRequest(filter=pb.EventFilter(runtime_ids=[session]), beginning=pb.SubscribeFromBeginning())


def test_health_check(client):
    assert client.health.check().status == pb.SERVING_STATUS_SERVING


def test_ingest_and_await_with_the_echo_executor(client):
    session = echo_session(client)
    outcome = client.sessions.accept_input(session_id=session, input=prompt("hello, warren")).outcome
    assert outcome.WhichOneof("outcome") == "accepted"
    done = client.adapter.await_completion(session_id=session, input_id=outcome.accepted.input_id)
    assert done.outcome.completed.run_result.text == "hello, warren"
    assert done.state.current_state == pb.INPUT_LIFECYCLE_STATE_CONSUMED


def test_request_message_or_fields(client):
    session = new_session_id()
    by_message = client.adapter.register_session(pb.RegisterSessionRequest(session_id=session))
    by_fields = client.adapter.register_session(session_id=session)
    assert (by_message.created, by_fields.created) == (True, False)


def test_server_stream_yields_outcome_then_completion(client):
    session = echo_session(client)
    items = list(client.sessions.accept_input_with_completion(session_id=session, input=prompt("streamed")))
    assert [item.WhichOneof("item") for item in items] == ["accept_outcome", "completion"]
    assert items[1].completion.completed.run_result.text == "streamed"


def test_bidirectional_call_the_caller_runs_the_input(client):
    session = new_session_id()
    client.adapter.register_session(session_id=session)
    call = client.adapter.accept_input_and_run()
    call.send(pb.AcceptInputAndRunRequest(start=pb.AcceptInputAndRunStart(session_id=session, input=prompt("by hand"))))
    finished = None
    for response in call:
        kind = response.WhichOneof("item")
        if kind == "assignment":
            assignment = response.assignment
            outcome = pb.RunOutcome(
                session_id=assignment.session_id,
                run_id=assignment.run_id,
                assignment_seq=assignment.assignment_seq,
                completed=pb.RunOutcomeCompleted(run_result=pb.RunResult(text="python ran it")),
            )
            call.send(pb.AcceptInputAndRunRequest(outcome=outcome))
        elif kind == "finished":
            finished = response.finished
    assert finished is not None and finished.input_state == pb.INPUT_LIFECYCLE_STATE_CONSUMED
    assert finished.receipt.run_id == finished.run_id


def test_many_threads_share_one_connection(client):
    """32 threads each stream an accept-with-completion over the one connection; every input completes."""
    session = echo_session(client)
    echoed, failures = [], []

    def accept_and_complete(index: int) -> None:
        try:
            stream = client.sessions.accept_input_with_completion(session_id=session, input=prompt(f"call {index}"))
            items = list(stream)
            # The echo executor may run several queued inputs in one run, echoing one line per input.
            echoed.extend(items[-1].completion.completed.run_result.text.split("\n"))
        except Exception as error:  # collected, asserted below
            failures.append(error)

    connection = client._connected()
    threads = [threading.Thread(target=accept_and_complete, args=(i,)) for i in range(32)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert {f"call {i}" for i in range(32)} <= set(echoed)
    assert client._connected() is connection


def test_small_receive_window_needs_window_updates(server):
    """With a 1 KiB stream window the server stops after each KiB until the client returns credit."""
    address, token = server
    options = ConnectionOptions(stream_window=1024, connection_window=2048)
    with Client(address, token=token, timeout=30, options=options) as small:
        session = echo_session(small)
        for index in range(20):
            text = f"event {index} " + "x" * 200
            list(small.sessions.accept_input_with_completion(session_id=session, input=prompt(text)))
        request = subscription(session)
        with small.events.subscribe(request) as stream:
            envelopes = 0
            for item in stream:
                if item.WhichOneof("item") == "caught_up":
                    break
                envelopes += 1
        assert envelopes > 100  # far more than 1 KiB of events went through the 1 KiB window


def test_deflate_compression(server):
    address, token = server
    with Client(address, token=token, timeout=30, compression=True) as compressed:
        assert "deflate" in compressed.server_settings.supported_encodings
        session = echo_session(compressed)
        text = "compress me " * 1000
        items = list(compressed.sessions.accept_input_with_completion(session_id=session, input=prompt(text)))
        assert items[1].completion.completed.run_result.text == text


def test_closing_a_subscription_cancels_it_on_the_server(client):
    session = echo_session(client)
    request = subscription(session)
    before = client.health.server_info().subscribers
    stream = client.events.subscribe(request)
    first = next(stream)
    assert first.WhichOneof("item") == "envelope"
    assert client.health.server_info().subscribers == before + 1
    stream.close()
    # The server ends the subscription once the CANCEL frame arrives; poll for it (no timing assertion).
    for _ in range(400):
        if client.health.server_info().subscribers == before:
            break
        time.sleep(0.025)
    assert client.health.server_info().subscribers == before
    assert stream.done


def test_a_dropped_subscription_is_cancelled_too(client):
    session = echo_session(client)
    request = subscription(session)
    before = client.health.server_info().subscribers
    stream = client.events.subscribe(request)
    assert next(stream).WhichOneof("item") == "envelope"
    del stream
    gc.collect()
    for _ in range(400):
        if client.health.server_info().subscribers == before:
            break
        time.sleep(0.025)
    assert client.health.server_info().subscribers == before
