/*
 * quickstart.c — connect, make a session run by the built-in echo executor, ingest a prompt, await its
 * completion, then read the session's events from the beginning until the stream has caught up.
 *
 *   build/quickstart [host:port]      (default: $WARREN_ADDRESS, else 127.0.0.1:7433; token: $WARREN_TOKEN)
 *
 * The lines between readme:begin and readme:end are the C client README's example, word for word;
 * `make readme-check` (run by ci.sh) checks that they still match, and ci.sh runs this program.
 */
#include <stdio.h>
#include <stdlib.h>

#include "warren_client.h"

/** Prints a failed call's status, closes the client and returns the exit status 1. */
static int fail(warren_client *client, warren_status *status) {
    fprintf(stderr, "%s: %s\n", warren_code_name(status->code), status->message ? status->message : "");
    warren_status_clear(status);
    warren_close(client);
    return 1;
}

/** Runs the tour against `address` in `session`; returns the exit status. */
static int quickstart(const char *address, const char *session) {
    /* readme:begin */
    warren_options options = {.address = address, .bearer_token = getenv("WARREN_TOKEN"), .call_timeout_ms = 10000};
    warren_status status = WARREN_STATUS_INIT;
    warren_client *client = NULL;
    char *input = NULL;
    Warren__V1__AwaitCompletionResponse *done = NULL;
    warren_stream *events = NULL;
    Warren__V1__SubscribeResponse *item = NULL;
    if (warren_connect(&options, &client, &status) || warren_ensure_session(client, session, "echo", &status) ||
        warren_accept_prompt(client, session, "hello, warren", &input, &status) ||   /* ingest */
        warren_await_input(client, session, input, &done, &status) ||                /* await */
        warren_subscribe_runtime(client, session, &events, &status))                  /* subscribe */
        return fail(client, &status);
    printf("input %s: %s\n", input, warren_completion_kind(done->outcome));
    while (warren_stream_next(events, (ProtobufCMessage **)&item, &status) == WARREN_STREAM_MESSAGE &&
           item->item_case == WARREN__V1__SUBSCRIBE_RESPONSE__ITEM_ENVELOPE) {
        printf("event %llu %s\n", (unsigned long long)item->envelope->position, warren_event_kind(item->envelope));
        warren__v1__subscribe_response__free_unpacked(item, NULL); /* stops at CaughtUp, freed below */
    }
    /* readme:end */
    int caught_up = item != NULL && item->item_case == WARREN__V1__SUBSCRIBE_RESPONSE__ITEM_CAUGHT_UP;
    printf("%s\n", caught_up ? "caught up" : "the event stream ended before catching up");
    if (item != NULL) warren__v1__subscribe_response__free_unpacked(item, NULL); /* NULL after the stream's end */
    warren__v1__await_completion_response__free_unpacked(done, NULL);
    free(input);
    warren_stream_close(events);
    warren_status_clear(&status);
    warren_close(client);
    return caught_up ? 0 : 1;
}

int main(int argc, char **argv) {
    const char *address = argc > 1 ? argv[1] : getenv("WARREN_ADDRESS") ? getenv("WARREN_ADDRESS") : "127.0.0.1:7433";
    return quickstart(address, "0192d8e0-5b7c-7cc2-8d1e-6f5a4b3c2d10");
}
