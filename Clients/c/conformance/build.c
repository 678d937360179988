/*
 * build.c — a request in the proto3 JSON mapping (the subset README.md allows: proto field names,
 * strings, bools, integers as numbers or decimal strings, enums by full name, messages, repeated
 * fields) into a protobuf-c message, by walking its descriptor. Everything is allocated in the arena.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conformance.h"

/** The size of one value of a field's type, as protobuf-c stores it. */
static size_t value_size(const ProtobufCFieldDescriptor *field) {
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

/** Reads an integer given as a JSON number or a decimal string. */
static bool integer_of(const cJSON *json, bool is_signed, long long *signed_value, unsigned long long *unsigned_value) {
    if (cJSON_IsNumber(json)) {
        double number = json->valuedouble;
        if (number != floor(number) || (!is_signed && number < 0)) return false;
        *signed_value = (long long)number;
        *unsigned_value = (unsigned long long)number;
        return true;
    }
    if (!cJSON_IsString(json) || json->valuestring[0] == '\0') return false;
    char *end = NULL;
    errno = 0;
    if (is_signed) *signed_value = strtoll(json->valuestring, &end, 10);
    else *unsigned_value = strtoull(json->valuestring, &end, 10);
    return errno == 0 && *end == '\0' && (is_signed || json->valuestring[0] != '-');
}

/** Stores an integer value of `field` at `member`. */
static bool set_integer(const ProtobufCFieldDescriptor *field, void *member, const cJSON *json) {
    long long s = 0;
    unsigned long long u = 0;
    switch (field->type) {
    case PROTOBUF_C_TYPE_INT32:
    case PROTOBUF_C_TYPE_SINT32:
    case PROTOBUF_C_TYPE_SFIXED32:
        if (!integer_of(json, true, &s, &u) || s < INT32_MIN || s > INT32_MAX) return false;
        *(int32_t *)member = (int32_t)s;
        return true;
    case PROTOBUF_C_TYPE_UINT32:
    case PROTOBUF_C_TYPE_FIXED32:
        if (!integer_of(json, false, &s, &u) || u > UINT32_MAX) return false;
        *(uint32_t *)member = (uint32_t)u;
        return true;
    case PROTOBUF_C_TYPE_INT64:
    case PROTOBUF_C_TYPE_SINT64:
    case PROTOBUF_C_TYPE_SFIXED64:
        if (!integer_of(json, true, &s, &u)) return false;
        *(int64_t *)member = (int64_t)s;
        return true;
    default:
        if (!integer_of(json, false, &s, &u)) return false;
        *(uint64_t *)member = (uint64_t)u;
        return true;
    }
}

/** Stores one JSON value of `field`'s type at `member`. */
static bool set_value(memory_arena *arena, const ProtobufCFieldDescriptor *field, void *member, const cJSON *json,
                      const char *where, char *why) {
    switch (field->type) {
    case PROTOBUF_C_TYPE_STRING:
        if (!cJSON_IsString(json)) break;
        *(char **)member = arena_strdup(arena, json->valuestring);
        return true;
    case PROTOBUF_C_TYPE_BOOL:
        if (!cJSON_IsBool(json)) break;
        *(protobuf_c_boolean *)member = cJSON_IsTrue(json);
        return true;
    case PROTOBUF_C_TYPE_ENUM: {
        const ProtobufCEnumValue *value =
            cJSON_IsString(json) ? protobuf_c_enum_descriptor_get_value_by_name(field->descriptor, json->valuestring)
            : cJSON_IsNumber(json) ? protobuf_c_enum_descriptor_get_value(field->descriptor, json->valueint)
                                   : NULL;
        if (value == NULL) break;
        *(int *)member = value->value;
        return true;
    }
    case PROTOBUF_C_TYPE_MESSAGE: {
        ProtobufCMessage *message = build_message(arena, field->descriptor, json, why);
        *(ProtobufCMessage **)member = message;
        return message != NULL;
    }
    case PROTOBUF_C_TYPE_FLOAT:
    case PROTOBUF_C_TYPE_DOUBLE:
    case PROTOBUF_C_TYPE_BYTES:
        snprintf(why, WHY_SIZE, "request field %s: its type is outside the scenario's JSON subset", where);
        return false;
    default:
        if (set_integer(field, member, json)) return true;
        break;
    }
    char *text = cJSON_PrintUnformatted(json);
    snprintf(why, WHY_SIZE, "request field %s: unexpected value %s", where, text ? text : "?");
    free(text);
    return false;
}

/** Fills a repeated field from a JSON array. */
static bool set_repeated(memory_arena *arena, const ProtobufCFieldDescriptor *field, ProtobufCMessage *message,
                         const cJSON *json, const char *where, char *why) {
    if (!cJSON_IsArray(json)) {
        snprintf(why, WHY_SIZE, "request field %s: expected an array", where);
        return false;
    }
    size_t count = (size_t)cJSON_GetArraySize(json);
    char *values = arena_alloc(arena, count * value_size(field));
    size_t index = 0;
    for (const cJSON *item = json->child; item != NULL; item = item->next, index++) {
        if (!set_value(arena, field, values + index * value_size(field), item, where, why)) return false;
    }
    *(size_t *)((char *)message + field->quantifier_offset) = count;
    *(void **)((char *)message + field->offset) = values;
    return true;
}

ProtobufCMessage *build_message(memory_arena *arena, const ProtobufCMessageDescriptor *type, const cJSON *json, char *why) {
    if (!cJSON_IsObject(json)) {
        snprintf(why, WHY_SIZE, "a %s must be a JSON object", type->name);
        return NULL;
    }
    ProtobufCMessage *message = arena_alloc(arena, type->sizeof_message);
    protobuf_c_message_init(type, message);
    for (const cJSON *member = json->child; member != NULL; member = member->next) {
        const ProtobufCFieldDescriptor *field = protobuf_c_message_descriptor_get_field_by_name(type, member->string);
        char where[256];
        snprintf(where, sizeof where, "%s.%s", type->name, member->string);
        if (field == NULL) {
            snprintf(why, WHY_SIZE, "%s has no field \"%s\"", type->name, member->string);
            return NULL;
        }
        if (field->label == PROTOBUF_C_LABEL_REPEATED) {
            if (!set_repeated(arena, field, message, member, where, why)) return NULL;
            continue;
        }
        if (!set_value(arena, field, (char *)message + field->offset, member, where, why)) return NULL;
        if (field->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
            *(uint32_t *)((char *)message + field->quantifier_offset) = field->id;
        } else if (field->label == PROTOBUF_C_LABEL_OPTIONAL && field->quantifier_offset != 0) {
            *(protobuf_c_boolean *)((char *)message + field->quantifier_offset) = 1;
        }
    }
    return message;
}
