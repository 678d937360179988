/*
 * test_live.c — the C client against the live warrend at $WARREN_ADDRESS (token $WARREN_TOKEN) over real
 * TCP: happy paths, then error paths: NOT_FOUND with its ErrorDetail, UNIMPLEMENTED, a passed deadline, a
 * cancelled stream, a refused connection. test_private.c starts servers of its own. No test asserts on
 * timing.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include "harness.h"
#include "warren_client.h"

static const char *shared_address;

static warren_client *client;

/** A fresh random (version 4) UUID to name a session. */
static void new_session_id(char *id) {
    unsigned char b[16] = {0};
    FILE *random = fopen("/dev/urandom", "rb");
    CHECK(random != NULL && fread(b, 1, sizeof b, random) == sizeof b);
    if (random != NULL) fclose(random);
    b[6] = (unsigned char)((b[6] & 0x0F) | 0x40);
    b[8] = (unsigned char)((b[8] & 0x3F) | 0x80);
    snprintf(id, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3],
             b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

/** Checks a call's code, printing the status when it differs. */
static int expect_code(int code, warren_code expected, const warren_status *status) {
    if (code == (int)expected) return 1;
    char why[512];
    snprintf(why, sizeof why, "expected %s, got %s: %s", warren_code_name(expected), warren_code_name(code),
             status->message ? status->message : "");
    CHECK_WHY(code == (int)expected, why);
    return 0;
}

/** A session with the built-in `executor` and one accepted prompt; the input id is malloc'd. */
static char *session_with_prompt(const char *executor, char *session, const char *text, warren_status *status) {
    new_session_id(session);
    char *input = NULL;
    if (!expect_code(warren_ensure_session(client, session, executor, status), WARREN_OK, status)) return NULL;
    if (!expect_code(warren_accept_prompt(client, session, text, &input, status), WARREN_OK, status)) return NULL;
    return input;
}

/** Whether an awaited input completed with the run's result `text` (D93: even when the await lands
    while the run's boundary is being committed). */
static int completed_with(const Warren__V1__CompletionOutcome *outcome, const char *text) {
    return outcome->outcome_case == WARREN__V1__COMPLETION_OUTCOME__OUTCOME_COMPLETED &&
           strcmp(outcome->completed->run_result->text, text) == 0;
}

static void health_check_serves(void) {
    warren_status status = WARREN_STATUS_INIT;
    Warren__V1__HealthCheckRequest request = WARREN__V1__HEALTH_CHECK_REQUEST__INIT;
    Warren__V1__HealthCheckResponse *response = NULL;
    if (expect_code(warren_health_check(client, &request, &response, NULL, &status), WARREN_OK, &status)) {
        CHECK(response->status == WARREN__V1__SERVING_STATUS__SERVING_STATUS_SERVING);
        warren__v1__health_check_response__free_unpacked(response, NULL);
    }
    warren_status_clear(&status);
}

static void invoke_finds_method_by_service_descriptor(void) {
    warren_status status = WARREN_STATUS_INIT;
    Warren__V1__ServerInfoRequest request = WARREN__V1__SERVER_INFO_REQUEST__INIT;
    ProtobufCMessage *response = NULL;
    int code = warren_invoke(client, warren_service("warren.v1.Health"), "ServerInfo", &request.base, &response, NULL,
                             &status);
    if (expect_code(code, WARREN_OK, &status)) {
        Warren__V1__ServerInfoResponse *info = (Warren__V1__ServerInfoResponse *)response;
        CHECK(info->protocol_version == 1);
        CHECK(info->open_connections >= 1);
        protobuf_c_message_free_unpacked(response, NULL);
    }
    Warren__V1__HealthCheckRequest wrong = WARREN__V1__HEALTH_CHECK_REQUEST__INIT;
    code = warren_invoke(client, &warren__v1__health__descriptor, "ServerInfo", &wrong.base, &response, NULL, &status);
    expect_code(code, WARREN_INVALID_ARGUMENT, &status);
    code = warren_invoke(client, &warren__v1__health__descriptor, "Nope", &request.base, &response, NULL, &status);
    expect_code(code, WARREN_INVALID_ARGUMENT, &status);
    warren_status_clear(&status);
}

static void prompt_completes_through_echo_executor(void) {
    warren_status status = WARREN_STATUS_INIT;
    char session[37];
    char *input = session_with_prompt("echo", session, "hello from C", &status);
    Warren__V1__AwaitCompletionResponse *done = NULL;
    if (input != NULL && expect_code(warren_await_input(client, session, input, &done, &status), WARREN_OK, &status)) {
        CHECK(completed_with(done->outcome, "hello from C"));
        CHECK(done->state->current_state == WARREN__V1__INPUT_LIFECYCLE_STATE__INPUT_LIFECYCLE_STATE_CONSUMED);
        CHECK(strcmp(done->state->input_id, input) == 0);
        warren__v1__await_completion_response__free_unpacked(done, NULL);
    }
    free(input);
    warren_status_clear(&status);
}

static void control_plane_ingest_accepts_by_runtime_id(void) {
    warren_status status = WARREN_STATUS_INIT;
    char session[37];
    new_session_id(session);
    expect_code(warren_ensure_session(client, session, "echo", &status), WARREN_OK, &status);
    Warren__V1__PromptInput prompt = WARREN__V1__PROMPT_INPUT__INIT;
    prompt.text = "by runtime id";
    Warren__V1__Input input = WARREN__V1__INPUT__INIT;
    input.variant_case = WARREN__V1__INPUT__VARIANT_PROMPT;
    input.prompt = &prompt;
    Warren__V1__IngestRequest request = WARREN__V1__INGEST_REQUEST__INIT;
    request.runtime_id = session;
    request.input = &input;
    Warren__V1__IngestResponse *response = NULL;
    if (expect_code(warren_ingest(client, &request, &response, NULL, &status), WARREN_OK, &status)) {
        CHECK(response->outcome->outcome_case == WARREN__V1__ACCEPT_OUTCOME__OUTCOME_ACCEPTED);
        Warren__V1__AwaitCompletionResponse *done = NULL;
        if (expect_code(warren_await_input(client, session, response->outcome->accepted->input_id, &done, &status),
                        WARREN_OK, &status)) {
            CHECK(completed_with(done->outcome, "by runtime id"));
            warren__v1__await_completion_response__free_unpacked(done, NULL);
        }
        warren__v1__ingest_response__free_unpacked(response, NULL);
    }
    warren_status_clear(&status);
}

static void accept_with_completion_streams_outcome_then_completion(void) {
    warren_status status = WARREN_STATUS_INIT;
    char session[37];
    new_session_id(session);
    expect_code(warren_ensure_session(client, session, "echo", &status), WARREN_OK, &status);
    Warren__V1__PromptInput prompt = WARREN__V1__PROMPT_INPUT__INIT;
    prompt.text = "streamed";
    Warren__V1__Input input = WARREN__V1__INPUT__INIT;
    input.variant_case = WARREN__V1__INPUT__VARIANT_PROMPT;
    input.prompt = &prompt;
    Warren__V1__AcceptInputWithCompletionRequest request = WARREN__V1__ACCEPT_INPUT_WITH_COMPLETION_REQUEST__INIT;
    request.session_id = session;
    request.input = &input;
    warren_stream *stream = NULL;
    if (!expect_code(warren_accept_input_with_completion(client, &request, NULL, &stream, &status), WARREN_OK, &status)) {
        return warren_status_clear(&status);
    }
    Warren__V1__AcceptInputWithCompletionResponse *item = NULL;
    int items = 0;
    while (warren_stream_next(stream, (ProtobufCMessage **)&item, &status) == WARREN_STREAM_MESSAGE) {
        items++;
        if (items == 1) {
            CHECK(item->item_case == WARREN__V1__ACCEPT_INPUT_WITH_COMPLETION_RESPONSE__ITEM_ACCEPT_OUTCOME);
            CHECK(item->completion_follows);
        } else {
            CHECK(item->item_case == WARREN__V1__ACCEPT_INPUT_WITH_COMPLETION_RESPONSE__ITEM_COMPLETION);
            CHECK(strcmp(item->completion->completed->run_result->text, "streamed") == 0);
        }
        warren__v1__accept_input_with_completion_response__free_unpacked(item, NULL);
    }
    CHECK(items == 2);
    expect_code(status.code, WARREN_OK, &status);
    warren_stream_close(stream);
    warren_status_clear(&status);
}

static void unknown_session_is_not_found_with_detail(void) {
    warren_status status = WARREN_STATUS_INIT;
    char session[37];
    new_session_id(session);
    Warren__V1__SessionRuntimeStateRequest request = WARREN__V1__SESSION_RUNTIME_STATE_REQUEST__INIT;
    request.session_id = session;
    Warren__V1__SessionRuntimeStateResponse *response = NULL;
    int code = warren_session_runtime_state(client, &request, &response, NULL, &status);
    if (expect_code(code, WARREN_NOT_FOUND, &status) && CHECK(status.detail != NULL)) {
        CHECK(status.detail->kind == WARREN__V1__ERROR_KIND__ERROR_KIND_NOT_FOUND);
        CHECK(status.detail->runtime_state == WARREN__V1__RUNTIME_STATE__RUNTIME_STATE_DESTROYED);
        CHECK(strlen(status.message) > 0);
    }
    CHECK(response == NULL);
    warren_status_clear(&status);
}

static void unknown_input_is_not_found_naming_it(void) {
    warren_status status = WARREN_STATUS_INIT;
    char session[37];
    new_session_id(session);
    expect_code(warren_ensure_session(client, session, "echo", &status), WARREN_OK, &status);
    const char *input = "0192d8e0-0000-7000-8000-000000000000";
    Warren__V1__AwaitCompletionResponse *done = NULL;
    int code = warren_await_input(client, session, input, &done, &status);
    /* The server names the input in the message; it sends no ErrorDetail for this case (yet). */
    if (expect_code(code, WARREN_NOT_FOUND, &status)) {
        CHECK(strstr(status.message, input) != NULL);
        if (status.detail != NULL) CHECK(status.detail->kind == WARREN__V1__ERROR_KIND__ERROR_KIND_INPUT_NOT_FOUND);
    }
    warren_status_clear(&status);
}

static void unknown_method_is_unimplemented(void) {
    warren_status status = WARREN_STATUS_INIT;
    Warren__V1__HealthCheckRequest request = WARREN__V1__HEALTH_CHECK_REQUEST__INIT;
    ProtobufCMessage *response = NULL;
    int code = warren_call(client, "/warren.v1.Health/NoSuchMethod", &request.base,
                           &warren__v1__health_check_response__descriptor, &response, NULL, &status);
    expect_code(code, WARREN_UNIMPLEMENTED, &status);
    CHECK(status.message != NULL && strstr(status.message, "NoSuchMethod") != NULL);
    code = warren_call(client, "no-slash", &request.base, &warren__v1__health_check_response__descriptor, &response,
                       NULL, &status);
    expect_code(code, WARREN_INVALID_ARGUMENT, &status);
    warren_status_clear(&status);
}

static void passed_deadline_is_deadline_exceeded(void) {
    warren_status status = WARREN_STATUS_INIT;
    char session[37];
    new_session_id(session);
    Warren__V1__RegisterSessionRequest register_request = WARREN__V1__REGISTER_SESSION_REQUEST__INIT;
    register_request.session_id = session;
    Warren__V1__RegisterSessionResponse *registered = NULL;
    expect_code(warren_register_session(client, &register_request, &registered, NULL, &status), WARREN_OK, &status);
    if (registered != NULL) warren__v1__register_session_response__free_unpacked(registered, NULL);
    char *input = NULL; /* no executor: the input stays queued and never completes */
    expect_code(warren_accept_prompt(client, session, "never runs", &input, &status), WARREN_OK, &status);
    Warren__V1__AwaitCompletionRequest request = WARREN__V1__AWAIT_COMPLETION_REQUEST__INIT;
    request.session_id = session;
    request.input_id = input ? input : "";
    Warren__V1__AwaitCompletionResponse *done = NULL;
    warren_call_options short_deadline = {.timeout_ms = 200};
    expect_code(warren_await_completion(client, &request, &done, &short_deadline, &status), WARREN_DEADLINE_EXCEEDED,
                &status);
    CHECK(done == NULL);
    free(input);
    warren_status_clear(&status);
    health_check_serves(); /* the connection carries on */
}

/** Opens a subscription to `session`'s events from the beginning. */
static warren_stream *subscribe_from_beginning(const char *session, warren_status *status) {
    char *runtime_ids[] = {(char *)session};
    Warren__V1__EventFilter filter = WARREN__V1__EVENT_FILTER__INIT;
    filter.n_runtime_ids = 1;
    filter.runtime_ids = runtime_ids;
    Warren__V1__SubscribeFromBeginning beginning = WARREN__V1__SUBSCRIBE_FROM_BEGINNING__INIT;
    Warren__V1__SubscribeRequest request = WARREN__V1__SUBSCRIBE_REQUEST__INIT;
    request.filter = &filter;
    request.start_case = WARREN__V1__SUBSCRIBE_REQUEST__START_BEGINNING;
    request.beginning = &beginning;
    warren_stream *stream = NULL;
    expect_code(warren_subscribe(client, &request, NULL, &stream, status), WARREN_OK, status);
    return stream;
}

static void cancelled_stream_ends_cancelled_and_connection_carries_on(void) {
    warren_status status = WARREN_STATUS_INIT;
    char session[37];
    char *input = session_with_prompt("echo", session, "to be followed", &status);
    free(input);
    warren_stream *stream = subscribe_from_beginning(session, &status);
    if (stream == NULL) return warren_status_clear(&status);
    ProtobufCMessage *item = NULL;
    CHECK(warren_stream_next(stream, &item, &status) == WARREN_STREAM_MESSAGE);
    protobuf_c_message_free_unpacked(item, NULL);
    warren_stream_cancel(stream);
    CHECK(warren_stream_next(stream, &item, &status) == WARREN_STREAM_END);
    expect_code(status.code, WARREN_CANCELLED, &status);
    warren_stream_close(stream);
    warren_status_clear(&status);
    health_check_serves();
}

static void waiting_on_a_live_stream_leaves_it_open(void) {
    warren_status status = WARREN_STATUS_INIT;
    char session[37];
    char *input = session_with_prompt("echo", session, "then silence", &status);
    free(input);
    warren_stream *stream = subscribe_from_beginning(session, &status);
    if (stream == NULL) return warren_status_clear(&status);
    Warren__V1__SubscribeResponse *item = NULL;
    int caught_up = 0;
    while (!caught_up && warren_stream_next(stream, (ProtobufCMessage **)&item, &status) == WARREN_STREAM_MESSAGE) {
        caught_up = item->item_case == WARREN__V1__SUBSCRIBE_RESPONSE__ITEM_CAUGHT_UP;
        warren__v1__subscribe_response__free_unpacked(item, NULL);
    }
    CHECK(caught_up);
    CHECK(warren_stream_next_within(stream, 50, (ProtobufCMessage **)&item, &status) == WARREN_STREAM_WAITING);
    health_check_serves(); /* a unary call beside the open stream */
    warren_stream_close(stream);
    warren_status_clear(&status);
}

/** Publishes `count` events of `size` payload bytes into `session`. */
static void publish_events(const char *session, int count, size_t size, warren_status *status) {
    uint8_t *payload = calloc(1, size);
    for (int i = 0; i < count; i++) {
        Warren__V1__PublishedEvent published = WARREN__V1__PUBLISHED_EVENT__INIT;
        published.code = "c.test.bulk";
        published.payload.len = size;
        published.payload.data = payload;
        Warren__V1__RuntimeEvent event = WARREN__V1__RUNTIME_EVENT__INIT;
        event.event_case = WARREN__V1__RUNTIME_EVENT__EVENT_PUBLISHED;
        event.published = &published;
        Warren__V1__RuntimeEventEnvelope envelope = WARREN__V1__RUNTIME_EVENT_ENVELOPE__INIT;
        envelope.runtime_id = (char *)session;
        envelope.event = &event;
        Warren__V1__PublishEventRequest request = WARREN__V1__PUBLISH_EVENT_REQUEST__INIT;
        request.envelope = &envelope;
        Warren__V1__PublishEventResponse *response = NULL;
        if (!expect_code(warren_publish_event(client, &request, &response, NULL, status), WARREN_OK, status)) break;
        warren__v1__publish_event_response__free_unpacked(response, NULL);
    }
    free(payload);
}

static void flow_control_carries_more_than_the_windows(void) {
    enum { EVENTS = 100, SIZE = 64 * 1024 }; /* 6.4 MiB: over the 1 MiB stream and 4 MiB connection windows */
    warren_status status = WARREN_STATUS_INIT;
    char session[37];
    new_session_id(session);
    expect_code(warren_ensure_session(client, session, "echo", &status), WARREN_OK, &status);
    publish_events(session, EVENTS, SIZE, &status);
    warren_stream *stream = subscribe_from_beginning(session, &status);
    if (stream == NULL) return warren_status_clear(&status);
    Warren__V1__SubscribeResponse *item = NULL;
    int published = 0;
    int caught_up = 0;
    uint64_t last_position = 0;
    int ordered = 1;
    while (!caught_up && warren_stream_next(stream, (ProtobufCMessage **)&item, &status) == WARREN_STREAM_MESSAGE) {
        if (item->item_case == WARREN__V1__SUBSCRIBE_RESPONSE__ITEM_ENVELOPE) {
            ordered &= item->envelope->position > last_position;
            last_position = item->envelope->position;
            published += item->envelope->event->event_case == WARREN__V1__RUNTIME_EVENT__EVENT_PUBLISHED &&
                         item->envelope->event->published->payload.len == SIZE;
        }
        caught_up = item->item_case == WARREN__V1__SUBSCRIBE_RESPONSE__ITEM_CAUGHT_UP;
        warren__v1__subscribe_response__free_unpacked(item, NULL);
    }
    CHECK(caught_up);
    CHECK(ordered);
    CHECK(published == EVENTS);
    warren_stream_close(stream);
    warren_status_clear(&status);
}

static void refused_connection_is_unavailable(void) {
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t length = sizeof address;
    bind(listener, (struct sockaddr *)&address, sizeof address);
    getsockname(listener, (struct sockaddr *)&address, &length);
    close(listener); /* nothing listens on the port any more */
    char text[64];
    snprintf(text, sizeof text, "127.0.0.1:%u", (unsigned)ntohs(address.sin_port));
    warren_status status = WARREN_STATUS_INIT;
    warren_options options = {.address = text, .connect_timeout_ms = 5000};
    warren_client *refused = NULL;
    expect_code(warren_connect(&options, &refused, &status), WARREN_UNAVAILABLE, &status);
    CHECK(refused == NULL);
    options.address = "no-port";
    expect_code(warren_connect(&options, &refused, &status), WARREN_INVALID_ARGUMENT, &status);
    warren_status_clear(&status);
}

int main(void) {
    shared_address = getenv("WARREN_ADDRESS");
    if (shared_address == NULL) {
        fprintf(stderr, "test_live: set WARREN_ADDRESS=host:port of a running warrend\n");
        return 2;
    }
    warren_status status = WARREN_STATUS_INIT;
    warren_options options = {.address = shared_address, .bearer_token = getenv("WARREN_TOKEN"), .call_timeout_ms = 30000};
    if (warren_connect(&options, &client, &status) != WARREN_OK) {
        printf("cannot connect to %s: %s\n0 passed, 1 failed\n", shared_address, status.message);
        warren_status_clear(&status);
        return 1;
    }
    RUN_TEST(health_check_serves);
    RUN_TEST(invoke_finds_method_by_service_descriptor);
    RUN_TEST(prompt_completes_through_echo_executor);
    RUN_TEST(control_plane_ingest_accepts_by_runtime_id);
    RUN_TEST(accept_with_completion_streams_outcome_then_completion);
    RUN_TEST(unknown_session_is_not_found_with_detail);
    RUN_TEST(unknown_input_is_not_found_naming_it);
    RUN_TEST(unknown_method_is_unimplemented);
    RUN_TEST(passed_deadline_is_deadline_exceeded);
    RUN_TEST(cancelled_stream_ends_cancelled_and_connection_carries_on);
    RUN_TEST(waiting_on_a_live_stream_leaves_it_open);
    RUN_TEST(flow_control_carries_more_than_the_windows);
    RUN_TEST(refused_connection_is_unavailable);
    warren_close(client);
    return harness_summary();
}
