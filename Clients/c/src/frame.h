/*
 * frame.h — the Warren framing (PROTOCOL.md "Framing"): the preface, the 10-byte frame header, the
 * header checks a receiver makes before reading a payload, and writers for every frame the client sends.
 */
#ifndef WARREN_C_FRAME_H
#define WARREN_C_FRAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <protobuf-c/protobuf-c.h>

#include "buffer.h"

#define WC_FRAME_HEADER_SIZE 10
#define WC_PREFACE_SIZE 8
#define WC_PROTOCOL_VERSION 1
/** Every peer accepts frames of at least this size, and a sender keeps to it until it has SETTINGS. */
#define WC_MIN_MAX_FRAME_SIZE 16384u
/** The default window when SETTINGS leave it unannounced (0). */
#define WC_DEFAULT_WINDOW 65535u
/** The largest window and WINDOW_UPDATE increment, 2^31-1. */
#define WC_MAX_WINDOW 0x7FFFFFFFu

/** The frame type byte. */
typedef enum wc_frame_type {
    WC_FRAME_SETTINGS = 0,
    WC_FRAME_HEADERS = 1,
    WC_FRAME_MESSAGE = 2,
    WC_FRAME_TRAILERS = 3,
    WC_FRAME_CANCEL = 4,
    WC_FRAME_WINDOW_UPDATE = 5,
    WC_FRAME_PING = 6,
    WC_FRAME_GOAWAY = 7,
} wc_frame_type;

#define WC_FLAG_END_STREAM 0x01u
#define WC_FLAG_ACK 0x01u
#define WC_FLAG_COMPRESSED 0x02u

/** A parsed frame header. */
typedef struct wc_frame_header {
    uint32_t length;
    uint8_t type;
    uint8_t flags;
    uint32_t stream_id;
} wc_frame_header;

/** The 8-byte version 1 preface: `WRN\0`, version 1, two reserved zero bytes. */
extern const uint8_t wc_preface[WC_PREFACE_SIZE];

/** Parses the 10 header bytes at `bytes`. */
wc_frame_header wc_frame_header_parse(const uint8_t *bytes);

/**
 * Checks a header in PROTOCOL.md's order (length, fixed lengths, flags, stream id).
 * Returns NULL when it is valid, else a static description of the first broken rule; `*too_large`
 * is set when that rule is the maximum frame size (GOAWAY FRAME_TOO_LARGE rather than PROTOCOL_ERROR).
 */
const char *wc_frame_header_check(const wc_frame_header *header, uint32_t max_frame_size, bool *too_large);

/** Appends a frame header. 0 on success, -1 when out of memory. */
int wc_frame_put_header(wc_buffer *out, uint32_t length, wc_frame_type type, uint8_t flags, uint32_t stream_id);

/** Appends a frame whose payload is `payload[0, length)`. 0 on success, -1 when out of memory. */
int wc_frame_put(wc_buffer *out, wc_frame_type type, uint8_t flags, uint32_t stream_id, const void *payload,
                 size_t length);

/** Appends a frame whose payload is `message` packed. 0 on success, -1 when out of memory. */
int wc_frame_put_message(wc_buffer *out, wc_frame_type type, uint8_t flags, uint32_t stream_id,
                         const ProtobufCMessage *message);

/** Appends a WINDOW_UPDATE granting `increment` (1 to 2^31-1) bytes on `stream_id`. */
int wc_frame_put_window_update(wc_buffer *out, uint32_t stream_id, uint32_t increment);

/** The frame type's name, for messages ("MESSAGE", or "type 9" for unknown types). */
const char *wc_frame_type_name(uint8_t type);

#endif
