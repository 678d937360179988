/*
 * harness.h — a tiny test harness: named tests, checks that count and explain their failures, and the
 * summary line "N passed, N failed" (exit status 1 when anything failed).
 */
#ifndef WARREN_C_TEST_HARNESS_H
#define WARREN_C_TEST_HARNESS_H

#include <stdio.h>
#include <string.h>

static int harness_passed;
static int harness_failed;
static int harness_test_failed;
static const char *harness_test_name;

/** Runs `function` as one test named after it: it passes when no CHECK inside it failed. */
#define RUN_TEST(function)                                                                                  \
    do {                                                                                                   \
        harness_test_name = #function;                                                                     \
        harness_test_failed = 0;                                                                           \
        function();                                                                                        \
        if (harness_test_failed) {                                                                         \
            harness_failed++;                                                                              \
            printf("FAIL %s\n", #function);                                                                \
        } else {                                                                                           \
            harness_passed++;                                                                              \
            printf("ok   %s\n", #function);                                                                \
        }                                                                                                  \
        fflush(stdout);                                                                                    \
    } while (0)

/** Records a failure of the current test unless `condition` holds; evaluates to `condition`. */
#define CHECK(condition) harness_check((condition) != 0, #condition, __FILE__, __LINE__, NULL)

/** CHECK with an explanation (printf-style arguments are not supported: pass a finished string). */
#define CHECK_WHY(condition, why) harness_check((condition) != 0, #condition, __FILE__, __LINE__, (why))

static inline int harness_check(int holds, const char *text, const char *file, int line, const char *why) {
    if (!holds) {
        harness_test_failed = 1;
        printf("  %s:%d: %s: check failed: %s%s%s\n", file, line, harness_test_name, text, why ? " — " : "",
               why ? why : "");
    }
    return holds;
}

/** Records one test result computed without RUN_TEST (e.g. one per data file). */
static inline void harness_record(const char *name, int ok, const char *why) {
    if (ok) {
        harness_passed++;
    } else {
        harness_failed++;
        printf("FAIL %s: %s\n", name, why ? why : "");
    }
}

/** Prints the summary line and returns the process's exit status. */
static inline int harness_summary(void) {
    printf("%d passed, %d failed\n", harness_passed, harness_failed);
    return harness_failed == 0 ? 0 : 1;
}

#endif
