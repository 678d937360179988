/*
 * test_private.c — the C client against private warrend processes started from $WARREND (a binary), for
 * what needs a server of its own: a token file, a short idle timeout. No test asserts on timing.
 */
#define _GNU_SOURCE
#include <stdlib.h>

#include "harness.h"
#include "server.h"
#include "warren_client.h"

/** Checks a call's code, printing the status when it differs. */
static int expect_code(int code, warren_code expected, const warren_status *status) {
    if (code == (int)expected) return 1;
    char why[512];
    snprintf(why, sizeof why, "expected %s, got %s: %s", warren_code_name(expected), warren_code_name(code),
             status->message ? status->message : "");
    CHECK_WHY(code == (int)expected, why);
    return 0;
}

/** Connects to `address` with `token` and makes one Health.Check, returning its code. */
static int health_code_with_token(const char *address, const char *token, warren_status *status) {
    warren_options options = {.address = address, .bearer_token = token, .call_timeout_ms = 10000};
    warren_client *other = NULL;
    if (warren_connect(&options, &other, status) != WARREN_OK) return status->code;
    Warren__V1__HealthCheckRequest request = WARREN__V1__HEALTH_CHECK_REQUEST__INIT;
    Warren__V1__HealthCheckResponse *response = NULL;
    int code = warren_health_check(other, &request, &response, NULL, status);
    if (response != NULL) warren__v1__health_check_response__free_unpacked(response, NULL);
    warren_close(other);
    return code;
}

static void wrong_or_missing_token_is_unauthenticated(void) {
    char token_path[] = "/tmp/warren-c-token-XXXXXX";
    int fd = mkstemp(token_path);
    CHECK(fd >= 0 && write(fd, "s3cret-token\n", 13) == 13);
    close(fd);
    const char *const arguments[] = {"--token-file", token_path, NULL};
    test_server server;
    if (!CHECK(test_server_start(getenv("WARREND") != NULL ? getenv("WARREND") : getenv("WARRENd"), arguments, &server) == 0)) return;
    warren_status status = WARREN_STATUS_INIT;
    expect_code(health_code_with_token(server.address, NULL, &status), WARREN_UNAUTHENTICATED, &status);
    expect_code(health_code_with_token(server.address, "wrong", &status), WARREN_UNAUTHENTICATED, &status);
    expect_code(health_code_with_token(server.address, "s3cret-token", &status), WARREN_OK, &status);
    warren_options options = {.address = server.address, .bearer_token = "s3cret-token"};
    warren_client *authorized = NULL;
    if (expect_code(warren_connect(&options, &authorized, &status), WARREN_OK, &status)) {
        warren_metadata wrong = {"authorization", "Bearer wrong"}; /* a call's own metadata wins */
        warren_call_options call = {.timeout_ms = 10000, .metadata = &wrong, .metadata_count = 1};
        Warren__V1__HealthCheckRequest request = WARREN__V1__HEALTH_CHECK_REQUEST__INIT;
        Warren__V1__HealthCheckResponse *response = NULL;
        expect_code(warren_health_check(authorized, &request, &response, &call, &status), WARREN_UNAUTHENTICATED,
                    &status);
        warren_close(authorized);
    }
    warren_status_clear(&status);
    test_server_stop(&server);
    unlink(token_path);
}

static void connection_closed_while_idle_is_replaced(void) {
    const char *const arguments[] = {"--idle-timeout", "1", NULL};
    test_server server;
    if (!CHECK(test_server_start(getenv("WARREND") != NULL ? getenv("WARREND") : getenv("WARRENd"), arguments, &server) == 0)) return;
    warren_status status = WARREN_STATUS_INIT;
    warren_options options = {.address = server.address, .call_timeout_ms = 10000};
    warren_client *idle = NULL;
    if (expect_code(warren_connect(&options, &idle, &status), WARREN_OK, &status)) {
        sleep(3); /* past the 1 s idle timeout: the server sends GOAWAY and closes */
        Warren__V1__HealthCheckRequest request = WARREN__V1__HEALTH_CHECK_REQUEST__INIT;
        Warren__V1__HealthCheckResponse *response = NULL;
        expect_code(warren_health_check(idle, &request, &response, NULL, &status), WARREN_OK, &status);
        if (response != NULL) warren__v1__health_check_response__free_unpacked(response, NULL);
        warren_close(idle);
    }
    warren_status_clear(&status);
    test_server_stop(&server);
}

int main(void) {
    if (getenv("WARREND") == NULL && getenv("WARRENd") == NULL) {
        fprintf(stderr, "test_private: set WARREND to a warrend binary\n");
        return 2;
    }
    RUN_TEST(wrong_or_missing_token_is_unauthenticated);
    RUN_TEST(connection_closed_while_idle_is_replaced);
    return harness_summary();
}
