/* Packing and unpacking any message by its descriptor (see cwarren_shim.h). */
#include "cwarren_shim.h"

static void *arena_alloc(void *arena, size_t size) { return cwarren_arena_alloc(arena, size); }
static void arena_free(void *arena, void *pointer) {
    (void)arena;
    (void)pointer; /* released with the arena */
}

size_t cwarren_packed_size(const ProtobufCMessage *message) { return protobuf_c_message_get_packed_size(message); }

size_t cwarren_pack(const ProtobufCMessage *message, uint8_t *out) { return protobuf_c_message_pack(message, out); }

ProtobufCMessage *cwarren_unpack(const ProtobufCMessageDescriptor *descriptor, cwarren_arena *arena,
                                 const uint8_t *data, size_t length) {
    ProtobufCAllocator allocator = {.alloc = arena_alloc, .free = arena_free, .allocator_data = arena};
    /* libprotobuf-c reads `data` only when length > 0, but never hand it NULL. */
    static const uint8_t empty = 0;
    return protobuf_c_message_unpack(descriptor, &allocator, length, length > 0 ? data : &empty);
}
