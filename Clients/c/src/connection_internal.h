/*
 * connection_internal.h — what connection.c and connection_frames.c share and nothing else uses.
 */
#ifndef WARREN_C_CONNECTION_INTERNAL_H
#define WARREN_C_CONNECTION_INTERNAL_H

#include "connection.h"

/**
 * Marks the connection broken: closes the socket and ends every open call with `code` and `message`
 * (or with the GOAWAY the server sent before closing, when there was one).
 */
void wc_connection_fail(wc_connection *connection, warren_code code, const char *message);

/** Writes every queued frame before `deadline`. 0, or -1 when the connection broke. */
int wc_connection_flush(wc_connection *connection, int64_t deadline);

#endif
