/*
 * connection_frames.c — reading the socket and dispatching each frame the server sends to the
 * connection or to its call. A frame that breaks the rules fails the connection: the client answers
 * with GOAWAY (PROTOCOL_ERROR, FRAME_TOO_LARGE or FLOW_CONTROL_ERROR) and every open call ends INTERNAL.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "connection_internal.h"
#include "frame.h"
#include "socket.h"
#include "status.h"

#define WC_READ_CHUNK 65536

/** Sends GOAWAY `code` with `message` (best effort) and fails the connection with INTERNAL. */
static void protocol_error(wc_connection *connection, Warren__V1__GoAwayCode code, const char *message) {
    if (connection->broken) return;
    Warren__V1__GoAway goaway = WARREN__V1__GO_AWAY__INIT;
    goaway.last_stream_id = 0;
    goaway.code = code;
    goaway.message = (char *)message;
    wc_buffer_clear(&connection->output);
    if (wc_frame_put_message(&connection->output, WC_FRAME_GOAWAY, 0, 0, &goaway.base) == 0) {
        wc_connection_flush(connection, wc_deadline_after(1000));
    }
    char text[512];
    snprintf(text, sizeof text, "the server broke the protocol: %s", message);
    wc_connection_fail(connection, WARREN_INTERNAL, text);
}

/** The call with `id`, or NULL when it has been detached (a frame racing our CANCEL, dropped). */
static warren_stream *find_stream(wc_connection *connection, uint32_t id) {
    for (warren_stream *stream = connection->streams; stream != NULL; stream = stream->next_on_connection) {
        if (stream->id == id) return stream;
    }
    return NULL;
}

/** Adds `increment` to a send window, refusing to pass 2^31-1. */
static bool grant(int64_t *window, int64_t increment) {
    if (*window + increment > (int64_t)WC_MAX_WINDOW) return false;
    *window += increment;
    return true;
}

static void on_settings(wc_connection *connection, uint8_t flags, const uint8_t *payload, uint32_t length) {
    if (flags & WC_FLAG_ACK) return;
    Warren__V1__Settings *settings = warren__v1__settings__unpack(NULL, length, payload);
    if (settings == NULL) {
        protocol_error(connection, WARREN__V1__GO_AWAY_CODE__GO_AWAY_CODE_PROTOCOL_ERROR, "undecodable SETTINGS");
        return;
    }
    if (settings->max_frame_size != 0 && settings->max_frame_size < WC_MIN_MAX_FRAME_SIZE) {
        protocol_error(connection, WARREN__V1__GO_AWAY_CODE__GO_AWAY_CODE_PROTOCOL_ERROR, "SETTINGS max_frame_size below 16384");
    } else if (settings->initial_stream_window > WC_MAX_WINDOW || settings->initial_connection_window > WC_MAX_WINDOW) {
        protocol_error(connection, WARREN__V1__GO_AWAY_CODE__GO_AWAY_CODE_FLOW_CONTROL_ERROR, "SETTINGS window above 2^31-1");
    } else {
        if (settings->max_frame_size != 0) connection->peer_max_frame_size = settings->max_frame_size;
        if (settings->max_concurrent_streams != 0) {
            connection->peer_max_concurrent_streams = settings->max_concurrent_streams;
        }
        if (settings->max_message_size != 0) connection->peer_max_message_size = settings->max_message_size;
        if (settings->initial_stream_window != 0) {
            int64_t change = (int64_t)settings->initial_stream_window - connection->peer_initial_stream_window;
            for (warren_stream *stream = connection->streams; stream != NULL; stream = stream->next_on_connection) {
                stream->send_window += change;
            }
            connection->peer_initial_stream_window = settings->initial_stream_window;
        }
        if (settings->initial_connection_window != 0) {
            connection->send_window +=
                (int64_t)settings->initial_connection_window - connection->peer_initial_connection_window;
            connection->peer_initial_connection_window = settings->initial_connection_window;
        }
        connection->settings_received = true;
        wc_frame_put(&connection->output, WC_FRAME_SETTINGS, WC_FLAG_ACK, 0, NULL, 0);
    }
    warren__v1__settings__free_unpacked(settings, NULL);
}

static void on_ping(wc_connection *connection, uint8_t flags, const uint8_t *payload) {
    if (flags & WC_FLAG_ACK) return; /* the client sends no PINGs of its own */
    wc_frame_put(&connection->output, WC_FRAME_PING, WC_FLAG_ACK, 0, payload, 8);
}

