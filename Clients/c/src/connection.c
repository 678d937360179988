/*
 * connection.c — opening a connection, starting, cancelling and detaching calls, returning credit.
 * Reading and dispatching frames is in connection_frames.c.
 */
#define _GNU_SOURCE
#include "connection.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "connection_internal.h"
#include "frame.h"
#include "socket.h"
#include "status.h"

/** How long a control frame (WINDOW_UPDATE, CANCEL, ACK) may take to write. */
#define WC_CONTROL_WRITE_TIMEOUT_MS 10000

void wc_stream_end(warren_stream *stream, warren_code code, const char *message) {
    if (stream->over) return;
    stream->over = true;
    wc_status_set(&stream->final, code, "%s", message);
    if (stream->connection != NULL && stream->connection->open_streams > 0) stream->connection->open_streams--;
}

void wc_connection_fail(wc_connection *connection, warren_code code, const char *message) {
    if (connection->broken) return;
    connection->broken = true;
    if (connection->failure.code == WARREN_OK || connection->failure.message == NULL) {
        wc_status_set(&connection->failure, code, "%s", message);
    }
    for (warren_stream *stream = connection->streams; stream != NULL; stream = stream->next_on_connection) {
        wc_stream_end(stream, connection->failure.code, connection->failure.message);
    }
    if (connection->fd >= 0) close(connection->fd);
    connection->fd = -1;
}

int wc_connection_flush(wc_connection *connection, int64_t deadline) {
    if (connection->broken) return -1;
    size_t length = wc_buffer_length(&connection->output);
    if (length == 0) return 0;
    int sent = wc_send_all(connection->fd, wc_buffer_bytes(&connection->output), length, deadline);
    wc_buffer_clear(&connection->output);
    if (sent == WC_IO_OK) return 0;
    wc_connection_fail(connection, WARREN_UNAVAILABLE,
                       sent == WC_IO_TIMEOUT ? "writing to the server timed out" : "the connection to the server was lost");
    return -1;
}

/** Flushes control frames with their own short deadline. */
static int flush_control(wc_connection *connection) {
    return wc_connection_flush(connection, wc_deadline_after(WC_CONTROL_WRITE_TIMEOUT_MS));
}

/** Appends the preface and our SETTINGS. */
static int put_preface_and_settings(wc_connection *connection) {
    Warren__V1__Settings settings = WARREN__V1__SETTINGS__INIT;
    settings.max_frame_size = WC_CLIENT_MAX_FRAME_SIZE;
    settings.initial_stream_window = WC_CLIENT_STREAM_WINDOW;
    settings.initial_connection_window = WC_CLIENT_CONNECTION_WINDOW;
    settings.protocol_version = WC_PROTOCOL_VERSION;
    if (wc_buffer_append(&connection->output, wc_preface, WC_PREFACE_SIZE) != 0) return -1;
    return wc_frame_put_message(&connection->output, WC_FRAME_SETTINGS, 0, 0, &settings.base);
}

wc_connection *wc_connection_open(const char *address, const char *bearer_token, int64_t deadline,
                                  warren_status *status) {
    char host[256];
    uint16_t port = 0;
    if (wc_parse_address(address, host, sizeof host, &port) != 0) {
        wc_status_set(status, WARREN_INVALID_ARGUMENT, "not a host:port address: '%s'", address);
        return NULL;
    }
    wc_connection *connection = calloc(1, sizeof *connection);
    if (connection == NULL || (bearer_token != NULL && (connection->bearer_token = strdup(bearer_token)) == NULL)) {
        free(connection);
        wc_status_set(status, WARREN_RESOURCE_EXHAUSTED, "out of memory");
        return NULL;
    }
    connection->peer_max_frame_size = WC_MIN_MAX_FRAME_SIZE;
    connection->peer_initial_stream_window = WC_DEFAULT_WINDOW;
    connection->peer_initial_connection_window = WC_DEFAULT_WINDOW;
    connection->send_window = WC_DEFAULT_WINDOW;
    connection->next_stream_id = 1;
    char why[512];
    connection->fd = wc_tcp_connect(host, port, deadline, why, sizeof why);
    if (connection->fd < 0) {
        wc_status_set(status, connection->fd == WC_IO_TIMEOUT ? WARREN_DEADLINE_EXCEEDED
                                                              : WARREN_UNAVAILABLE,
                      "%s", why);
        wc_connection_free(connection);
        return NULL;
    }
    if (put_preface_and_settings(connection) != 0 || wc_connection_flush(connection, deadline) != 0) {
        wc_status_set(status, WARREN_UNAVAILABLE, "cannot write the preface to %s", address);
        wc_connection_free(connection);
        return NULL;
    }
    while (!connection->settings_received && !connection->broken) {
        if (wc_now_ms() >= deadline) {
            wc_status_set(status, WARREN_DEADLINE_EXCEEDED,
                          "connected to %s but its SETTINGS did not arrive in time", address);
            wc_connection_free(connection);
            return NULL;
        }
        wc_connection_pump(connection, deadline);
    }
    if (connection->broken) {
        wc_status_copy(status, &connection->failure);
        wc_connection_free(connection);
        return NULL;
    }
    return connection;
}

