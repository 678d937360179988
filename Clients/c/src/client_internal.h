/*
 * client_internal.h — the client object, shared by client.c, stream.c and helpers.c.
 */
#ifndef WARREN_C_CLIENT_INTERNAL_H
#define WARREN_C_CLIENT_INTERNAL_H

#include "connection.h"

struct warren_client {
    char *address;
    char *bearer_token;
    uint32_t connect_timeout_ms;
    uint32_t call_timeout_ms;
    wc_connection *current; /* NULL after a failed reconnect; the next call tries again */
};

/** The connection new calls go on, reconnecting (before `deadline`) when the current one cannot take calls. */
wc_connection *wc_client_connection(warren_client *client, int64_t deadline, warren_status *status);

/** Frees a replaced connection once its last stream has closed. */
void wc_client_release_connection(warren_client *client, wc_connection *connection);

/** The timeout of a call: the options' own, else the client's default (0: none). */
uint32_t wc_client_timeout(const warren_client *client, const warren_call_options *options);

#endif
