/*
 * runner.c — runs Clients/conformance/scenario.json against a live warrend and prints one line per step
 * (PASS name / FAIL name: why / SKIP name: why) and "conformance: N passed, N failed, N skipped".
 *
 *   build/conformance [--address HOST:PORT] [--token-file FILE] [--scenario PATH]
 *
 * Defaults: $WARREN_ADDRESS, $WARREN_TOKEN, ../conformance/scenario.json. Exit status 0 when no step
 * failed, 1 when one did, 2 when the scenario or the arguments are unusable.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conformance.h"

/** Reads a whole file (malloc'd, NUL-terminated), or NULL. */
static char *read_text(const char *path) {
    FILE *file = fopen(path, "rb");
    if (file == NULL) return NULL;
    char *text = NULL;
    size_t length = 0;
    FILE *memory = open_memstream(&text, &length);
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, file)) > 0) fwrite(chunk, 1, got, memory);
    fclose(memory);
    fclose(file);
    return text;
}

/** The token in `path` without its trailing newline (malloc'd), or NULL. */
static char *read_token(const char *path) {
    char *token = read_text(path);
    if (token != NULL) token[strcspn(token, "\r\n")] = '\0';
    return token;
}

typedef struct arguments {
    const char *address;
    const char *token_file;
    const char *scenario;
} runner_arguments;

static bool parse_arguments(int argc, char **argv, runner_arguments *parsed) {
    *parsed = (runner_arguments){getenv("WARREN_ADDRESS"), NULL, "../conformance/scenario.json"};
    for (int i = 1; i < argc; i++) {
        const char **target = strcmp(argv[i], "--address") == 0      ? &parsed->address
                              : strcmp(argv[i], "--token-file") == 0 ? &parsed->token_file
                              : strcmp(argv[i], "--scenario") == 0   ? &parsed->scenario
                                                                     : NULL;
        if (target == NULL || i + 1 >= argc) return false;
        *target = argv[++i];
    }
    return parsed->address != NULL;
}

/** Runs every step, printing its line; returns the number that failed. */
static int run_steps(runner_state *runner, const cJSON *steps) {
    int passed = 0, failed = 0, skipped = 0;
    for (const cJSON *step = steps->child; step != NULL; step = step->next) {
        char why[WHY_SIZE] = "";
        const char *name = cJSON_GetObjectItemCaseSensitive(step, "name")->valuestring;
        switch (step_run(runner, step, why)) {
        case STEP_PASS: passed++; printf("PASS %s\n", name); break;
        case STEP_FAIL: failed++; printf("FAIL %s: %s\n", name, why); break;
        case STEP_SKIP: skipped++; printf("SKIP %s: %s\n", name, why); break;
        }
        fflush(stdout);
    }
    printf("conformance: %d passed, %d failed, %d skipped\n", passed, failed, skipped);
    return failed;
}

int main(int argc, char **argv) {
    runner_arguments arguments;
    if (!parse_arguments(argc, argv, &arguments)) {
        fprintf(stderr, "usage: conformance [--address HOST:PORT] [--token-file FILE] [--scenario PATH]\n"
                        "       (the address defaults to $WARREN_ADDRESS, the token to $WARREN_TOKEN)\n");
        return 2;
    }
    char *text = read_text(arguments.scenario);
    cJSON *scenario = text ? cJSON_Parse(text) : NULL;
    free(text);
    char why[WHY_SIZE] = "";
    if (scenario == NULL || !scenario_validate(scenario, why)) {
        fprintf(stderr, "conformance: %s: %s\n", arguments.scenario, scenario ? why : "cannot read it as JSON");
        cJSON_Delete(scenario);
        return 2;
    }
    char *token = arguments.token_file ? read_token(arguments.token_file)
                  : getenv("WARREN_TOKEN") && *getenv("WARREN_TOKEN") ? strdup(getenv("WARREN_TOKEN"))
                                                                       : NULL;
    runner_state runner = {.token = token};
    warren_status status = WARREN_STATUS_INIT;
    warren_options options = {.address = arguments.address, .bearer_token = token};
    int exit_status = 2;
    if (warren_connect(&options, &runner.client, &status) != WARREN_OK) {
        fprintf(stderr, "conformance: cannot connect to %s: %s\n", arguments.address, status.message);
    } else {
        variables_init(&runner.variables);
        exit_status = run_steps(&runner, cJSON_GetObjectItemCaseSensitive(scenario, "steps")) == 0 ? 0 : 1;
        variables_free(&runner.variables);
        warren_close(runner.client);
    }
    warren_status_clear(&status);
    free(token);
    cJSON_Delete(scenario);
    return exit_status;
}
