#include "buffer.h"

#include <stdlib.h>
#include <string.h>

int wc_buffer_reserve(wc_buffer *buffer, size_t extra) {
    if (buffer->cap - buffer->len >= extra) return 0;
    size_t live = buffer->len - buffer->start;
    if (buffer->start > 0) {
        memmove(buffer->data, buffer->data + buffer->start, live);
        buffer->start = 0;
        buffer->len = live;
        if (buffer->cap - buffer->len >= extra) return 0;
    }
    size_t wanted = live + extra;
    size_t cap = buffer->cap ? buffer->cap : 256;
    while (cap < wanted) {
        if (cap > SIZE_MAX / 2) return -1;
        cap *= 2;
    }
    uint8_t *data = realloc(buffer->data, cap);
    if (data == NULL) return -1;
    buffer->data = data;
    buffer->cap = cap;
    return 0;
}

int wc_buffer_append(wc_buffer *buffer, const void *bytes, size_t count) {
    if (count == 0) return 0;
    if (wc_buffer_reserve(buffer, count) != 0) return -1;
    memcpy(buffer->data + buffer->len, bytes, count);
    buffer->len += count;
    return 0;
}

int wc_buffer_append_u32(wc_buffer *buffer, uint32_t value) {
    uint8_t bytes[4];
    wc_write_u32(bytes, value);
    return wc_buffer_append(buffer, bytes, sizeof bytes);
}

void wc_buffer_consume(wc_buffer *buffer, size_t count) {
    buffer->start += count;
    if (buffer->start >= buffer->len) buffer->start = buffer->len = 0;
}

void wc_buffer_clear(wc_buffer *buffer) { buffer->start = buffer->len = 0; }

void wc_buffer_free(wc_buffer *buffer) {
    free(buffer->data);
    buffer->data = NULL;
    buffer->start = buffer->len = buffer->cap = 0;
}