static void on_goaway(wc_connection *connection, const uint8_t *payload, uint32_t length) {
    Warren__V1__GoAway *goaway = warren__v1__go_away__unpack(NULL, length, payload);
    if (goaway == NULL) {
        protocol_error(connection, WARREN__V1__GO_AWAY_CODE__GO_AWAY_CODE_PROTOCOL_ERROR, "undecodable GOAWAY");
        return;
    }
    const ProtobufCEnumValue *code = protobuf_c_enum_descriptor_get_value(&warren__v1__go_away_code__descriptor, goaway->code);
    char text[768];
    snprintf(text, sizeof text, "the server is closing the connection (GOAWAY %s: %s)", code ? code->name : "?",
             goaway->message);
    connection->going_away = true;
    connection->goaway_last_stream_id = goaway->last_stream_id;
    wc_status_set(&connection->failure, WARREN_UNAVAILABLE, "%s", text);
    char unprocessed[900];
    snprintf(unprocessed, sizeof unprocessed, "the server did not process the call: %s", text);
    for (warren_stream *stream = connection->streams; stream != NULL; stream = stream->next_on_connection) {
        if (stream->id > goaway->last_stream_id) wc_stream_end(stream, WARREN_UNAVAILABLE, unprocessed);
    }
    warren__v1__go_away__free_unpacked(goaway, NULL);
}

static void on_window_update(wc_connection *connection, uint32_t stream_id, const uint8_t *payload) {
    uint32_t increment = wc_read_u32(payload);
    if (increment == 0 || increment > WC_MAX_WINDOW) {
        protocol_error(connection, WARREN__V1__GO_AWAY_CODE__GO_AWAY_CODE_PROTOCOL_ERROR, "WINDOW_UPDATE increment out of range");
        return;
    }
    if (stream_id == 0) {
        if (!grant(&connection->send_window, increment)) {
            protocol_error(connection, WARREN__V1__GO_AWAY_CODE__GO_AWAY_CODE_FLOW_CONTROL_ERROR, "connection window above 2^31-1");
        }
        return;
    }
    warren_stream *stream = find_stream(connection, stream_id);
    if (stream != NULL && !stream->over && !grant(&stream->send_window, increment)) {
        protocol_error(connection, WARREN__V1__GO_AWAY_CODE__GO_AWAY_CODE_FLOW_CONTROL_ERROR, "stream window above 2^31-1");
    }
}

/** Returns connection credit for a MESSAGE as soon as it is read (connection.h, D72). */
static void return_connection_credit(wc_connection *connection, uint32_t length) {
    connection->unreturned_credit += length;
    if (connection->unreturned_credit < WC_CLIENT_CONNECTION_WINDOW / 2) return;
    if (wc_frame_put_window_update(&connection->output, 0, connection->unreturned_credit) == 0) {
        connection->unreturned_credit = 0;
    }
}

static void on_message(wc_connection *connection, warren_stream *stream, uint8_t flags, const uint8_t *payload,
                       uint32_t length) {
    if (length > 0) return_connection_credit(connection, length);
    if (stream == NULL || stream->over) return;
    if (flags & WC_FLAG_COMPRESSED) {
        wc_connection_abort_call(connection, stream, WARREN_INTERNAL,
                                 "the server sent a compressed message on a call that did not negotiate compression");
        return;
    }
    wc_message *message = malloc(sizeof *message + length);
    if (message == NULL) {
        wc_connection_abort_call(connection, stream, WARREN_RESOURCE_EXHAUSTED,
                                 "out of memory for a response");
        return;
    }
    message->next = NULL;
    message->length = length;
    memcpy(message->bytes, payload, length);
    if (stream->queue_tail != NULL) stream->queue_tail->next = message;
    else stream->queue_head = message;
    stream->queue_tail = message;
}

static void on_trailers(wc_connection *connection, warren_stream *stream, const uint8_t *payload, uint32_t length) {
    Warren__V1__Status *trailers = warren__v1__status__unpack(NULL, length, payload);
    if (trailers == NULL) {
        protocol_error(connection, WARREN__V1__GO_AWAY_CODE__GO_AWAY_CODE_PROTOCOL_ERROR, "undecodable TRAILERS");
        return;
    }
    if (stream != NULL && !stream->over) {
        wc_stream_end(stream, WARREN_OK, "");
        wc_status_take_trailers(&stream->final, trailers);
    }
    warren__v1__status__free_unpacked(trailers, NULL);
}

