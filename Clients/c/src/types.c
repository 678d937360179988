/*
 * types.c — finding message and service descriptors by their full proto names.
 */
#include <string.h>

#include "type_table.h"
#include "warren_client.h"

const ProtobufCMessageDescriptor *warren_message_type(const char *full_name) {
    if (full_name == NULL) return NULL;
    for (size_t i = 0; i < wc_message_type_count; i++) {
        if (strcmp(wc_message_types[i]->name, full_name) == 0) return wc_message_types[i];
    }
    return NULL;
}

const ProtobufCServiceDescriptor *warren_service(const char *full_name) {
    if (full_name == NULL) return NULL;
    for (size_t i = 0; i < wc_service_count; i++) {
        if (strcmp(wc_services[i]->name, full_name) == 0) return wc_services[i];
    }
    return NULL;
}