void wc_connection_free(wc_connection *connection) {
    if (connection == NULL) return;
    if (connection->fd >= 0) close(connection->fd);
    wc_buffer_free(&connection->input);
    wc_buffer_free(&connection->output);
    warren_status_clear(&connection->failure);
    free(connection->bearer_token);
    free(connection);
}

bool wc_connection_accepts_calls(const wc_connection *connection) {
    return !connection->broken && !connection->going_away && connection->next_stream_id != 0;
}

/** Whether the options' metadata has an entry for `key`. */
static bool has_metadata(const warren_call_options *options, const char *key) {
    for (size_t i = 0; options != NULL && i < options->metadata_count; i++) {
        if (strcmp(options->metadata[i].key, key) == 0) return true;
    }
    return false;
}

/**
 * Points `entries` at `storage` filled with the call's metadata: `authorization` (the client's token,
 * unless the options give their own) then the options' entries. Returns how many were filled.
 */
static size_t fill_metadata(Warren__V1__CallHeaders__MetadataEntry *storage,
                            Warren__V1__CallHeaders__MetadataEntry **entries, char *authorization,
                            const warren_call_options *options) {
    size_t count = 0;
    if (authorization != NULL) {
        warren__v1__call_headers__metadata_entry__init(&storage[count]);
        storage[count].key = "authorization";
        storage[count].value = authorization;
        entries[count] = &storage[count];
        count++;
    }
    for (size_t i = 0; options != NULL && i < options->metadata_count; i++) {
        warren__v1__call_headers__metadata_entry__init(&storage[count]);
        storage[count].key = (char *)options->metadata[i].key;
        storage[count].value = (char *)options->metadata[i].value;
        entries[count] = &storage[count];
        count++;
    }
    return count;
}

/** Appends the HEADERS frame opening `stream`: the method, deadline, token and the options' metadata. */
static int put_call_headers(wc_connection *connection, uint32_t stream_id, const char *method, uint32_t timeout_ms,
                            const warren_call_options *options) {
    size_t capacity = 1 + (options != NULL ? options->metadata_count : 0);
    Warren__V1__CallHeaders__MetadataEntry *storage = calloc(capacity, sizeof *storage);
    Warren__V1__CallHeaders__MetadataEntry **entries = calloc(capacity, sizeof *entries);
    char *authorization = NULL;
    bool token = connection->bearer_token != NULL && !has_metadata(options, "authorization");
    int result = -1;
    if (storage != NULL && entries != NULL &&
        (!token || asprintf(&authorization, "Bearer %s", connection->bearer_token) >= 0 || (authorization = NULL))) {
        Warren__V1__CallHeaders headers = WARREN__V1__CALL_HEADERS__INIT;
        headers.method = (char *)method;
        headers.timeout_ms = timeout_ms;
        headers.metadata = entries;
        headers.n_metadata = fill_metadata(storage, entries, token ? authorization : NULL, options);
        result = wc_frame_put_message(&connection->output, WC_FRAME_HEADERS, 0, stream_id, &headers.base);
    }
    if (token) free(authorization);
    free(entries);
    free(storage);
    return result;
}

/** Pumps until the connection window holds credit or `deadline` passes. */
static int wait_for_connection_credit(wc_connection *connection, int64_t deadline, warren_status *status) {
    while (connection->send_window <= 0) {
        if (connection->broken) {
            wc_status_copy(status, &connection->failure);
            return status->code;
        }
        if (wc_now_ms() >= deadline) {
            wc_status_set(status, WARREN_DEADLINE_EXCEEDED,
                          "deadline exceeded waiting for the server's flow-control credit");
            return status->code;
        }
        wc_connection_pump(connection, deadline);
    }
    return 0;
}

