/*
 * buffer.h — a growable byte buffer: frames are built into one and the socket's bytes are read into one.
 */
#ifndef WARREN_C_BUFFER_H
#define WARREN_C_BUFFER_H

#include <stddef.h>
#include <stdint.h>

/** Bytes `data[start, len)` are live; `[0, start)` were consumed and are reclaimed on the next growth. */
typedef struct wc_buffer {
    uint8_t *data;
    size_t start;
    size_t len;
    size_t cap;
} wc_buffer;

/** Ensures room for `extra` more bytes after `len`; 0 on success, -1 when out of memory. */
int wc_buffer_reserve(wc_buffer *buffer, size_t extra);

/** Appends `count` bytes; 0 on success, -1 when out of memory. */
int wc_buffer_append(wc_buffer *buffer, const void *bytes, size_t count);

/** Appends `value` as 4 big-endian bytes; 0 on success, -1 when out of memory. */
int wc_buffer_append_u32(wc_buffer *buffer, uint32_t value);

/** The live bytes. */
static inline const uint8_t *wc_buffer_bytes(const wc_buffer *buffer) { return buffer->data + buffer->start; }

/** How many live bytes there are. */
static inline size_t wc_buffer_length(const wc_buffer *buffer) { return buffer->len - buffer->start; }

/** Drops `count` live bytes from the front. */
void wc_buffer_consume(wc_buffer *buffer, size_t count);

/** Drops every byte but keeps the allocation. */
void wc_buffer_clear(wc_buffer *buffer);

/** Releases the allocation. */
void wc_buffer_free(wc_buffer *buffer);

/** Reads a big-endian u32. */
static inline uint32_t wc_read_u32(const uint8_t *bytes) {
    return ((uint32_t)bytes[0] << 24) | ((uint32_t)bytes[1] << 16) | ((uint32_t)bytes[2] << 8) | bytes[3];
}

/** Writes `value` as 4 big-endian bytes. */
static inline void wc_write_u32(uint8_t *bytes, uint32_t value) {
    bytes[0] = (uint8_t)(value >> 24);
    bytes[1] = (uint8_t)(value >> 16);
    bytes[2] = (uint8_t)(value >> 8);
    bytes[3] = (uint8_t)value;
}

#endif
