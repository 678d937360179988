/*
 * quickstart.c — connect, make a session run by the built-in echo executor, ingest a prompt, await its
 * completion, then follow the session's events from the beginning until the stream has caught up.
 *
 *   build/quickstart [host:port]      (default: $WARREN_ADDRESS, else 127.0.0.1:7433; token: $WARREN_TOKEN)
 *
 * The lines between readme:begin and readme:end are the C client README's example, word for word;
 * ci.sh checks that they still match and runs this program.
 */
#include <stdio.h>
#include <stdlib.h>

#include "warren_client.h"

/** Prints a failed call's status and returns the exit status 1. */
static int fail(const char *what, warren_status *status) {
    fprintf(stderr, "%s: %s %s\n", what, warren_code_name(status->code), status->message ? status->message : "");
    warren_status_clear(status);
    return 1;
}

/** The name of an event's oneof case, e.g. "input_accepted". */
static const char *event_name(const Warren__V1__RuntimeEvent *event) {
    const ProtobufCFieldDescriptor *field =
        protobuf_c_message_descriptor_get_field(&warren__v1__runtime_event__descriptor, (unsigned)event->event_case);
    return field != NULL ? field->name : "unknown";
}

/** Prints the session's events from the beginning, stopping at the CaughtUp marker. */
static int print_events(warren_client *client, const char *session, warren_status *status) {
    char *runtime_ids[] = {(char *)session};
    Warren__V1__EventFilter filter = WARREN__V1__EVENT_FILTER__INIT;
    filter.n_runtime_ids = 1;
    filter.runtime_ids = runtime_ids;
    Warren__V1__SubscribeFromBeginning beginning = WARREN__V1__SUBSCRIBE_FROM_BEGINNING__INIT;
    Warren__V1__SubscribeRequest request = WARREN__V1__SUBSCRIBE_REQUEST__INIT;
    request.filter = &filter;
    request.start_case = WARREN__V1__SUBSCRIBE_REQUEST__START_BEGINNING;
    request.beginning = &beginning;
    warren_stream *events = NULL;
    if (warren_subscribe(client, &request, NULL, &events, status) != WARREN_OK) return fail("subscribe", status);
    Warren__V1__SubscribeResponse *item = NULL;
    int caught_up = 0;
    while (!caught_up && warren_stream_next(events, (ProtobufCMessage **)&item, status) == WARREN_STREAM_MESSAGE) {
        if (item->item_case == WARREN__V1__SUBSCRIBE_RESPONSE__ITEM_ENVELOPE) {
            printf("event %llu %s\n", (unsigned long long)item->envelope->position, event_name(item->envelope->event));
        }
        caught_up = item->item_case == WARREN__V1__SUBSCRIBE_RESPONSE__ITEM_CAUGHT_UP;
        warren__v1__subscribe_response__free_unpacked(item, NULL);
    }
    warren_stream_close(events);
    if (!caught_up) return fail("events", status);
    printf("caught up\n");
    return 0;
}

int main(int argc, char **argv) {
    const char *address = argc > 1 ? argv[1] : getenv("WARREN_ADDRESS") ? getenv("WARREN_ADDRESS") : "127.0.0.1:7433";
    const char *session = "0192d8e0-5b7c-7cc2-8d1e-6f5a4b3c2d10";
    /* readme:begin */
    warren_status status = WARREN_STATUS_INIT;
    warren_options options = {.address = address, .bearer_token = getenv("WARREN_TOKEN"), .call_timeout_ms = 10000};
    warren_client *client = NULL;
    char *input = NULL;
    Warren__V1__AwaitCompletionResponse *done = NULL;
    if (warren_connect(&options, &client, &status) != WARREN_OK) return fail("connect", &status);
    if (warren_ensure_session(client, session, "echo", &status) != WARREN_OK ||
        warren_accept_prompt(client, session, "hello, warren", &input, &status) != WARREN_OK ||
        warren_await_input(client, session, input, &done, &status) != WARREN_OK) {
        warren_close(client);
        return fail("ingest and await", &status);
    }
    int completed = done->outcome->outcome_case == WARREN__V1__COMPLETION_OUTCOME__OUTCOME_COMPLETED;
    printf("input %s %s: %s\n", input, completed ? "completed" : "ended", completed ? done->outcome->completed->run_result->text : "");
    warren__v1__await_completion_response__free_unpacked(done, NULL);
    free(input);
    int exit_status = print_events(client, session, &status); /* subscribe: see print_events above */
    warren_close(client);
    /* readme:end */
    return exit_status;
}
