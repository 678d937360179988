/*
 * follow.c — follows the event stream of some sessions from the beginning and prints one line per input
 * that reached a terminal state, until every session has published a marker event:
 *
 *   build/follow HOST:PORT MARKER_CODE SESSION...        (token: $WARREN_TOKEN)
 *
 *   consumed SESSION INPUT_ID          an input completed (RuntimeEvent input_consumed)
 *   ended KIND SESSION INPUT_ID        it ended otherwise (input_abandoned, input_superseded, input_coalesced)
 *   marker SESSION                     a PublishEvent with code MARKER_CODE arrived for the session
 *
 * Clients/conformance/mixed-load runs it as the C subscriber while Python and Go clients ingest. Exit
 * status 0 once every session's marker arrived; 1 when the stream ends first or the call fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warren_client.h"

/** Prints the line for one envelope; returns 1 when it is the marker of a session not yet marked. */
static int print_event(const Warren__V1__RuntimeEventEnvelope *envelope, const char *marker) {
    const Warren__V1__RuntimeEvent *event = envelope->event;
    const char *kind = warren_event_kind(envelope);
    if (event == NULL) return 0;
    switch (event->event_case) {
    case WARREN__V1__RUNTIME_EVENT__EVENT_INPUT_CONSUMED:
        printf("consumed %s %s\n", envelope->runtime_id, event->input_consumed->input_id);
        return 0;
    case WARREN__V1__RUNTIME_EVENT__EVENT_INPUT_ABANDONED:
        printf("ended %s %s %s\n", kind, envelope->runtime_id, event->input_abandoned->input_id);
        return 0;
    case WARREN__V1__RUNTIME_EVENT__EVENT_INPUT_SUPERSEDED:
        printf("ended %s %s %s\n", kind, envelope->runtime_id, event->input_superseded->input_id);
        return 0;
    case WARREN__V1__RUNTIME_EVENT__EVENT_INPUT_COALESCED:
        printf("ended %s %s %s\n", kind, envelope->runtime_id, event->input_coalesced->input_id);
        return 0;
    case WARREN__V1__RUNTIME_EVENT__EVENT_PUBLISHED:
        if (strcmp(event->published->code, marker) != 0) return 0;
        printf("marker %s\n", envelope->runtime_id);
        return 1;
    default:
        return 0;
    }
}

/** Subscribes to `sessions` from the beginning and reads until `count` markers arrived. */
static int follow(warren_client *client, const char *marker, char **sessions, size_t count, warren_status *status) {
    Warren__V1__EventFilter filter = WARREN__V1__EVENT_FILTER__INIT;
    filter.n_runtime_ids = count;
    filter.runtime_ids = sessions;
    Warren__V1__SubscribeFromBeginning beginning = WARREN__V1__SUBSCRIBE_FROM_BEGINNING__INIT;
    Warren__V1__SubscribeRequest request = WARREN__V1__SUBSCRIBE_REQUEST__INIT;
    request.filter = &filter;
    request.start_case = WARREN__V1__SUBSCRIBE_REQUEST__START_BEGINNING;
    request.beginning = &beginning;
    warren_stream *events = NULL;
    if (warren_subscribe(client, &request, NULL, &events, status) != WARREN_OK) return 1;
    size_t marked = 0; /* each session publishes its marker once */
    Warren__V1__SubscribeResponse *item = NULL;
    while (marked < count && warren_stream_next(events, (ProtobufCMessage **)&item, status) == WARREN_STREAM_MESSAGE) {
        if (item->item_case == WARREN__V1__SUBSCRIBE_RESPONSE__ITEM_LAGGED) {
            fprintf(stderr, "follow: lagged: events were lost to retention\n");
            warren__v1__subscribe_response__free_unpacked(item, NULL);
            break;
        }
        if (item->item_case == WARREN__V1__SUBSCRIBE_RESPONSE__ITEM_ENVELOPE) marked += print_event(item->envelope, marker);
        warren__v1__subscribe_response__free_unpacked(item, NULL);
        fflush(stdout);
    }
    warren_stream_close(events);
    return marked == count ? 0 : 1;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: follow HOST:PORT MARKER_CODE SESSION...\n");
        return 2;
    }
    warren_options options = {.address = argv[1], .bearer_token = getenv("WARREN_TOKEN")};
    warren_status status = WARREN_STATUS_INIT;
    warren_client *client = NULL;
    int exit_status = 1;
    if (warren_connect(&options, &client, &status) == WARREN_OK) {
        exit_status = follow(client, argv[2], argv + 3, (size_t)(argc - 3), &status);
    }
    if (exit_status != 0) {
        fprintf(stderr, "follow: %s %s\n", warren_code_name(status.code), status.message ? status.message : "");
    }
    warren_status_clear(&status);
    warren_close(client);
    return exit_status;
}
