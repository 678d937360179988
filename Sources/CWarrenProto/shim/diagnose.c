/*
 * Explains why libprotobuf-c rejected a message. libprotobuf-c only returns NULL, so after a failed
 * unpack we walk the bytes again against the descriptor and name the first problem: its offset, the
 * field (by name and number) and what was wrong. The walk never allocates and never follows nesting
 * deeper than CWARREN_MAX_DEPTH.
 */
#include "cwarren_shim.h"

#include <stdarg.h>
#include <stdio.h>

typedef struct {
    char *message;
    size_t capacity;
} walk_context;

static cwarren_diagnosis report(walk_context *ctx, cwarren_diagnosis kind, const char *format, ...) {
    if (ctx->capacity > 0) {
        va_list args;
        va_start(args, format);
        vsnprintf(ctx->message, ctx->capacity, format, args);
        va_end(args);
    }
    return kind;
}

/* Reads a varint at *pos; returns 0 when truncated (needed=1) or longer than 10 bytes (needed=0). */
static int read_varint(const uint8_t *p, size_t end, size_t *pos, uint64_t *value, int *truncated) {
    uint64_t result = 0;
    for (unsigned shift = 0, i = 0; i < 10; i++, shift += 7) {
        if (*pos >= end) {
            *truncated = 1;
            return 0;
        }
        uint8_t byte = p[(*pos)++];
        result |= (uint64_t)(byte & 0x7f) << shift;
        if ((byte & 0x80) == 0) {
            *value = result;
            return 1;
        }
    }
    *truncated = 0;
    return 0;
}

static const char *wire_type_name(unsigned wire_type) {
    static const char *names[] = {"varint", "64-bit", "length-delimited", "start-group",
                                  "end-group", "32-bit", "invalid(6)", "invalid(7)"};
    return names[wire_type & 7];
}

static unsigned expected_wire_type(ProtobufCType type) {
    switch (type) {
    case PROTOBUF_C_TYPE_INT32: case PROTOBUF_C_TYPE_SINT32: case PROTOBUF_C_TYPE_UINT32:
    case PROTOBUF_C_TYPE_INT64: case PROTOBUF_C_TYPE_SINT64: case PROTOBUF_C_TYPE_UINT64:
    case PROTOBUF_C_TYPE_BOOL: case PROTOBUF_C_TYPE_ENUM:
        return 0;
    case PROTOBUF_C_TYPE_FIXED64: case PROTOBUF_C_TYPE_SFIXED64: case PROTOBUF_C_TYPE_DOUBLE:
        return 1;
    case PROTOBUF_C_TYPE_FIXED32: case PROTOBUF_C_TYPE_SFIXED32: case PROTOBUF_C_TYPE_FLOAT:
        return 5;
    default:
        return 2;
    }
}

/* Returns the offset of the first byte that is not valid UTF-8 (or a NUL), or -1. */
static long invalid_utf8_offset(const uint8_t *s, size_t length) {
    size_t i = 0;
    while (i < length) {
        uint8_t c = s[i];
        size_t extra;
        uint32_t min;
        if (c == 0) return (long)i;
        if (c < 0x80) { i++; continue; }
        if ((c & 0xe0) == 0xc0) { extra = 1; min = 0x80; }
        else if ((c & 0xf0) == 0xe0) { extra = 2; min = 0x800; }
        else if ((c & 0xf8) == 0xf0) { extra = 3; min = 0x10000; }
        else return (long)i;
        if (extra > length - i - 1) return (long)i; /* truncated sequence */
        uint32_t code = c & (0x3f >> extra);
        for (size_t k = 1; k <= extra; k++) {
            if ((s[i + k] & 0xc0) != 0x80) return (long)i;
            code = (code << 6) | (s[i + k] & 0x3f);
        }
        if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return (long)i;
        i += extra + 1;
    }
    return -1;
}

static cwarren_diagnosis walk(walk_context *ctx, const ProtobufCMessageDescriptor *desc, const uint8_t *p,
                              size_t start, size_t end, int depth);

