/*
 * types.c — finding message, service and method descriptors by their full proto names and paths.
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

int warren_find_method(const char *path, warren_method *method) {
    if (path == NULL || path[0] != '/') return -1;
    const char *slash = strchr(path + 1, '/');
    if (slash == NULL) return -1;
    for (size_t i = 0; i < wc_method_shape_count; i++) {
        if (strcmp(wc_method_shapes[i].path, path) != 0) continue;
        char service_name[256];
        size_t length = (size_t)(slash - path - 1);
        if (length >= sizeof service_name) return -1;
        memcpy(service_name, path + 1, length);
        service_name[length] = '\0';
        const ProtobufCServiceDescriptor *service = warren_service(service_name);
        const ProtobufCMethodDescriptor *descriptor =
            service ? protobuf_c_service_descriptor_get_method_by_name(service, slash + 1) : NULL;
        if (descriptor == NULL) return -1;
        method->path = wc_method_shapes[i].path;
        method->service = service;
        method->method = descriptor;
        method->client_streaming = wc_method_shapes[i].client_streaming;
        method->server_streaming = wc_method_shapes[i].server_streaming;
        return 0;
    }
    return -1;
}
