/*
 * connection.h — one multiplexed connection and its calls, as the client sees them (PROTOCOL.md "Call
 * lifecycle", "Client's view").
 *
 * The connection is driven by whoever waits: wc_connection_pump reads what the socket has, checks each
 * frame header before its payload, and hands every frame to its call (queueing responses for calls
 * other than the caller's). Nothing runs in the background.
 *
 * Flow control (DECISIONS D72): the client announces a 1 MiB stream window and an 8 MiB connection
 * window. Stream credit is returned when the application takes a message (one WINDOW_UPDATE per half
 * window), so an unread stream stops the server; connection credit is returned as soon as a MESSAGE is
 * read off the socket (it then sits in its call's queue, bounded by that call's window), so one unread
 * stream never starves the others. Requests may overdraw the server's positive windows by one message.
 */
#ifndef WARREN_C_CONNECTION_H
#define WARREN_C_CONNECTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buffer.h"
#include "warren_client.h"

#define WC_CLIENT_MAX_FRAME_SIZE (4u << 20)
#define WC_CLIENT_STREAM_WINDOW (1u << 20)
#define WC_CLIENT_CONNECTION_WINDOW (8u << 20)

typedef struct wc_connection wc_connection;

/** A received response message waiting to be read. */
typedef struct wc_message {
    struct wc_message *next;
    size_t length;
    uint8_t bytes[];
} wc_message;

/** One call on a connection (the public warren_stream; unary calls use one internally). */
struct warren_stream {
    warren_client *client;
    wc_connection *connection; /* NULL once detached */
    struct warren_stream *next_on_connection;
    uint32_t id;
    const ProtobufCMessageDescriptor *response_type;
    int64_t deadline;          /* monotonic ms, or WC_NO_DEADLINE */
    uint32_t timeout_ms;       /* as sent, for messages */
    wc_message *queue_head;    /* responses not yet read */
    wc_message *queue_tail;
    bool over;                 /* the call has ended: `final` holds how */
    bool cancel_sent;
    warren_status final;
    int64_t send_window;       /* credit the server granted for our request bytes on this stream */
    uint32_t unreturned_credit; /* bytes read by the application not yet granted back */
};

/** The connection's own state. */
struct wc_connection {
    int fd;
    wc_buffer input;            /* bytes read, not yet parsed into frames */
    wc_buffer output;           /* frames being written */
    char *bearer_token;         /* owned; NULL for none */
    /* the server's SETTINGS */
    uint32_t peer_max_frame_size;
    uint32_t peer_max_concurrent_streams;
    uint32_t peer_initial_stream_window;
    uint32_t peer_initial_connection_window;
    uint32_t peer_max_message_size;
    bool settings_received;
    int64_t send_window;        /* connection credit the server granted us */
    uint32_t unreturned_credit; /* MESSAGE bytes received not yet granted back on stream 0 */
    uint32_t next_stream_id;
    uint32_t highest_stream_id; /* the last id opened */
    size_t open_streams;        /* calls opened and not yet over */
    bool going_away;            /* GOAWAY received: no new calls */
    uint32_t goaway_last_stream_id;
    bool broken;                /* unusable: every call on it has failed */
    warren_status failure;      /* why it broke (or the GOAWAY), given to calls it ends */
    warren_stream *streams;     /* every stream object still linked to it */
};

/**
 * Connects, writes the preface and SETTINGS, and waits for the server's SETTINGS before `deadline`.
 * Returns the connection, or NULL with `status` set.
 */
wc_connection *wc_connection_open(const char *address, const char *bearer_token, int64_t deadline,
                                  warren_status *status);

/** Closes the socket and frees the connection; its streams must have been detached. */
void wc_connection_free(wc_connection *connection);

/** Whether a new call may start on the connection. */
bool wc_connection_accepts_calls(const wc_connection *connection);

/**
 * Starts a call: HEADERS for `method` (with the client's token and the options' metadata) then `request`
 * as one MESSAGE with END_STREAM. Fills `stream`
 * (zeroed by the caller) and links it to the connection. Returns 0, or the code with `status` set.
 */
int wc_connection_start_call(wc_connection *connection, warren_stream *stream, const char *method,
                             const ProtobufCMessage *request, uint32_t timeout_ms,
                             const warren_call_options *options, warren_status *status);

/**
 * Reads once from the socket (waiting until `deadline`) and dispatches every complete frame.
 * Returns 0 after progress or a timeout, -1 once the connection is broken (its calls are then over).
 */
int wc_connection_pump(wc_connection *connection, int64_t deadline);

/** Grants the server credit for `length` bytes the application read on `stream` (one update per half window). */
void wc_connection_message_read(wc_connection *connection, warren_stream *stream, size_t length);

/** Sends CANCEL for an open call and ends it with CANCELLED `why`. */
void wc_connection_cancel_call(wc_connection *connection, warren_stream *stream, const char *why);

/** Sends CANCEL for an open call and ends it with `code` and `why` (a failure found by the client). */
void wc_connection_abort_call(wc_connection *connection, warren_stream *stream, warren_code code, const char *why);

/** Unlinks `stream` from its connection (cancelling it first if it is still open). */
void wc_connection_detach(wc_connection *connection, warren_stream *stream);

/** Ends a call with `code` and `message` (the first ending wins); frees nothing. */
void wc_stream_end(warren_stream *stream, warren_code code, const char *message);

#endif
