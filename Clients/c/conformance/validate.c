/*
 * validate.c — the scenario's shape, checked before any step runs: format 1, every key known, the
 * required keys present with the right JSON types. A typo therefore stops the run instead of silently
 * skipping a check (Clients/conformance/README.md).
 */
#include <stdio.h>
#include <string.h>

#include "conformance.h"

/** Whether `key` is one of the NULL-terminated `known`. */
static bool is_known(const char *key, const char *const known[]) {
    for (size_t i = 0; known[i] != NULL; i++) {
        if (strcmp(key, known[i]) == 0) return true;
    }
    return false;
}

/** Checks that `object` is an object whose keys are all known; `where` names it in `why`. */
static bool only_known_keys(const cJSON *object, const char *const known[], const char *where, char *why) {
    if (!cJSON_IsObject(object)) {
        snprintf(why, WHY_SIZE, "%s: not an object", where);
        return false;
    }
    for (const cJSON *child = object->child; child != NULL; child = child->next) {
        if (!is_known(child->string, known)) {
            snprintf(why, WHY_SIZE, "%s: unknown key \"%s\"", where, child->string);
            return false;
        }
    }
    return true;
}

/** Checks one value's JSON type when it is present (`required`: it must be). */
static bool typed(const cJSON *object, const char *key, cJSON_bool (*is_type)(const cJSON *), bool required,
                  const char *where, char *why) {
    const cJSON *value = cJSON_GetObjectItemCaseSensitive(object, key);
    if (value == NULL ? !required : is_type(value)) return true;
    snprintf(why, WHY_SIZE, "%s: \"%s\" is %s", where, key, value == NULL ? "missing" : "of the wrong type");
    return false;
}

/** Checks that every value of an object is a string. */
static bool string_values(const cJSON *object, const char *key, const char *where, char *why) {
    const cJSON *map = cJSON_GetObjectItemCaseSensitive(object, key);
    for (const cJSON *child = map ? map->child : NULL; child != NULL; child = child->next) {
        if (!cJSON_IsString(child)) {
            snprintf(why, WHY_SIZE, "%s: %s.%s is not a string", where, key, child->string);
            return false;
        }
    }
    return true;
}

static bool validate_expect(const cJSON *expect, const char *where, char *why) {
    static const char *const keys[] = {"status", "detail", "fields", "present", "length", "events", NULL};
    return only_known_keys(expect, keys, where, why) && typed(expect, "status", cJSON_IsString, true, where, why) &&
           typed(expect, "detail", cJSON_IsObject, false, where, why) &&
           typed(expect, "fields", cJSON_IsObject, false, where, why) &&
           typed(expect, "present", cJSON_IsArray, false, where, why) &&
           typed(expect, "length", cJSON_IsObject, false, where, why) &&
           typed(expect, "events", cJSON_IsArray, false, where, why);
}

static bool validate_step(const cJSON *step, int index, char *why) {
    static const char *const keys[] = {"name",        "rpc",    "request", "timeout_ms", "metadata",
                                       "needs_token", "expect", "save",    NULL};
    char where[64];
    snprintf(where, sizeof where, "step %d", index + 1);
    return only_known_keys(step, keys, where, why) && typed(step, "name", cJSON_IsString, true, where, why) &&
           typed(step, "rpc", cJSON_IsString, true, where, why) &&
           typed(step, "request", cJSON_IsObject, true, where, why) &&
           typed(step, "timeout_ms", cJSON_IsNumber, false, where, why) &&
           typed(step, "metadata", cJSON_IsObject, false, where, why) &&
           string_values(step, "metadata", where, why) && typed(step, "needs_token", cJSON_IsBool, false, where, why) &&
           typed(step, "save", cJSON_IsObject, false, where, why) && string_values(step, "save", where, why) &&
           typed(step, "expect", cJSON_IsObject, true, where, why) &&
           validate_expect(cJSON_GetObjectItemCaseSensitive(step, "expect"), where, why);
}

bool scenario_validate(const cJSON *scenario, char *why) {
    static const char *const keys[] = {"format", "description", "steps", NULL};
    if (!only_known_keys(scenario, keys, "scenario", why)) return false;
    const cJSON *format = cJSON_GetObjectItemCaseSensitive(scenario, "format");
    if (!cJSON_IsNumber(format) || format->valuedouble != 1) {
        snprintf(why, WHY_SIZE, "scenario: format must be 1");
        return false;
    }
    const cJSON *steps = cJSON_GetObjectItemCaseSensitive(scenario, "steps");
    if (!cJSON_IsArray(steps)) {
        snprintf(why, WHY_SIZE, "scenario: \"steps\" must be an array");
        return false;
    }
    int index = 0;
    for (const cJSON *step = steps->child; step != NULL; step = step->next, index++) {
        if (!validate_step(step, index, why)) return false;
    }
    return true;
}
