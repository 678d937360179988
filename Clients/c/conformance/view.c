/*
 * view.c — paths into a response view (README.md "Paths"): proto field names joined by dots, a number
 * indexing the repeated field (or `messages` list) before it. Resolution walks protobuf-c descriptors;
 * a oneof member that is not the chosen one, or a message field left unset, resolves to "missing".
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conformance.h"

/** What a path leads to. */
typedef enum place_kind { PLACE_MISSING, PLACE_MESSAGE, PLACE_SCALAR, PLACE_LIST } place_kind;

typedef struct place {
    place_kind kind;
    const ProtobufCMessage *message;       /* PLACE_MESSAGE */
    const ProtobufCFieldDescriptor *field; /* PLACE_SCALAR (its type), PLACE_LIST of a repeated field */
    const void *value;                     /* PLACE_SCALAR: the stored value; PLACE_LIST: the array */
    size_t count;                          /* PLACE_LIST */
    bool messages;                         /* PLACE_LIST: the view's own `messages` */
} place;

/** The stored size of one element of a repeated field. */
static size_t element_size(const ProtobufCFieldDescriptor *field) {
    switch (field->type) {
    case PROTOBUF_C_TYPE_INT64:
    case PROTOBUF_C_TYPE_SINT64:
    case PROTOBUF_C_TYPE_SFIXED64:
    case PROTOBUF_C_TYPE_UINT64:
    case PROTOBUF_C_TYPE_FIXED64:
    case PROTOBUF_C_TYPE_DOUBLE: return 8;
    case PROTOBUF_C_TYPE_STRING:
    case PROTOBUF_C_TYPE_MESSAGE: return sizeof(void *);
    case PROTOBUF_C_TYPE_BYTES: return sizeof(ProtobufCBinaryData);
    case PROTOBUF_C_TYPE_BOOL: return sizeof(protobuf_c_boolean);
    default: return 4;
    }
}

/** The field `name` of `message` as a place. */
static place field_place(const ProtobufCMessage *message, const char *name, char *why) {
    const ProtobufCFieldDescriptor *field = protobuf_c_message_descriptor_get_field_by_name(message->descriptor, name);
    const char *base = (const char *)message;
    if (field == NULL) {
        snprintf(why, WHY_SIZE, "%s has no field \"%s\"", message->descriptor->name, name);
        return (place){.kind = PLACE_MISSING};
    }
    if (field->label == PROTOBUF_C_LABEL_REPEATED) {
        return (place){.kind = PLACE_LIST,
                       .field = field,
                       .value = *(void *const *)(base + field->offset),
                       .count = *(const size_t *)(base + field->quantifier_offset)};
    }
    if ((field->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) && *(const uint32_t *)(base + field->quantifier_offset) != field->id) {
        snprintf(why, WHY_SIZE, "%s is not set (another member of its oneof is)", name);
        return (place){.kind = PLACE_MISSING};
    }
    if (field->type == PROTOBUF_C_TYPE_MESSAGE) {
        const ProtobufCMessage *child = *(ProtobufCMessage *const *)(base + field->offset);
        if (child == NULL) snprintf(why, WHY_SIZE, "%s is not set", name);
        return child ? (place){.kind = PLACE_MESSAGE, .message = child} : (place){.kind = PLACE_MISSING};
    }
    return (place){.kind = PLACE_SCALAR, .field = field, .value = base + field->offset};
}

/** Element `index` of a list place. */
static place element_place(const place *list, const char *segment, char *why) {
    char *end = NULL;
    unsigned long index = strtoul(segment, &end, 10);
    if (*segment == '\0' || *end != '\0') {
        snprintf(why, WHY_SIZE, "\"%s\" where an index was expected", segment);
        return (place){.kind = PLACE_MISSING};
    }
    if (index >= list->count) {
        snprintf(why, WHY_SIZE, "index %lu is out of range (%zu elements)", index, list->count);
        return (place){.kind = PLACE_MISSING};
    }
    if (list->messages || list->field->type == PROTOBUF_C_TYPE_MESSAGE) {
        return (place){.kind = PLACE_MESSAGE, .message = ((ProtobufCMessage *const *)list->value)[index]};
    }
    return (place){.kind = PLACE_SCALAR,
                   .field = list->field,
                   .value = (const char *)list->value + index * element_size(list->field)};
}

/** Resolves `path` in the view; a PLACE_MISSING result comes with `why`. */
static place resolve(const response_view *view, const char *path, char *why) {
    char *copy = strdup(path);
    place here = view->streaming ? (place){.kind = PLACE_MISSING} : (place){.kind = PLACE_MESSAGE, .message = view->message};
    bool first = true;
    char *saved = NULL;
    for (char *segment = strtok_r(copy, ".", &saved); segment != NULL; segment = strtok_r(NULL, ".", &saved)) {
        if (first && view->streaming) {
            here = strcmp(segment, "messages") == 0
                       ? (place){.kind = PLACE_LIST, .value = view->messages, .count = view->count, .messages = true}
                       : (place){.kind = PLACE_MISSING};
            if (here.kind == PLACE_MISSING) snprintf(why, WHY_SIZE, "a streamed call's view has only `messages`");
        } else if (here.kind == PLACE_LIST) {
            here = element_place(&here, segment, why);
        } else if (here.kind == PLACE_MESSAGE) {
            here = field_place(here.message, segment, why);
        } else if (here.kind == PLACE_SCALAR) {
            snprintf(why, WHY_SIZE, "the path runs on past the scalar before \"%s\"", segment);
            here = (place){.kind = PLACE_MISSING};
        }
        first = false;
        if (here.kind == PLACE_MISSING) break;
    }
    free(copy);
    return here;
}

