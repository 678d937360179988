/*
 * conformance.h — the C runner of Clients/conformance/scenario.json (format: Clients/conformance/README.md).
 *
 *   runner.c     arguments, the step loop, result lines and the summary
 *   validate.c   the file's shape: known keys only, required keys present, format 1
 *   variables.c  ${run}, ${uuid:LABEL} and saved variables, substituted into a copy of a step
 *   build.c      a request (proto3 JSON subset) into a protobuf-c message, by walking its descriptor
 *   view.c       paths into the response view: compare, present, length, save
 *   step.c       one step: the call (unary, streamed, or events), then the checks in README order
 */
#ifndef WARREN_CONFORMANCE_H
#define WARREN_CONFORMANCE_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#include "warren_client.h"

/** Room for a step's failure reason. */
#define WHY_SIZE 1024

/* ---- arena: every allocation of one step, freed together ---- */

typedef struct arena {
    void **blocks;
    size_t count;
    size_t capacity;
} memory_arena;

/** Zeroed memory owned by the arena; NULL when out of memory. */
void *arena_alloc(memory_arena *arena, size_t size);

/** A copy of `text` owned by the arena. */
char *arena_strdup(memory_arena *arena, const char *text);

/** Frees every block. */
void arena_free(memory_arena *arena);

/* ---- variables ---- */

typedef struct variables {
    char **names;
    char **values;
    size_t count;
} variable_store;

/** Starts the store with ${run}, a fresh UUID. */
void variables_init(variable_store *variables);

/** Sets (or replaces) a saved variable. */
void variables_set(variable_store *variables, const char *name, const char *value);

/** Frees the store. */
void variables_free(variable_store *variables);

/**
 * Replaces every ${...} in every string of `tree` (in place). Returns true, or false with `why` naming
 * the first unknown variable.
 */
bool variables_substitute(variable_store *variables, cJSON *tree, char *why);

/** A fresh random UUID (36 characters and a NUL). */
void random_uuid(char out[37]);

/* ---- validation ---- */

/** Checks the whole scenario before anything runs. Returns true, or false with `why`. */
bool scenario_validate(const cJSON *scenario, char *why);

/* ---- requests ---- */

/** Builds a message of `type` from `json` into the arena. Returns NULL with `why` when it cannot. */
ProtobufCMessage *build_message(memory_arena *arena, const ProtobufCMessageDescriptor *type, const cJSON *json, char *why);

/* ---- the response view ---- */

/** A unary call's response, or a streaming call's messages (the `messages` list). */
typedef struct response_view {
    bool streaming;
    const ProtobufCMessage *message;
    ProtobufCMessage **messages;
    size_t count;
} response_view;

/** Checks `expected` against the value at `path`; false with `why` on a mismatch. */
bool view_check_field(const response_view *view, const char *path, const cJSON *expected, char *why);

/** Checks that `path` names a message field that is set; false with `why` otherwise. */
bool view_check_present(const response_view *view, const char *path, char *why);

/** Checks that the repeated field (or `messages`) at `path` has `length` elements. */
bool view_check_length(const response_view *view, const char *path, long length, char *why);

/** The value at `path` as text (arena-owned), or NULL with `why` when it is not set. */
const char *view_save(memory_arena *arena, const response_view *view, const char *path, char *why);


/* ---- steps ---- */

/** What the runner was given. */
typedef struct runner {
    warren_client *client;
    const char *token; /* NULL: no token configured */
    variable_store variables;
} runner_state;

/** The result of one step. */
typedef enum step_result { STEP_PASS, STEP_FAIL, STEP_SKIP } step_result;

/** Runs one step (already validated). On FAIL or SKIP, `why` says why. */
step_result step_run(runner_state *runner, const cJSON *step, char *why);

#endif
