/* Bump arena used to build message trees for packing and to unpack into (see cwarren_shim.h). */
#include "cwarren_shim.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define ALIGNMENT 16
#define HEADER_SIZE 16
#define MIN_CHUNK 256

typedef struct chunk {
    struct chunk *next;
    size_t capacity;
    size_t used;
    _Alignas(ALIGNMENT) unsigned char bytes[];
} chunk;

struct cwarren_arena {
    chunk *first;   /* kept across resets */
    chunk *current; /* where allocation happens */
    int borrowed;   /* set while lent out by cwarren_arena_acquire */
};

static size_t round_up(size_t value) { return (value + (ALIGNMENT - 1)) & ~(size_t)(ALIGNMENT - 1); }

static chunk *chunk_create(size_t capacity) {
    chunk *c = malloc(sizeof(chunk) + capacity);
    if (c == NULL) return NULL;
    c->next = NULL;
    c->capacity = capacity;
    c->used = 0;
    return c;
}

cwarren_arena *cwarren_arena_create(size_t first_chunk_size) {
    cwarren_arena *arena = malloc(sizeof(cwarren_arena));
    if (arena == NULL) return NULL;
    arena->first = chunk_create(round_up(first_chunk_size < MIN_CHUNK ? MIN_CHUNK : first_chunk_size));
    if (arena->first == NULL) {
        free(arena);
        return NULL;
    }
    arena->current = arena->first;
    arena->borrowed = 0;
    return arena;
}

static void free_chunks_after(chunk *c) {
    chunk *next = c->next;
    while (next != NULL) {
        chunk *after = next->next;
        free(next);
        next = after;
    }
    c->next = NULL;
}

void cwarren_arena_destroy(cwarren_arena *arena) {
    if (arena == NULL) return;
    free_chunks_after(arena->first);
    free(arena->first);
    free(arena);
}

void cwarren_arena_reset(cwarren_arena *arena) {
    free_chunks_after(arena->first);
    arena->first->used = 0;
    arena->current = arena->first;
}

void *cwarren_arena_alloc(cwarren_arena *arena, size_t size) {
    if (size > SIZE_MAX / 2) return NULL;
    size_t needed = HEADER_SIZE + round_up(size);
    chunk *c = arena->current;
    if (c->capacity - c->used < needed) {
        size_t capacity = c->capacity * 2;
        if (capacity < needed) capacity = round_up(needed);
        chunk *grown = chunk_create(capacity);
        if (grown == NULL) return NULL;
        c->next = grown;
        arena->current = c = grown;
    }
    unsigned char *block = c->bytes + c->used;
    c->used += needed;
    memset(block, 0, needed);
    memcpy(block, &size, sizeof(size));
    return block + HEADER_SIZE;
}

size_t cwarren_arena_allocation_size(const void *pointer) {
    size_t size;
    memcpy(&size, (const unsigned char *)pointer - HEADER_SIZE, sizeof(size));
    return size;
}

char *cwarren_arena_copy_string(cwarren_arena *arena, const uint8_t *bytes, size_t length) {
    char *copy = cwarren_arena_alloc(arena, length + 1);
    if (copy == NULL) return NULL;
    if (length > 0) memcpy(copy, bytes, length);
    return copy; /* the arena zeroes memory, so the NUL is already there */
}

size_t cwarren_arena_capacity(const cwarren_arena *arena) {
    size_t total = 0;
    for (const chunk *c = arena->first; c != NULL; c = c->next) total += c->capacity;
    return total;
}

/* ---- One cached arena per thread: the common encode/decode path allocates nothing from malloc. ---- */

#define CACHED_CHUNK_SIZE 16384

static pthread_key_t cached_key;
static pthread_once_t cached_once = PTHREAD_ONCE_INIT;

static void destroy_cached(void *arena) { cwarren_arena_destroy(arena); }
static void make_cached_key(void) { pthread_key_create(&cached_key, destroy_cached); }

cwarren_arena *cwarren_arena_acquire(void) {
    pthread_once(&cached_once, make_cached_key);
    cwarren_arena *arena = pthread_getspecific(cached_key);
    if (arena == NULL) {
        arena = cwarren_arena_create(CACHED_CHUNK_SIZE);
        if (arena == NULL) return NULL;
        pthread_setspecific(cached_key, arena);
    }
    if (arena->borrowed) return cwarren_arena_create(CACHED_CHUNK_SIZE);
    arena->borrowed = 1;
    return arena;
}

void cwarren_arena_release(cwarren_arena *arena) {
    if (arena == NULL) return;
    if (arena->borrowed && pthread_getspecific(cached_key) == arena) {
        cwarren_arena_reset(arena);
        arena->borrowed = 0;
    } else {
        cwarren_arena_destroy(arena);
    }
}
