#include "frame.h"

#include <stdio.h>

const uint8_t wc_preface[WC_PREFACE_SIZE] = {0x57, 0x52, 0x4E, 0x00, 0x00, WC_PROTOCOL_VERSION, 0x00, 0x00};

wc_frame_header wc_frame_header_parse(const uint8_t *bytes) {
    wc_frame_header header;
    header.length = wc_read_u32(bytes);
    header.type = bytes[4];
    header.flags = bytes[5];
    header.stream_id = wc_read_u32(bytes + 6);
    return header;
}

/** The flags a known type allows. */
static uint8_t allowed_flags(uint8_t type) {
    switch (type) {
    case WC_FRAME_SETTINGS:
    case WC_FRAME_PING: return WC_FLAG_ACK;
    case WC_FRAME_HEADERS: return WC_FLAG_END_STREAM;
    case WC_FRAME_MESSAGE: return WC_FLAG_END_STREAM | WC_FLAG_COMPRESSED;
    default: return 0;
    }
}

/** The fixed payload length of a type (with its flags), or -1 when it has none. */
static long fixed_length(uint8_t type, uint8_t flags) {
    switch (type) {
    case WC_FRAME_PING: return 8;
    case WC_FRAME_WINDOW_UPDATE: return 4;
    case WC_FRAME_CANCEL: return 0;
    case WC_FRAME_SETTINGS: return (flags & WC_FLAG_ACK) ? 0 : -1;
    default: return -1;
    }
}

const char *wc_frame_header_check(const wc_frame_header *header, uint32_t max_frame_size, bool *too_large) {
    *too_large = false;
    if (header->length > max_frame_size) {
        *too_large = true;
        return "frame longer than the maximum frame size";
    }
    if (header->type > WC_FRAME_GOAWAY) return NULL; /* unknown types are skipped whole */
    long fixed = fixed_length(header->type, header->flags);
    if (fixed >= 0 && header->length != (uint32_t)fixed) return "frame length differs from its type's fixed length";
    if ((header->flags & ~allowed_flags(header->type)) != 0) return "flag bits not allowed on this frame type";
    bool odd = (header->stream_id & 1u) == 1u;
    switch (header->type) {
    case WC_FRAME_SETTINGS:
    case WC_FRAME_PING:
    case WC_FRAME_GOAWAY:
        if (header->stream_id != 0) return "connection frame on a stream other than 0";
        break;
    case WC_FRAME_WINDOW_UPDATE:
        if (header->stream_id != 0 && !odd) return "WINDOW_UPDATE on an even stream id";
        break;
    default:
        if (!odd) return "call frame on a stream id that is not odd";
        break;
    }
    return NULL;
}

int wc_frame_put_header(wc_buffer *out, uint32_t length, wc_frame_type type, uint8_t flags, uint32_t stream_id) {
    uint8_t header[WC_FRAME_HEADER_SIZE];
    wc_write_u32(header, length);
    header[4] = (uint8_t)type;
    header[5] = flags;
    wc_write_u32(header + 6, stream_id);
    return wc_buffer_append(out, header, sizeof header);
}

int wc_frame_put(wc_buffer *out, wc_frame_type type, uint8_t flags, uint32_t stream_id, const void *payload,
                 size_t length) {
    if (length > UINT32_MAX) return -1;
    if (wc_frame_put_header(out, (uint32_t)length, type, flags, stream_id) != 0) return -1;
    return wc_buffer_append(out, payload, length);
}

int wc_frame_put_message(wc_buffer *out, wc_frame_type type, uint8_t flags, uint32_t stream_id,
                         const ProtobufCMessage *message) {
    size_t length = protobuf_c_message_get_packed_size(message);
    if (length > UINT32_MAX) return -1;
    if (wc_frame_put_header(out, (uint32_t)length, type, flags, stream_id) != 0) return -1;
    if (wc_buffer_reserve(out, length) != 0) return -1;
    out->len += protobuf_c_message_pack(message, out->data + out->len);
    return 0;
}

int wc_frame_put_window_update(wc_buffer *out, uint32_t stream_id, uint32_t increment) {
    uint8_t payload[4];
    wc_write_u32(payload, increment);
    return wc_frame_put(out, WC_FRAME_WINDOW_UPDATE, 0, stream_id, payload, sizeof payload);
}

const char *wc_frame_type_name(uint8_t type) {
    static const char *const names[] = {"SETTINGS", "HEADERS", "MESSAGE",    "TRAILERS",
                                        "CANCEL",   "WINDOW_UPDATE", "PING", "GOAWAY"};
    if (type <= WC_FRAME_GOAWAY) return names[type];
    return "unknown";
}