/** A scalar's value as text (`buffer` for numbers); NULL for a type outside the scenario's subset. */
static const char *scalar_text(const place *scalar, char *buffer, size_t size) {
    const void *value = scalar->value;
    switch (scalar->field->type) {
    case PROTOBUF_C_TYPE_STRING: return *(char *const *)value;
    case PROTOBUF_C_TYPE_BOOL: return *(const protobuf_c_boolean *)value ? "true" : "false";
    case PROTOBUF_C_TYPE_ENUM: {
        const ProtobufCEnumValue *known = protobuf_c_enum_descriptor_get_value(scalar->field->descriptor, *(const int *)value);
        if (known != NULL) return known->name;
        snprintf(buffer, size, "%d", *(const int *)value);
        return buffer;
    }
    case PROTOBUF_C_TYPE_INT32:
    case PROTOBUF_C_TYPE_SINT32:
    case PROTOBUF_C_TYPE_SFIXED32: snprintf(buffer, size, "%" PRId32, *(const int32_t *)value); return buffer;
    case PROTOBUF_C_TYPE_UINT32:
    case PROTOBUF_C_TYPE_FIXED32: snprintf(buffer, size, "%" PRIu32, *(const uint32_t *)value); return buffer;
    case PROTOBUF_C_TYPE_INT64:
    case PROTOBUF_C_TYPE_SINT64:
    case PROTOBUF_C_TYPE_SFIXED64: snprintf(buffer, size, "%" PRId64, *(const int64_t *)value); return buffer;
    case PROTOBUF_C_TYPE_UINT64:
    case PROTOBUF_C_TYPE_FIXED64: snprintf(buffer, size, "%" PRIu64, *(const uint64_t *)value); return buffer;
    default: return NULL;
    }
}

/** Whether a scalar holds its type's default (what the wire does not carry). */
static bool is_default(const place *scalar, const char *text) {
    switch (scalar->field->type) {
    case PROTOBUF_C_TYPE_STRING: return text[0] == '\0';
    case PROTOBUF_C_TYPE_BOOL: return strcmp(text, "false") == 0;
    case PROTOBUF_C_TYPE_ENUM: return *(const int *)scalar->value == 0;
    default: return strcmp(text, "0") == 0;
    }
}

/** The expected JSON value as text in the scalar's terms: numbers in decimal, bools, strings. */
static const char *expected_text(const cJSON *expected, char *buffer, size_t size) {
    if (cJSON_IsString(expected)) return expected->valuestring;
    if (cJSON_IsBool(expected)) return cJSON_IsTrue(expected) ? "true" : "false";
    if (cJSON_IsNumber(expected) && expected->valuedouble == floor(expected->valuedouble)) {
        snprintf(buffer, size, "%.0f", expected->valuedouble);
        return buffer;
    }
    return NULL;
}

bool view_check_field(const response_view *view, const char *path, const cJSON *expected, char *why) {
    char reason[WHY_SIZE] = "";
    place found = resolve(view, path, reason);
    char have_buffer[64], want_buffer[64];
    const char *want = expected_text(expected, want_buffer, sizeof want_buffer);
    if (found.kind != PLACE_SCALAR) {
        snprintf(why, WHY_SIZE, "%.200s: expected %.200s, %.600s", path, want ? want : "?",
                 found.kind == PLACE_MISSING ? reason : "found a message or list");
        return false;
    }
    const char *have = scalar_text(&found, have_buffer, sizeof have_buffer);
    bool string_field = found.field->type == PROTOBUF_C_TYPE_STRING || found.field->type == PROTOBUF_C_TYPE_ENUM;
    bool type_fits = string_field ? cJSON_IsString(expected)
                   : found.field->type == PROTOBUF_C_TYPE_BOOL ? cJSON_IsBool(expected)
                                                               : cJSON_IsNumber(expected);
    if (have == NULL || want == NULL || !type_fits || strcmp(have, want) != 0) {
        snprintf(why, WHY_SIZE, "%s is %s, expected %s", path, have ? have : "(unsupported type)", want ? want : "?");
        return false;
    }
    return true;
}

bool view_check_present(const response_view *view, const char *path, char *why) {
    char reason[WHY_SIZE] = "";
    place found = resolve(view, path, reason);
    if (found.kind == PLACE_MESSAGE) return true;
    snprintf(why, WHY_SIZE, "%.200s is not present: %.600s", path, found.kind == PLACE_MISSING ? reason : "not a message field");
    return false;
}

bool view_check_length(const response_view *view, const char *path, long length, char *why) {
    char reason[WHY_SIZE] = "";
    place found = resolve(view, path, reason);
    if (found.kind != PLACE_LIST) {
        snprintf(why, WHY_SIZE, "%.200s: %.600s", path, found.kind == PLACE_MISSING ? reason : "not a repeated field");
        return false;
    }
    if ((long)found.count != length) {
        snprintf(why, WHY_SIZE, "%s has %zu elements, expected %ld", path, found.count, length);
        return false;
    }
    return true;
}

const char *view_save(memory_arena *arena, const response_view *view, const char *path, char *why) {
    char reason[WHY_SIZE] = "";
    place found = resolve(view, path, reason);
    char buffer[64];
    const char *text = found.kind == PLACE_SCALAR ? scalar_text(&found, buffer, sizeof buffer) : NULL;
    if (text == NULL || is_default(&found, text)) {
        snprintf(why, WHY_SIZE, "save: %s not set", path);
        return NULL;
    }
    return arena_strdup(arena, text);
}
