"""Failed calls raise the exception of their status code, with the server's ErrorDetail."""

import pytest
from support import new_session_id, prompt

from warren_client import (
    Client,
    DeadlineExceededError,
    InvalidArgumentError,
    NotFoundError,
    OutOfRangeError,
    StatusCode,
    UnauthenticatedError,
    UnavailableError,
    UnimplementedError,
)
from warren_client import messages as pb


def test_unknown_session_is_not_found_with_detail(client):
    session = new_session_id()
    with pytest.raises(NotFoundError) as caught:
        client.sessions.accept_input(session_id=session, input=prompt("anyone?"))
    error = caught.value
    assert error.code is StatusCode.NOT_FOUND
    assert error.kind == "ERROR_KIND_NOT_FOUND"
    assert error.detail.runtime_state == pb.RUNTIME_STATE_DESTROYED
    assert "destroyed" in error.message


def test_unknown_input_is_not_found_naming_it(client):
    session = new_session_id()
    client.adapter.register_session(session_id=session)
    input_id = new_session_id()
    with pytest.raises(NotFoundError) as caught:
        client.adapter.await_completion(session_id=session, input_id=input_id)
    assert caught.value.kind == "ERROR_KIND_INPUT_NOT_FOUND"
    assert caught.value.detail.input_id == input_id


def test_deadline_exceeded_while_awaiting_a_queued_input(client):
    session = new_session_id()
    client.adapter.register_session(session_id=session)  # no executor: the input stays queued
    input_id = client.sessions.accept_input(session_id=session, input=prompt("waits")).outcome.accepted.input_id
    with pytest.raises(DeadlineExceededError):
        client.adapter.await_completion(session_id=session, input_id=input_id, timeout=0.3)
    # The connection is still good for other calls.
    assert client.sessions.list_active_inputs(session_id=session).input_ids == [input_id]


def test_malformed_session_id_is_invalid_argument(client):
    with pytest.raises(InvalidArgumentError):
        client.sessions.accept_input(session_id="not-a-uuid", input=prompt("x"))


def test_position_past_the_head_is_out_of_range(client):
    with pytest.raises(OutOfRangeError) as caught:
        list(client.events.subscribe(after_position=1 << 60))
    assert caught.value.kind == "ERROR_KIND_POSITION_OUT_OF_RANGE"


def test_unknown_method_is_unimplemented(client):
    with pytest.raises(UnimplementedError):
        client.call_raw("/warren.v1.Health/NoSuchMethod")


def test_wrong_token_is_unauthenticated(token_server):
    address, token = token_server
    with Client(address, token=f"{token}-wrong", timeout=30) as wrong:
        with pytest.raises(UnauthenticatedError):
            wrong.health.check()
    with Client(address, timeout=30) as missing:
        with pytest.raises(UnauthenticatedError):
            missing.health.check()
    with Client(address, token=token, timeout=30) as right:
        assert right.health.check().status == pb.SERVING_STATUS_SERVING


def test_nothing_listening_is_unavailable():
    with Client("127.0.0.1:1", timeout=5) as nowhere:
        with pytest.raises(UnavailableError):
            nowhere.health.check()
