/*
 * CWarrenProto — umbrella header: the protoc-c output for Proto/warren/v1 and the cwarren_ shim.
 * Only WarrenProto imports this module (with `internal import`).
 */
#ifndef CWARREN_PROTO_H
#define CWARREN_PROTO_H

#include "cwarren_shim.h"
#include "cwarren_messages.h"

/** Length of a string field of a message unpacked into an arena, embedded NULs included. */
static inline size_t cwarren_unpacked_string_length(const char *string) {
    if (string == NULL || string == protobuf_c_empty_string) return 0;
    return cwarren_arena_allocation_size(string) - 1;
}

#endif /* CWARREN_PROTO_H */
