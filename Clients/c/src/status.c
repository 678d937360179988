#define _GNU_SOURCE
#include "status.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void warren_status_clear(warren_status *status) {
    free(status->message);
    if (status->detail != NULL) protobuf_c_message_free_unpacked(&status->detail->base, NULL);
    status->code = WARREN_OK;
    status->message = NULL;
    status->detail = NULL;
}

const char *warren_code_name(warren_code code) {
    static const char *const names[] = {
        "OK",          "CANCELLED",         "UNKNOWN",        "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
        "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED",
        "OUT_OF_RANGE", "UNIMPLEMENTED",    "INTERNAL",       "UNAVAILABLE",      "DATA_LOSS",         "UNAUTHENTICATED",
    };
    if ((int)code < 0 || (size_t)code >= sizeof names / sizeof names[0]) return "UNKNOWN_CODE";
    return names[code];
}

void wc_status_set(warren_status *status, warren_code code, const char *format, ...) {
    warren_status_clear(status);
    va_list arguments;
    va_start(arguments, format);
    char *message = NULL;
    if (vasprintf(&message, format, arguments) < 0) message = NULL;
    va_end(arguments);
    status->code = code;
    status->message = message;
}

/** A deep copy of `detail` through its encoding; NULL when it is NULL or memory runs out. */
static Warren__V1__ErrorDetail *copy_detail(const Warren__V1__ErrorDetail *detail) {
    if (detail == NULL) return NULL;
    size_t length = protobuf_c_message_get_packed_size(&detail->base);
    uint8_t *bytes = malloc(length ? length : 1);
    if (bytes == NULL) return NULL;
    protobuf_c_message_pack(&detail->base, bytes);
    Warren__V1__ErrorDetail *copy = warren__v1__error_detail__unpack(NULL, length, bytes);
    free(bytes);
    return copy;
}

void wc_status_copy(warren_status *destination, const warren_status *source) {
    if (destination == source) return;
    warren_status_clear(destination);
    destination->code = source->code;
    destination->message = source->message ? strdup(source->message) : NULL;
    destination->detail = copy_detail(source->detail);
}

void wc_status_take_trailers(warren_status *status, Warren__V1__Status *trailers) {
    warren_status_clear(status);
    status->code = (warren_code)trailers->code;
    status->message = strdup(trailers->message ? trailers->message : "");
    status->detail = trailers->details;
    trailers->details = NULL;
}
