/* Per-message zlib compression with a hard cap on inflated size (see cwarren_shim.h). */
#include "cwarren_shim.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

size_t cwarren_deflate_bound(size_t length) { return (size_t)compressBound((uLong)length); }

cwarren_zlib_result cwarren_deflate(const uint8_t *data, size_t length, uint8_t *out, size_t capacity,
                                    int level, size_t *written) {
    if (length > UINT_MAX || capacity > UINT_MAX) return CWARREN_ZLIB_OUTPUT_TOO_SMALL;
    z_stream stream;
    memset(&stream, 0, sizeof(stream));
    if (deflateInit(&stream, level) != Z_OK) return CWARREN_ZLIB_NO_MEMORY;
    stream.next_in = (Bytef *)data;
    stream.avail_in = (uInt)length;
    stream.next_out = out;
    stream.avail_out = (uInt)capacity;
    int status = deflate(&stream, Z_FINISH);
    *written = stream.total_out;
    deflateEnd(&stream);
    return status == Z_STREAM_END ? CWARREN_ZLIB_OK : CWARREN_ZLIB_OUTPUT_TOO_SMALL;
}

static size_t initial_capacity(size_t length, size_t limit) {
    size_t guess = length < SIZE_MAX / 4 ? length * 4 : SIZE_MAX;
    if (guess < 256) guess = 256;
    return guess < limit ? guess : limit;
}

static cwarren_zlib_result fail(z_stream *stream, uint8_t *buffer, cwarren_zlib_result result) {
    inflateEnd(stream);
    free(buffer);
    return result;
}

cwarren_zlib_result cwarren_inflate(const uint8_t *data, size_t length, size_t limit, uint8_t **out,
                                    size_t *written) {
    *out = NULL;
    *written = 0;
    if (length > UINT_MAX) return CWARREN_ZLIB_LIMIT_EXCEEDED;
    z_stream stream;
    memset(&stream, 0, sizeof(stream));
    if (inflateInit(&stream) != Z_OK) return CWARREN_ZLIB_NO_MEMORY;
    stream.next_in = (Bytef *)data;
    stream.avail_in = (uInt)length;
    size_t capacity = initial_capacity(length, limit);
    /* One byte of headroom beyond the limit tells "exactly limit" apart from "more than limit". */
    uint8_t *buffer = malloc(capacity + 1);
    if (buffer == NULL) return fail(&stream, NULL, CWARREN_ZLIB_NO_MEMORY);
    for (;;) {
        size_t room = capacity + 1 - stream.total_out;
        stream.next_out = buffer + stream.total_out;
        stream.avail_out = room > UINT_MAX ? UINT_MAX : (uInt)room;
        int status = inflate(&stream, Z_NO_FLUSH);
        if (stream.total_out > limit) return fail(&stream, buffer, CWARREN_ZLIB_LIMIT_EXCEEDED);
        if (status == Z_STREAM_END) break;
        if (status == Z_MEM_ERROR) return fail(&stream, buffer, CWARREN_ZLIB_NO_MEMORY);
        if (status != Z_OK && status != Z_BUF_ERROR) return fail(&stream, buffer, CWARREN_ZLIB_CORRUPT);
        if (stream.avail_in == 0 && stream.avail_out > 0) return fail(&stream, buffer, CWARREN_ZLIB_CORRUPT);
        if (stream.avail_out == 0 && capacity < limit) {
            size_t grown = capacity <= limit / 2 ? capacity * 2 : limit;
            uint8_t *bigger = realloc(buffer, grown + 1);
            if (bigger == NULL) return fail(&stream, buffer, CWARREN_ZLIB_NO_MEMORY);
            buffer = bigger;
            capacity = grown;
        }
    }
    *written = stream.total_out;
    *out = buffer;
    inflateEnd(&stream);
    return CWARREN_ZLIB_OK;
}

void cwarren_buffer_free(uint8_t *buffer) { free(buffer); }
