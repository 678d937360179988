/*
 * test_frame.c — the framing against PROTOCOL.md's worked examples, the header checks a receiver makes,
 * and address parsing. No server needed.
 */
#include <stdlib.h>

#include "frame.h"
#include "harness.h"
#include "socket.h"
#include "warren_client.h"

/** Whether the buffer holds exactly `expected`. */
static int holds(const wc_buffer *buffer, const uint8_t *expected, size_t length) {
    return wc_buffer_length(buffer) == length && memcmp(wc_buffer_bytes(buffer), expected, length) == 0;
}

static void preface_is_version_one(void) {
    const uint8_t expected[] = {0x57, 0x52, 0x4E, 0x00, 0x00, 0x01, 0x00, 0x00};
    CHECK(memcmp(wc_preface, expected, sizeof expected) == 0);
}

static void ping_matches_protocol_document(void) {
    const uint8_t expected[] = {0x00, 0x00, 0x00, 0x08, 0x06, 0x00, 0x00, 0x00, 0x00,
                                0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08};
    const uint8_t opaque[] = {1, 2, 3, 4, 5, 6, 7, 8};
    wc_buffer buffer = {0};
    CHECK(wc_frame_put(&buffer, WC_FRAME_PING, 0, 0, opaque, sizeof opaque) == 0);
    CHECK(holds(&buffer, expected, sizeof expected));
    wc_buffer_free(&buffer);
}

static void window_update_matches_protocol_document(void) {
    const uint8_t expected[] = {0x00, 0x00, 0x00, 0x04, 0x05, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xFF};
    wc_buffer buffer = {0};
    CHECK(wc_frame_put_window_update(&buffer, 1, 65535) == 0);
    CHECK(holds(&buffer, expected, sizeof expected));
    wc_buffer_free(&buffer);
}

static void headers_match_protocol_document(void) {
    const uint8_t expected[] = {0x00, 0x00, 0x00, 0x1C, 0x01, 0x00, 0x00, 0x00, 0x00, 0x01, 0x0A, 0x17, 0x2F, 0x77,
                                0x61, 0x72, 0x72, 0x65, 0x6E, 0x2E, 0x76, 0x31, 0x2E, 0x48, 0x65, 0x61, 0x6C, 0x74,
                                0x68, 0x2F, 0x43, 0x68, 0x65, 0x63, 0x6B, 0x10, 0xF4, 0x03};
    Warren__V1__CallHeaders headers = WARREN__V1__CALL_HEADERS__INIT;
    headers.method = "/warren.v1.Health/Check";
    headers.timeout_ms = 500;
    wc_buffer buffer = {0};
    CHECK(wc_frame_put_message(&buffer, WC_FRAME_HEADERS, 0, 1, &headers.base) == 0);
    CHECK(holds(&buffer, expected, sizeof expected));
    wc_buffer_free(&buffer);
}

static void header_parses_big_endian(void) {
    const uint8_t bytes[] = {0x00, 0x01, 0x02, 0x03, 0x02, 0x01, 0x80, 0x00, 0x00, 0x05};
    wc_frame_header header = wc_frame_header_parse(bytes);
    CHECK(header.length == 0x010203u);
    CHECK(header.type == WC_FRAME_MESSAGE);
    CHECK(header.flags == WC_FLAG_END_STREAM);
    CHECK(header.stream_id == 0x80000005u);
}

/** The rule a header breaks (NULL: none) with a 16 KiB maximum frame size. */
static const char *check_header(uint32_t length, uint8_t type, uint8_t flags, uint32_t stream_id, bool *too_large) {
    wc_frame_header header = {length, type, flags, stream_id};
    return wc_frame_header_check(&header, 16384, too_large);
}

static void header_checks_follow_protocol_order(void) {
    bool too_large = false;
    CHECK(check_header(16385, WC_FRAME_MESSAGE, 0, 1, &too_large) != NULL && too_large);
    CHECK(check_header(16385, 200, 0, 0, &too_large) != NULL && too_large); /* unknown types count too */
    CHECK(check_header(7, WC_FRAME_PING, 0, 0, &too_large) != NULL && !too_large);
    CHECK(check_header(0, WC_FRAME_CANCEL, WC_FLAG_END_STREAM, 1, &too_large) != NULL); /* flags */
    CHECK(check_header(2, WC_FRAME_TRAILERS, WC_FLAG_END_STREAM, 1, &too_large) != NULL); /* no END_STREAM */
    CHECK(check_header(0, WC_FRAME_SETTINGS, WC_FLAG_ACK, 1, &too_large) != NULL);       /* stream 0 only */
    CHECK(check_header(4, WC_FRAME_SETTINGS, WC_FLAG_ACK, 0, &too_large) != NULL);       /* ACK is empty */
    CHECK(check_header(3, WC_FRAME_MESSAGE, 0, 2, &too_large) != NULL);                  /* even id */
    CHECK(check_header(3, WC_FRAME_MESSAGE, WC_FLAG_END_STREAM | WC_FLAG_COMPRESSED, 3, &too_large) == NULL);
    CHECK(check_header(4, WC_FRAME_WINDOW_UPDATE, 0, 0, &too_large) == NULL);
    CHECK(check_header(4, WC_FRAME_WINDOW_UPDATE, 0, 4, &too_large) != NULL);
    CHECK(check_header(5, 42, 0xFF, 2, &too_large) == NULL); /* unknown types are skipped, not checked */
}

