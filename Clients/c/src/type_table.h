/*
 * type_table.h — every message and service descriptor of Proto/warren/v1, listed by the Makefile
 * (tools/type-table.sh) from the generated headers.
 */
#ifndef WARREN_C_TYPE_TABLE_H
#define WARREN_C_TYPE_TABLE_H

#include <stddef.h>

#include <protobuf-c/protobuf-c.h>

extern const ProtobufCMessageDescriptor *const wc_message_types[];
extern const size_t wc_message_type_count;
extern const ProtobufCServiceDescriptor *const wc_services[];
extern const size_t wc_service_count;

#endif