int wc_connection_start_call(wc_connection *connection, warren_stream *stream, const char *method,
                             const ProtobufCMessage *request, uint32_t timeout_ms,
                             const warren_call_options *options, warren_status *status) {
    if (connection->peer_max_concurrent_streams != 0 &&
        connection->open_streams >= connection->peer_max_concurrent_streams) {
        wc_status_set(status, WARREN_UNAVAILABLE,
                      "too many open calls on the connection (the server allows %u)",
                      connection->peer_max_concurrent_streams);
        return status->code;
    }
    size_t length = protobuf_c_message_get_packed_size(request);
    if (connection->peer_max_message_size != 0 && length > connection->peer_max_message_size) {
        wc_status_set(status, WARREN_RESOURCE_EXHAUSTED,
                      "the request (%zu bytes) is larger than the server's max_message_size (%u bytes)", length,
                      connection->peer_max_message_size);
        return status->code;
    }
    if (length > connection->peer_max_frame_size) {
        wc_status_set(status, WARREN_RESOURCE_EXHAUSTED,
                      "the request (%zu bytes) is larger than the server's max_frame_size (%u bytes)", length,
                      connection->peer_max_frame_size);
        return status->code;
    }
    stream->deadline = wc_deadline_after(timeout_ms);
    stream->timeout_ms = timeout_ms;
    if (length > 0 && wait_for_connection_credit(connection, stream->deadline, status) != 0) return status->code;
    stream->connection = connection;
    stream->id = connection->next_stream_id;
    stream->send_window = (int64_t)connection->peer_initial_stream_window - (int64_t)length;
    connection->next_stream_id = stream->id >= 0xFFFFFFFFu - 1 ? 0 : stream->id + 2;
    connection->highest_stream_id = stream->id;
    connection->send_window -= (int64_t)length;
    stream->next_on_connection = connection->streams;
    connection->streams = stream;
    connection->open_streams++;
    if (put_call_headers(connection, stream->id, method, timeout_ms, options) != 0 ||
        wc_frame_put_message(&connection->output, WC_FRAME_MESSAGE, WC_FLAG_END_STREAM, stream->id, request) != 0) {
        wc_connection_fail(connection, WARREN_RESOURCE_EXHAUSTED, "out of memory");
    } else {
        wc_connection_flush(connection, stream->deadline);
    }
    if (stream->over) {
        wc_status_copy(status, &stream->final);
        return status->code;
    }
    return 0;
}

void wc_connection_message_read(wc_connection *connection, warren_stream *stream, size_t length) {
    if (stream->over || connection->broken) return;
    stream->unreturned_credit += (uint32_t)length;
    if (stream->unreturned_credit < WC_CLIENT_STREAM_WINDOW / 2) return;
    if (wc_frame_put_window_update(&connection->output, stream->id, stream->unreturned_credit) == 0) {
        stream->unreturned_credit = 0;
        flush_control(connection);
    }
}

/** Frees the responses nobody will read. */
static void drop_queue(warren_stream *stream) {
    while (stream->queue_head != NULL) {
        wc_message *message = stream->queue_head;
        stream->queue_head = message->next;
        free(message);
    }
    stream->queue_tail = NULL;
}

void wc_connection_abort_call(wc_connection *connection, warren_stream *stream, warren_code code, const char *why) {
    drop_queue(stream);
    if (stream->over) return;
    if (!connection->broken && !stream->cancel_sent) {
        stream->cancel_sent = true;
        if (wc_frame_put(&connection->output, WC_FRAME_CANCEL, 0, stream->id, NULL, 0) == 0) flush_control(connection);
    }
    wc_stream_end(stream, code, why);
}

void wc_connection_cancel_call(wc_connection *connection, warren_stream *stream, const char *why) {
    wc_connection_abort_call(connection, stream, WARREN_CANCELLED, why);
}

void wc_connection_detach(wc_connection *connection, warren_stream *stream) {
    wc_connection_cancel_call(connection, stream, "the stream was closed");
    for (warren_stream **link = &connection->streams; *link != NULL; link = &(*link)->next_on_connection) {
        if (*link == stream) {
            *link = stream->next_on_connection;
            break;
        }
    }
    stream->connection = NULL;
    stream->next_on_connection = NULL;
}
