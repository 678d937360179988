/*
 * variables.c — the arena, and the variables of a run: ${run}, ${uuid:LABEL} (made on first use) and the
 * values saved by earlier steps, substituted into every string of a step's copy.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conformance.h"

void *arena_alloc(memory_arena *arena, size_t size) {
    if (arena->count == arena->capacity) {
        size_t capacity = arena->capacity ? arena->capacity * 2 : 32;
        void **blocks = realloc(arena->blocks, capacity * sizeof *blocks);
        if (blocks == NULL) return NULL;
        arena->blocks = blocks;
        arena->capacity = capacity;
    }
    void *block = calloc(1, size ? size : 1);
    if (block != NULL) arena->blocks[arena->count++] = block;
    return block;
}

char *arena_strdup(memory_arena *arena, const char *text) {
    char *copy = arena_alloc(arena, strlen(text) + 1);
    if (copy != NULL) strcpy(copy, text);
    return copy;
}

void arena_free(memory_arena *arena) {
    for (size_t i = 0; i < arena->count; i++) free(arena->blocks[i]);
    free(arena->blocks);
    *arena = (struct arena){0};
}

void random_uuid(char out[37]) {
    unsigned char bytes[16] = {0};
    FILE *random = fopen("/dev/urandom", "rb");
    if (random == NULL || fread(bytes, 1, sizeof bytes, random) != sizeof bytes) {
        fprintf(stderr, "conformance: cannot read /dev/urandom\n");
        exit(2);
    }
    fclose(random);
    bytes[6] = (unsigned char)((bytes[6] & 0x0F) | 0x40);
    bytes[8] = (unsigned char)((bytes[8] & 0x3F) | 0x80);
    snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", bytes[0], bytes[1],
             bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10], bytes[11],
             bytes[12], bytes[13], bytes[14], bytes[15]);
}

void variables_init(variable_store *variables) {
    *variables = (struct variables){0};
    char run[37];
    random_uuid(run);
    variables_set(variables, "run", run);
}

/** The value of `name`, or NULL. */
static const char *lookup(const variable_store *variables, const char *name) {
    for (size_t i = 0; i < variables->count; i++) {
        if (strcmp(variables->names[i], name) == 0) return variables->values[i];
    }
    return NULL;
}

void variables_set(variable_store *variables, const char *name, const char *value) {
    for (size_t i = 0; i < variables->count; i++) {
        if (strcmp(variables->names[i], name) == 0) {
            free(variables->values[i]);
            variables->values[i] = strdup(value);
            return;
        }
    }
    variables->names = realloc(variables->names, (variables->count + 1) * sizeof *variables->names);
    variables->values = realloc(variables->values, (variables->count + 1) * sizeof *variables->values);
    variables->names[variables->count] = strdup(name);
    variables->values[variables->count] = strdup(value);
    variables->count++;
}

void variables_free(variable_store *variables) {
    for (size_t i = 0; i < variables->count; i++) {
        free(variables->names[i]);
        free(variables->values[i]);
    }
    free(variables->names);
    free(variables->values);
    *variables = (struct variables){0};
}

/** The value of the reference `name` (run, uuid:LABEL or a saved variable); NULL when unknown. */
static const char *resolve(variable_store *variables, const char *name) {
    if (strncmp(name, "uuid:", 5) == 0 && lookup(variables, name) == NULL) {
        char uuid[37];
        random_uuid(uuid);
        variables_set(variables, name, uuid); /* stored under "uuid:LABEL": no saved name has a colon */
    }
    return lookup(variables, name);
}

/** `text` with every ${...} replaced (malloc'd), or NULL with `why` for an unknown variable. */
static char *substitute(variable_store *variables, const char *text, char *why) {
    size_t capacity = strlen(text) + 1;
    char *out = malloc(capacity);
    size_t length = 0;
    for (const char *cursor = text; *cursor != '\0';) {
        const char *start = strstr(cursor, "${");
        const char *end = start ? strchr(start + 2, '}') : NULL;
        size_t plain = end ? (size_t)(start - cursor) : strlen(cursor);
        const char *value = "";
        char name[256] = "";
        if (end != NULL) {
            snprintf(name, sizeof name, "%.*s", (int)(end - start - 2), start + 2);
            value = resolve(variables, name);
            if (value == NULL) {
                snprintf(why, WHY_SIZE, "unknown variable %s", name);
                free(out);
                return NULL;
            }
        }
        size_t needed = length + plain + strlen(value) + 1;
        if (needed > capacity) out = realloc(out, capacity = needed * 2);
        memcpy(out + length, cursor, plain);
        length += plain;
        memcpy(out + length, value, strlen(value));
        length += strlen(value);
        cursor = end ? end + 1 : cursor + plain;
    }
    out[length] = '\0';
    return out;
}

bool variables_substitute(variable_store *variables, cJSON *tree, char *why) {
    if (cJSON_IsString(tree)) {
        char *value = substitute(variables, tree->valuestring, why);
        if (value == NULL) return false;
        cJSON_SetValuestring(tree, value);
        free(value);
        return true;
    }
    for (cJSON *child = tree->child; child != NULL; child = child->next) {
        if (!variables_substitute(variables, child, why)) return false;
    }
    return true;
}
