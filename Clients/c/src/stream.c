/*
 * stream.c — calls: opening a stream, reading it to its end, cancelling and closing it, and unary calls
 * built on one stream that must yield exactly one response.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client_internal.h"
#include "socket.h"
#include "status.h"

/** Checks the arguments every call needs. Returns 0 or INVALID_ARGUMENT with `status` set. */
static int check_call_arguments(const warren_client *client, const char *method, const ProtobufCMessage *request,
                                const ProtobufCMessageDescriptor *response_type, warren_status *status) {
    const char *missing = client == NULL          ? "client"
                          : method == NULL        ? "method"
                          : request == NULL       ? "request"
                          : response_type == NULL ? "response_type"
                                                  : NULL;
    if (missing != NULL) {
        wc_status_set(status, WARREN_INVALID_ARGUMENT, "no %s given", missing);
        return status->code;
    }
    if (method[0] != '/' || strchr(method + 1, '/') == NULL) {
        wc_status_set(status, WARREN_INVALID_ARGUMENT,
                      "method '%s' is not a path /package.Service/Method", method);
        return status->code;
    }
    return 0;
}

int warren_stream_open(warren_client *client, const char *method, const ProtobufCMessage *request,
                       const ProtobufCMessageDescriptor *response_type, const warren_call_options *options,
                       warren_stream **stream, warren_status *status) {
    *stream = NULL;
    if (check_call_arguments(client, method, request, response_type, status) != 0) return status->code;
    uint32_t timeout_ms = wc_client_timeout(client, options);
    warren_stream *made = calloc(1, sizeof *made);
    if (made == NULL) {
        wc_status_set(status, WARREN_RESOURCE_EXHAUSTED, "out of memory");
        return status->code;
    }
    made->client = client;
    made->response_type = response_type;
    wc_connection *connection = wc_client_connection(client, wc_deadline_after(timeout_ms), status);
    if (connection == NULL || wc_connection_start_call(connection, made, method, request, timeout_ms, options, status) != 0) {
        warren_stream_close(made);
        return status->code;
    }
    warren_status_clear(status);
    *stream = made;
    return 0;
}

/** Takes the first queued response, decodes it and grants its credit back. NULL when it does not decode. */
static ProtobufCMessage *take_message(warren_stream *stream) {
    wc_message *queued = stream->queue_head;
    stream->queue_head = queued->next;
    if (stream->queue_head == NULL) stream->queue_tail = NULL;
    ProtobufCMessage *message = protobuf_c_message_unpack(stream->response_type, NULL, queued->length, queued->bytes);
    wc_connection_message_read(stream->connection, stream, queued->length);
    free(queued);
    return message;
}

/** The earlier of two deadlines. */
static int64_t earlier(int64_t a, int64_t b) { return a < b ? a : b; }

/** Shared by next and next_within: waits until `wait_deadline` at most. */
static int next_until(warren_stream *stream, int64_t wait_deadline, ProtobufCMessage **message, warren_status *status) {
    *message = NULL;
    for (;;) {
        if (stream->queue_head != NULL) {
            *message = take_message(stream);
            if (*message != NULL) return WARREN_STREAM_MESSAGE;
            char why[256];
            snprintf(why, sizeof why, "a response does not decode as %s", stream->response_type->name);
            wc_connection_abort_call(stream->connection, stream, WARREN_INTERNAL, why);
            continue;
        }
        if (stream->over) {
            wc_status_copy(status, &stream->final);
            return WARREN_STREAM_END;
        }
        int64_t now = wc_now_ms();
        if (now >= stream->deadline) {
            char why[128];
            snprintf(why, sizeof why, "deadline exceeded (%u ms)", stream->timeout_ms);
            wc_connection_abort_call(stream->connection, stream, WARREN_DEADLINE_EXCEEDED, why);
            continue;
        }
        if (now >= wait_deadline) {
            warren_status_clear(status);
            return WARREN_STREAM_WAITING;
        }
        wc_connection_pump(stream->connection, earlier(stream->deadline, wait_deadline));
    }
}

int warren_stream_next(warren_stream *stream, ProtobufCMessage **message, warren_status *status) {
    return next_until(stream, WC_NO_DEADLINE, message, status);
}

int warren_stream_next_within(warren_stream *stream, uint32_t wait_ms, ProtobufCMessage **message,
                              warren_status *status) {
    return next_until(stream, wc_now_ms() + wait_ms, message, status);
}

void warren_stream_cancel(warren_stream *stream) {
    if (stream == NULL || stream->connection == NULL) return;
    wc_connection_cancel_call(stream->connection, stream, "cancelled by the client");
}

void warren_stream_close(warren_stream *stream) {
    if (stream == NULL) return;
    wc_connection *connection = stream->connection;
    if (connection != NULL) {
        wc_connection_detach(connection, stream);
        wc_client_release_connection(stream->client, connection);
    }
    warren_status_clear(&stream->final);
    free(stream);
}

int warren_call(warren_client *client, const char *method, const ProtobufCMessage *request,
                const ProtobufCMessageDescriptor *response_type, ProtobufCMessage **response,
                const warren_call_options *options, warren_status *status) {
    *response = NULL;
    warren_stream *stream = NULL;
    if (warren_stream_open(client, method, request, response_type, options, &stream, status) != 0) return status->code;
    ProtobufCMessage *message = NULL;
    while (warren_stream_next(stream, &message, status) == WARREN_STREAM_MESSAGE) {
        if (*response == NULL) {
            *response = message;
            continue;
        }
        protobuf_c_message_free_unpacked(message, NULL);
        wc_connection_abort_call(stream->connection, stream, WARREN_INTERNAL,
                                 "a unary call returned more than one response");
    }
    warren_stream_close(stream);
    if (status->code == WARREN_OK && *response == NULL) {
        wc_status_set(status, WARREN_INTERNAL, "%s ended OK without a response", method);
    }
    if (status->code != WARREN_OK && *response != NULL) {
        protobuf_c_message_free_unpacked(*response, NULL);
        *response = NULL;
    }
    return status->code;
}

/** "/package.Service/Method" for a service descriptor and one of its methods (malloc'd). */
static char *method_path(const ProtobufCServiceDescriptor *service, const ProtobufCMethodDescriptor *method) {
    char *path = NULL;
    if (asprintf(&path, "/%s/%s", service->name, method->name) < 0) return NULL;
    return path;
}

int warren_invoke(warren_client *client, const ProtobufCServiceDescriptor *service, const char *method_name,
                  const ProtobufCMessage *request, ProtobufCMessage **response,
                  const warren_call_options *options, warren_status *status) {
    *response = NULL;
    const ProtobufCMethodDescriptor *method =
        service && method_name ? protobuf_c_service_descriptor_get_method_by_name(service, method_name) : NULL;
    if (method == NULL) {
        wc_status_set(status, WARREN_INVALID_ARGUMENT, "%s has no method '%s'",
                      service ? service->name : "(no service)", method_name ? method_name : "(none)");
        return status->code;
    }
    if (request == NULL || request->descriptor != method->input) {
        wc_status_set(status, WARREN_INVALID_ARGUMENT, "%s.%s takes a %s request", service->name,
                      method->name, method->input->name);
        return status->code;
    }
    char *path = method_path(service, method);
    if (path == NULL) {
        wc_status_set(status, WARREN_RESOURCE_EXHAUSTED, "out of memory");
        return status->code;
    }
    int code = warren_call(client, path, request, method->output, response, options, status);
    free(path);
    return code;
}
