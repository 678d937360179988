/*
 * cwarren_shim.h — the thin C API WarrenProto uses over libprotobuf-c and zlib.
 *
 * Ownership rules:
 *   - An arena owns every allocation made from it; nothing made from an arena is freed alone.
 *     `cwarren_arena_reset` releases all of it at once, `cwarren_arena_destroy` also the arena.
 *   - Messages unpacked into an arena live until that arena is reset; never pass them to
 *     protobuf_c_message_free_unpacked.
 *   - Buffers returned by `cwarren_inflate` are malloc'd and freed with `cwarren_buffer_free`.
 * Nothing here keeps global state except one cached arena per thread (see cwarren_arena_acquire).
 */
#ifndef CWARREN_SHIM_H
#define CWARREN_SHIM_H

#include <stddef.h>
#include <stdint.h>
#include <protobuf-c/protobuf-c.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Arena: bump allocation for building and unpacking message trees ---- */

/** A bump allocator: many small allocations, released together. */
typedef struct cwarren_arena cwarren_arena;

/** Creates an arena whose first chunk holds `first_chunk_size` bytes (at least 256). NULL when out of memory. */
cwarren_arena *cwarren_arena_create(size_t first_chunk_size);

/** Releases an arena and everything allocated from it. */
void cwarren_arena_destroy(cwarren_arena *arena);

/** Releases everything allocated from the arena but keeps its first chunk for reuse. */
void cwarren_arena_reset(cwarren_arena *arena);

/** Allocates `size` zeroed bytes aligned to 16, remembering the size. NULL when out of memory. */
void *cwarren_arena_alloc(cwarren_arena *arena, size_t size);

/** The size that was requested for `pointer`, which must come from cwarren_arena_alloc. */
size_t cwarren_arena_allocation_size(const void *pointer);

/** Copies `length` bytes into the arena and appends a NUL. NULL when out of memory. */
char *cwarren_arena_copy_string(cwarren_arena *arena, const uint8_t *bytes, size_t length);

/** Bytes currently held by the arena's chunks (for tests and bounds). */
size_t cwarren_arena_capacity(const cwarren_arena *arena);

/**
 * Borrows this thread's cached arena, or a new one if the cached arena is already borrowed.
 * Always pair with cwarren_arena_release on the same thread, without suspending in between.
 */
cwarren_arena *cwarren_arena_acquire(void);

/** Returns an arena from cwarren_arena_acquire: resets it (shrinking it to its first chunk) or destroys it. */
void cwarren_arena_release(cwarren_arena *arena);

/* ---- Messages ---- */

/** The packed size of a message tree. */
size_t cwarren_packed_size(const ProtobufCMessage *message);

/** Packs a message into `out`, which must hold `cwarren_packed_size(message)` bytes. Returns the bytes written. */
size_t cwarren_pack(const ProtobufCMessage *message, uint8_t *out);

/**
 * Unpacks `length` bytes as a message of type `descriptor`, allocating from `arena`.
 * NULL when the bytes are not a valid encoding (call cwarren_diagnose for why) or memory ran out.
 */
ProtobufCMessage *cwarren_unpack(const ProtobufCMessageDescriptor *descriptor, cwarren_arena *arena,
                                 const uint8_t *data, size_t length);

/** Result of cwarren_diagnose. */
typedef enum {
    CWARREN_DIAGNOSIS_VALID = 0,      /**< the walker found nothing wrong */
    CWARREN_DIAGNOSIS_MALFORMED = 1,  /**< bad wire structure: truncation, bad tag, bad length, wrong wire type */
    CWARREN_DIAGNOSIS_INVALID_UTF8 = 2, /**< a string field holds bytes that are not UTF-8, or a NUL */
    CWARREN_DIAGNOSIS_TOO_DEEP = 3    /**< nesting deeper than CWARREN_MAX_DEPTH */
} cwarren_diagnosis;

/** Deepest nesting of messages the diagnosis walker follows. */
#define CWARREN_MAX_DEPTH 64

/**
 * Walks `data` against `descriptor` and explains the first problem found in `message`
 * (NUL-terminated, truncated to `capacity`). Used after cwarren_unpack fails, to say why.
 */
cwarren_diagnosis cwarren_diagnose(const ProtobufCMessageDescriptor *descriptor, const uint8_t *data,
                                   size_t length, char *message, size_t capacity);

/* ---- zlib (per-message compression, format "deflate" = RFC 1950 zlib stream) ---- */

/** Result of the zlib helpers. */
typedef enum {
    CWARREN_ZLIB_OK = 0,
    CWARREN_ZLIB_LIMIT_EXCEEDED = 1, /**< inflating would produce more than the caller's limit */
    CWARREN_ZLIB_CORRUPT = 2,        /**< the input is not a complete zlib stream */
    CWARREN_ZLIB_NO_MEMORY = 3,
    CWARREN_ZLIB_OUTPUT_TOO_SMALL = 4 /**< the caller's output buffer is too small */
} cwarren_zlib_result;

/** An upper bound on the deflated size of `length` bytes. */
size_t cwarren_deflate_bound(size_t length);

/** Deflates `length` bytes into `out` (capacity from cwarren_deflate_bound); `*written` gets the size. */
cwarren_zlib_result cwarren_deflate(const uint8_t *data, size_t length, uint8_t *out, size_t capacity,
                                    int level, size_t *written);

/**
 * Inflates a zlib stream into a new malloc'd buffer of at most `limit` bytes (`*out`, `*written`).
 * Output beyond `limit` stops the inflation with CWARREN_ZLIB_LIMIT_EXCEEDED: a decompression bomb
 * never costs more than `limit` bytes of memory.
 */
cwarren_zlib_result cwarren_inflate(const uint8_t *data, size_t length, size_t limit, uint8_t **out,
                                    size_t *written);

/** Frees a buffer returned by cwarren_inflate. */
void cwarren_buffer_free(uint8_t *buffer);

#ifdef __cplusplus
}
#endif

#endif /* CWARREN_SHIM_H */
