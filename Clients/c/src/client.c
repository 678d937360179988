/*
 * client.c — the client and its connection: connecting, replacing a connection that broke or is
 * draining (on the next call), and closing. A replaced connection lives on until its last stream closes.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "client_internal.h"
#include "socket.h"
#include "status.h"

#define WC_DEFAULT_CONNECT_TIMEOUT_MS 10000

int warren_connect(const warren_options *options, warren_client **client, warren_status *status) {
    *client = NULL;
    if (options == NULL || options->address == NULL) {
        wc_status_set(status, WARREN_INVALID_ARGUMENT, "warren_connect: no address given");
        return status->code;
    }
    warren_client *made = calloc(1, sizeof *made);
    if (made == NULL || (made->address = strdup(options->address)) == NULL ||
        (options->bearer_token != NULL && (made->bearer_token = strdup(options->bearer_token)) == NULL)) {
        warren_close(made);
        wc_status_set(status, WARREN_RESOURCE_EXHAUSTED, "out of memory");
        return status->code;
    }
    made->connect_timeout_ms = options->connect_timeout_ms ? options->connect_timeout_ms : WC_DEFAULT_CONNECT_TIMEOUT_MS;
    made->call_timeout_ms = options->call_timeout_ms;
    made->current = wc_connection_open(made->address, made->bearer_token, wc_deadline_after(made->connect_timeout_ms), status);
    if (made->current == NULL) {
        warren_close(made);
        return status->code;
    }
    warren_status_clear(status);
    *client = made;
    return 0;
}

void warren_close(warren_client *client) {
    if (client == NULL) return;
    wc_connection_free(client->current);
    free(client->address);
    free(client->bearer_token);
    free(client);
}

/** Frees `connection` if the client no longer uses it and no stream is linked to it. */
void wc_client_release_connection(warren_client *client, wc_connection *connection) {
    if (connection != NULL && connection != client->current && connection->streams == NULL) {
        wc_connection_free(connection);
    }
}

wc_connection *wc_client_connection(warren_client *client, int64_t deadline, warren_status *status) {
    /* Read what already arrived (a GOAWAY, a close) without waiting, so a connection the server ended
       while the client was idle is replaced now rather than failing this call. */
    if (client->current != NULL) wc_connection_pump(client->current, wc_now_ms());
    if (client->current != NULL && wc_connection_accepts_calls(client->current)) return client->current;
    wc_connection *previous = client->current;
    client->current = NULL;
    wc_client_release_connection(client, previous);
    int64_t connect_deadline = wc_deadline_after(client->connect_timeout_ms);
    if (deadline < connect_deadline) connect_deadline = deadline;
    client->current = wc_connection_open(client->address, client->bearer_token, connect_deadline, status);
    return client->current;
}

uint32_t wc_client_timeout(const warren_client *client, const warren_call_options *options) {
    if (options != NULL && options->timeout_ms != 0) return options->timeout_ms;
    return client->call_timeout_ms;
}
