/*
 * status.h — filling a warren_status: from local failures, from the server's TRAILERS, and by copy.
 */
#ifndef WARREN_C_STATUS_H
#define WARREN_C_STATUS_H

#include "warren_client.h"

/** Replaces `status` with `code` and a printf-formatted message. */
void wc_status_set(warren_status *status, warren_code code, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/** Replaces `destination` with a deep copy of `source` (detail included). */
void wc_status_copy(warren_status *destination, const warren_status *source);

/** Replaces `status` with the server's `trailers`, taking its detail (trailers->details becomes NULL). */
void wc_status_take_trailers(warren_status *status, Warren__V1__Status *trailers);

#endif
