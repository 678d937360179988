/*
 * type_table.h — every message and service descriptor of Proto/warren/v1, listed by the Makefile
 * (tools/type-table.sh) from the generated headers, and every method's call shape (tools/method-table.sh).
 */
#ifndef WARREN_C_TYPE_TABLE_H
#define WARREN_C_TYPE_TABLE_H

#include <stddef.h>

#include <protobuf-c/protobuf-c.h>

extern const ProtobufCMessageDescriptor *const wc_message_types[];
extern const size_t wc_message_type_count;
extern const ProtobufCServiceDescriptor *const wc_services[];
extern const size_t wc_service_count;

/** A method's path and whether each side streams (from the .proto files; tools/method-table.sh). */
typedef struct wc_method_shape {
    const char *path;
    int client_streaming;
    int server_streaming;
} wc_method_shape;

extern const wc_method_shape wc_method_shapes[];
extern const size_t wc_method_shape_count;

#endif