static void on_headers(wc_connection *connection, const uint8_t *payload, uint32_t length) {
    Warren__V1__ResponseHeaders *headers = warren__v1__response_headers__unpack(NULL, length, payload);
    if (headers == NULL) {
        protocol_error(connection, WARREN__V1__GO_AWAY_CODE__GO_AWAY_CODE_PROTOCOL_ERROR, "undecodable response HEADERS");
        return;
    }
    warren__v1__response_headers__free_unpacked(headers, NULL);
}

/** Handles a frame of a call (HEADERS, MESSAGE, TRAILERS, CANCEL). */
static void on_call_frame(wc_connection *connection, const wc_frame_header *header, const uint8_t *payload) {
    if (header->stream_id > connection->highest_stream_id) {
        protocol_error(connection, WARREN__V1__GO_AWAY_CODE__GO_AWAY_CODE_PROTOCOL_ERROR, "frame on a stream never opened");
        return;
    }
    warren_stream *stream = find_stream(connection, header->stream_id);
    switch (header->type) {
    case WC_FRAME_HEADERS: on_headers(connection, payload, header->length); break;
    case WC_FRAME_MESSAGE: on_message(connection, stream, header->flags, payload, header->length); break;
    case WC_FRAME_TRAILERS: on_trailers(connection, stream, payload, header->length); break;
    case WC_FRAME_CANCEL:
        if (stream != NULL) wc_stream_end(stream, WARREN_CANCELLED, "the server cancelled the call");
        break;
    default: break;
    }
}

static void dispatch(wc_connection *connection, const wc_frame_header *header, const uint8_t *payload) {
    switch (header->type) {
    case WC_FRAME_SETTINGS: on_settings(connection, header->flags, payload, header->length); break;
    case WC_FRAME_PING: on_ping(connection, header->flags, payload); break;
    case WC_FRAME_GOAWAY: on_goaway(connection, payload, header->length); break;
    case WC_FRAME_WINDOW_UPDATE: on_window_update(connection, header->stream_id, payload); break;
    case WC_FRAME_HEADERS:
    case WC_FRAME_MESSAGE:
    case WC_FRAME_TRAILERS:
    case WC_FRAME_CANCEL: on_call_frame(connection, header, payload); break;
    default: break; /* unknown types are read and ignored */
    }
}

/** Dispatches every complete frame in the input buffer. */
static void dispatch_buffered(wc_connection *connection) {
    while (!connection->broken && wc_buffer_length(&connection->input) >= WC_FRAME_HEADER_SIZE) {
        const uint8_t *bytes = wc_buffer_bytes(&connection->input);
        wc_frame_header header = wc_frame_header_parse(bytes);
        bool too_large = false;
        const char *broken_rule = wc_frame_header_check(&header, WC_CLIENT_MAX_FRAME_SIZE, &too_large);
        if (broken_rule != NULL) {
            protocol_error(connection,
                           too_large ? WARREN__V1__GO_AWAY_CODE__GO_AWAY_CODE_FRAME_TOO_LARGE : WARREN__V1__GO_AWAY_CODE__GO_AWAY_CODE_PROTOCOL_ERROR,
                           broken_rule);
            return;
        }
        if (wc_buffer_length(&connection->input) < WC_FRAME_HEADER_SIZE + (size_t)header.length) return;
        if (!connection->settings_received && header.type != WC_FRAME_SETTINGS && header.type != WC_FRAME_GOAWAY) {
            protocol_error(connection, WARREN__V1__GO_AWAY_CODE__GO_AWAY_CODE_PROTOCOL_ERROR, "first frame is not SETTINGS");
            return;
        }
        dispatch(connection, &header, bytes + WC_FRAME_HEADER_SIZE);
        wc_buffer_consume(&connection->input, WC_FRAME_HEADER_SIZE + (size_t)header.length);
    }
}

int wc_connection_pump(wc_connection *connection, int64_t deadline) {
    if (connection->broken) return -1;
    if (wc_buffer_reserve(&connection->input, WC_READ_CHUNK) != 0) {
        wc_connection_fail(connection, WARREN_RESOURCE_EXHAUSTED, "out of memory for input");
        return -1;
    }
    ssize_t got = wc_recv_some(connection->fd, connection->input.data + connection->input.len, WC_READ_CHUNK, deadline);
    if (got == WC_IO_TIMEOUT) return 0;
    if (got < 0) {
        wc_connection_fail(connection, WARREN_UNAVAILABLE,
                           got == WC_IO_CLOSED ? "the server closed the connection" : "reading from the server failed");
        return -1;
    }
    connection->input.len += (size_t)got;
    dispatch_buffered(connection);
    if (connection->broken) return -1;
    return wc_connection_flush(connection, wc_deadline_after(10000));
}