static void addresses_parse(void) {
    char host[64];
    uint16_t port = 0;
    CHECK(wc_parse_address("127.0.0.1:7433", host, sizeof host, &port) == 0 && strcmp(host, "127.0.0.1") == 0 &&
          port == 7433);
    CHECK(wc_parse_address("[::1]:80", host, sizeof host, &port) == 0 && strcmp(host, "::1") == 0 && port == 80);
    CHECK(wc_parse_address("localhost:65535", host, sizeof host, &port) == 0 && port == 65535);
    CHECK(wc_parse_address("localhost", host, sizeof host, &port) != 0);
    CHECK(wc_parse_address("localhost:0", host, sizeof host, &port) != 0);
    CHECK(wc_parse_address("localhost:65536", host, sizeof host, &port) != 0);
    CHECK(wc_parse_address(":80", host, sizeof host, &port) != 0);
    CHECK(wc_parse_address("host:80x", host, sizeof host, &port) != 0);
}

static void types_are_found_by_name(void) {
    CHECK(warren_message_type("warren.v1.RuntimeEventEnvelope") == &warren__v1__runtime_event_envelope__descriptor);
    CHECK(warren_message_type("warren.v1.NoSuchMessage") == NULL);
    CHECK(warren_service("warren.v1.Health") == &warren__v1__health__descriptor);
    CHECK(warren_service("warren.v1.RuntimeSessionAdapter") != NULL);
}

static void every_method_has_descriptors_and_a_shape(void) {
    size_t methods = 0;
    const char *services[] = {"Comms", "Executor", "Health", "RuntimeControlPlane", "RuntimeEvents",
                              "RuntimeSessionAdapter", "SessionServiceRuntimeExt"};
    for (size_t i = 0; i < sizeof services / sizeof services[0]; i++) {
        char name[64];
        snprintf(name, sizeof name, "warren.v1.%s", services[i]);
        const ProtobufCServiceDescriptor *service = warren_service(name);
        if (!CHECK(service != NULL)) continue;
        for (unsigned m = 0; m < service->n_methods; m++, methods++) {
            char path[128];
            snprintf(path, sizeof path, "/%s/%s", service->name, service->methods[m].name);
            warren_method method;
            CHECK_WHY(warren_find_method(path, &method) == 0, path);
        }
    }
    CHECK(methods == 41);
    warren_method method;
    CHECK(warren_find_method("/warren.v1.RuntimeEvents/Subscribe", &method) == 0 && method.server_streaming &&
          !method.client_streaming && method.method->output == &warren__v1__subscribe_response__descriptor);
    CHECK(warren_find_method("/warren.v1.Executor/Attach", &method) == 0 && method.server_streaming &&
          method.client_streaming);
    CHECK(warren_find_method("/warren.v1.Health/Check", &method) == 0 && !method.server_streaming);
    CHECK(warren_find_method("/warren.v1.Health/NoSuchMethod", &method) != 0);
}

static void code_names_follow_grpc(void) {
    CHECK(strcmp(warren_code_name(WARREN_OK), "OK") == 0);
    CHECK(strcmp(warren_code_name(WARREN_NOT_FOUND), "NOT_FOUND") == 0);
    CHECK(strcmp(warren_code_name(WARREN_UNAUTHENTICATED), "UNAUTHENTICATED") == 0);
    CHECK(strcmp(warren_code_name((warren_code)17), "UNKNOWN_CODE") == 0);
}

int main(void) {
    RUN_TEST(preface_is_version_one);
    RUN_TEST(ping_matches_protocol_document);
    RUN_TEST(window_update_matches_protocol_document);
    RUN_TEST(headers_match_protocol_document);
    RUN_TEST(header_parses_big_endian);
    RUN_TEST(header_checks_follow_protocol_order);
    RUN_TEST(addresses_parse);
    RUN_TEST(types_are_found_by_name);
    RUN_TEST(every_method_has_descriptors_and_a_shape);
    RUN_TEST(code_names_follow_grpc);
    return harness_summary();
}