static cwarren_diagnosis check_field(walk_context *ctx, const ProtobufCMessageDescriptor *desc,
                                     const ProtobufCFieldDescriptor *field, unsigned wire_type,
                                     const uint8_t *p, size_t start, size_t end, size_t tag_offset, int depth) {
    unsigned expected = expected_wire_type(field->type);
    int packed_ok = field->label == PROTOBUF_C_LABEL_REPEATED && expected != 2 && wire_type == 2;
    if (wire_type != expected && !packed_ok)
        return report(ctx, CWARREN_DIAGNOSIS_MALFORMED,
                      "%s.%s (#%u) at offset %zu has wire type %s, expected %s", desc->name, field->name,
                      field->id, tag_offset, wire_type_name(wire_type), wire_type_name(expected));
    if (field->type == PROTOBUF_C_TYPE_STRING) {
        long bad = invalid_utf8_offset(p + start, end - start);
        if (bad >= 0)
            return report(ctx, CWARREN_DIAGNOSIS_INVALID_UTF8,
                          "%s.%s (#%u) at offset %zu is not valid UTF-8 without NUL (bad byte 0x%02x at offset %zu)",
                          desc->name, field->name, field->id, tag_offset, p[start + (size_t)bad],
                          start + (size_t)bad);
    }
    if (field->type == PROTOBUF_C_TYPE_MESSAGE)
        return walk(ctx, field->descriptor, p, start, end, depth + 1);
    return CWARREN_DIAGNOSIS_VALID;
}

static cwarren_diagnosis walk(walk_context *ctx, const ProtobufCMessageDescriptor *desc, const uint8_t *p,
                              size_t start, size_t end, int depth) {
    if (depth > CWARREN_MAX_DEPTH)
        return report(ctx, CWARREN_DIAGNOSIS_TOO_DEEP, "%s at offset %zu is nested deeper than %d levels",
                      desc->name, start, CWARREN_MAX_DEPTH);
    size_t pos = start;
    while (pos < end) {
        size_t tag_offset = pos;
        uint64_t tag, value;
        int truncated = 0;
        if (!read_varint(p, end, &pos, &tag, &truncated))
            return report(ctx, CWARREN_DIAGNOSIS_MALFORMED, "%s: %s tag at offset %zu", desc->name,
                          truncated ? "truncated" : "over-long", tag_offset);
        uint64_t number = tag >> 3;
        unsigned wire_type = (unsigned)(tag & 7);
        if (number == 0 || number > 536870911u)
            return report(ctx, CWARREN_DIAGNOSIS_MALFORMED, "%s: invalid field number %llu at offset %zu",
                          desc->name, (unsigned long long)number, tag_offset);
        size_t value_start = pos, value_end;
        switch (wire_type) {
        case 0:
            if (!read_varint(p, end, &pos, &value, &truncated))
                return report(ctx, CWARREN_DIAGNOSIS_MALFORMED, "%s: field #%llu at offset %zu: %s varint",
                              desc->name, (unsigned long long)number, tag_offset,
                              truncated ? "truncated" : "over-long");
            value_end = pos;
            break;
        case 1:
        case 5: {
            size_t width = wire_type == 1 ? 8 : 4;
            if (end - pos < width)
                return report(ctx, CWARREN_DIAGNOSIS_MALFORMED,
                              "%s: field #%llu at offset %zu needs %zu bytes but %zu remain", desc->name,
                              (unsigned long long)number, tag_offset, width, end - pos);
            pos += width;
            value_end = pos;
            break;
        }
        case 2:
            if (!read_varint(p, end, &pos, &value, &truncated))
                return report(ctx, CWARREN_DIAGNOSIS_MALFORMED, "%s: field #%llu at offset %zu: %s length",
                              desc->name, (unsigned long long)number, tag_offset,
                              truncated ? "truncated" : "over-long");
            if (value > end - pos)
                return report(ctx, CWARREN_DIAGNOSIS_MALFORMED,
                              "%s: field #%llu at offset %zu declares %llu bytes but only %zu remain",
                              desc->name, (unsigned long long)number, tag_offset, (unsigned long long)value,
                              end - pos);
            value_start = pos;
            pos += (size_t)value;
            value_end = pos;
            break;
        default:
            return report(ctx, CWARREN_DIAGNOSIS_MALFORMED, "%s: field #%llu at offset %zu uses unsupported wire type %s",
                          desc->name, (unsigned long long)number, tag_offset, wire_type_name(wire_type));
        }
        const ProtobufCFieldDescriptor *field = protobuf_c_message_descriptor_get_field(desc, (unsigned)number);
        if (field == NULL) continue; /* unknown fields are skipped, never followed */
        cwarren_diagnosis d = check_field(ctx, desc, field, wire_type, p, value_start, value_end, tag_offset, depth);
        if (d != CWARREN_DIAGNOSIS_VALID) return d;
    }
    return CWARREN_DIAGNOSIS_VALID;
}

cwarren_diagnosis cwarren_diagnose(const ProtobufCMessageDescriptor *descriptor, const uint8_t *data,
                                   size_t length, char *message, size_t capacity) {
    walk_context ctx = {.message = message, .capacity = capacity};
    if (capacity > 0) message[0] = '\0';
    return walk(&ctx, descriptor, data, 0, length, 0);
}
