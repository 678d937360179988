/*
 * step.c — one scenario step: substitute its variables, build the request, make the call (unary, a
 * stream read to its end, or a Subscribe read until the expected events), then check in README order:
 * status, detail, length, present, fields, events; and save.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conformance.h"

/** The call's outcome: its status and the response view. */
typedef struct outcome {
    warren_status status;
    response_view view;
    ProtobufCMessage *response; /* unary */
} call_outcome;

static void outcome_free(call_outcome *outcome) {
    warren_status_clear(&outcome->status);
    if (outcome->response != NULL) protobuf_c_message_free_unpacked(outcome->response, NULL);
    for (size_t i = 0; i < outcome->view.count; i++) protobuf_c_message_free_unpacked(outcome->view.messages[i], NULL);
    free(outcome->view.messages);
}

static void keep_message(call_outcome *outcome, ProtobufCMessage *message) {
    outcome->view.messages = realloc(outcome->view.messages, (outcome->view.count + 1) * sizeof *outcome->view.messages);
    outcome->view.messages[outcome->view.count++] = message;
}

/** The events of one Subscribe item: its envelope, or the envelopes of its batch; sets `count`. */
static Warren__V1__RuntimeEventEnvelope *const *item_envelopes(const Warren__V1__SubscribeResponse *item, size_t *count) {
    switch (item->item_case) {
    case WARREN__V1__SUBSCRIBE_RESPONSE__ITEM_ENVELOPE:
        *count = 1;
        return &item->envelope;
    case WARREN__V1__SUBSCRIBE_RESPONSE__ITEM_BATCH:
        *count = item->batch->n_envelopes;
        return item->batch->envelopes;
    default:
        *count = 0;
        return NULL;
    }
}

/**
 * Reads a Subscribe stream until `wanted` envelopes arrived (caught_up items are kept in the view, a
 * lagged item fails), then cancels it. Returns false with `why` when the stream ends first.
 */
static bool read_events(warren_stream *stream, int wanted, call_outcome *outcome, char *why) {
    int envelopes = 0;
    ProtobufCMessage *message = NULL;
    while (envelopes < wanted) {
        if (warren_stream_next(stream, &message, &outcome->status) != WARREN_STREAM_MESSAGE) {
            snprintf(why, WHY_SIZE, "the stream ended after %d of %d events: %s %s", envelopes, wanted,
                     warren_code_name(outcome->status.code), outcome->status.message ? outcome->status.message : "");
            return false;
        }
        keep_message(outcome, message);
        const Warren__V1__SubscribeResponse *item = (const Warren__V1__SubscribeResponse *)message;
        if (item->item_case == WARREN__V1__SUBSCRIBE_RESPONSE__ITEM_LAGGED) {
            snprintf(why, WHY_SIZE, "lagged after %d events", envelopes);
            return false;
        }
        size_t count = 0;
        (void)item_envelopes(item, &count);
        envelopes += (int)count;
    }
    warren_stream_cancel(stream);
    warren_status_clear(&outcome->status);
    return true;
}

/** Makes the call; false with `why` only when the events could not be read (the status says the rest). */
static bool call(runner_state *runner, const warren_method *method, const ProtobufCMessage *request,
                 const ProtobufCMessageDescriptor *response_type, const warren_call_options *options,
                 const char *path, const cJSON *events, call_outcome *outcome, char *why) {
    if (method == NULL || !method->server_streaming) {
        warren_call(runner->client, path, request, response_type, &outcome->response, options, &outcome->status);
        outcome->view.message = outcome->response;
        return true;
    }
    outcome->view.streaming = true;
    warren_stream *stream = NULL;
    if (warren_stream_open(runner->client, path, request, response_type, options, &stream, &outcome->status) != 0) {
        return true;
    }
    bool read = true;
    if (events != NULL) {
        read = read_events(stream, cJSON_GetArraySize(events), outcome, why);
    } else {
        ProtobufCMessage *message = NULL;
        while (warren_stream_next(stream, &message, &outcome->status) == WARREN_STREAM_MESSAGE) keep_message(outcome, message);
    }
    warren_stream_close(stream);
    return read;
}

/** Compares the envelopes' kinds with the expected list, in order. */
static bool check_events(const call_outcome *outcome, const cJSON *events, char *why) {
    const cJSON *expected = events->child;
    int index = 0;
    for (size_t i = 0; i < outcome->view.count && expected != NULL; i++) {
        const Warren__V1__SubscribeResponse *item = (const Warren__V1__SubscribeResponse *)outcome->view.messages[i];
        size_t count = 0;
        Warren__V1__RuntimeEventEnvelope *const *envelopes = item_envelopes(item, &count);
        for (size_t e = 0; e < count && expected != NULL; e++) {
            const char *kind = warren_event_kind(envelopes[e]);
            if (!cJSON_IsString(expected) || strcmp(kind, expected->valuestring) != 0) {
                snprintf(why, WHY_SIZE, "event %d is %s, expected %s", index, kind,
                         cJSON_IsString(expected) ? expected->valuestring : "?");
                return false;
            }
            expected = expected->next;
            index++;
        }
    }
    return true;
}

/** The checks after the call, in README order. */
static bool check(const cJSON *expect, call_outcome *outcome, char *why) {
    const char *status = cJSON_GetObjectItemCaseSensitive(expect, "status")->valuestring;
    if (strcmp(status, warren_code_name(outcome->status.code)) != 0) {
        snprintf(why, WHY_SIZE, "status %s, expected %s (%s)", warren_code_name(outcome->status.code), status,
                 outcome->status.message ? outcome->status.message : "");
        return false;
    }
    const cJSON *detail = cJSON_GetObjectItemCaseSensitive(expect, "detail");
    if (detail != NULL && outcome->status.detail == NULL) {
        snprintf(why, WHY_SIZE, "the status carries no ErrorDetail (%s)", outcome->status.message ? outcome->status.message : "");
        return false;
    }
    response_view detail_view = {.message = detail ? &outcome->status.detail->base : NULL};
    for (const cJSON *entry = detail ? detail->child : NULL; entry != NULL; entry = entry->next) {
        if (!view_check_field(&detail_view, entry->string, entry, why)) return false;
    }
    if (outcome->status.code != WARREN_OK) return true;
    const cJSON *length = cJSON_GetObjectItemCaseSensitive(expect, "length");
    for (const cJSON *entry = length ? length->child : NULL; entry != NULL; entry = entry->next) {
        if (!view_check_length(&outcome->view, entry->string, (long)entry->valuedouble, why)) return false;
    }
    const cJSON *present = cJSON_GetObjectItemCaseSensitive(expect, "present");
    for (const cJSON *entry = present ? present->child : NULL; entry != NULL; entry = entry->next) {
        if (!cJSON_IsString(entry) || !view_check_present(&outcome->view, entry->valuestring, why)) return false;
    }
    const cJSON *fields = cJSON_GetObjectItemCaseSensitive(expect, "fields");
    for (const cJSON *entry = fields ? fields->child : NULL; entry != NULL; entry = entry->next) {
        if (!view_check_field(&outcome->view, entry->string, entry, why)) return false;
    }
    const cJSON *events = cJSON_GetObjectItemCaseSensitive(expect, "events");
    return events == NULL || check_events(outcome, events, why);
}

/** Stores every `save` entry; false with `why` when a value is not set. */
static bool save(runner_state *runner, memory_arena *arena, const cJSON *saves, const call_outcome *outcome, char *why) {
    for (const cJSON *entry = saves ? saves->child : NULL; entry != NULL; entry = entry->next) {
        const char *value = view_save(arena, &outcome->view, entry->valuestring, why);
        if (value == NULL) return false;
        variables_set(&runner->variables, entry->string, value);
    }
    return true;
}

/** The step's call options: its deadline and metadata (pointing into the step's JSON). */
static void call_options(const cJSON *step, memory_arena *arena, warren_call_options *options) {
    const cJSON *timeout = cJSON_GetObjectItemCaseSensitive(step, "timeout_ms");
    options->timeout_ms = timeout ? (uint32_t)timeout->valuedouble : 0;
    const cJSON *metadata = cJSON_GetObjectItemCaseSensitive(step, "metadata");
    size_t count = metadata ? (size_t)cJSON_GetArraySize(metadata) : 0;
    warren_metadata *entries = arena_alloc(arena, (count ? count : 1) * sizeof *entries);
    size_t index = 0;
    for (const cJSON *entry = metadata ? metadata->child : NULL; entry != NULL; entry = entry->next, index++) {
        entries[index] = (warren_metadata){entry->string, entry->valuestring};
    }
    options->metadata = entries;
    options->metadata_count = count;
}

/** Runs a step whose variables are substituted. */
static step_result run_substituted(runner_state *runner, const cJSON *step, memory_arena *arena, char *why) {
    char path[256];
    snprintf(path, sizeof path, "/warren.v1.%s", cJSON_GetObjectItemCaseSensitive(step, "rpc")->valuestring);
    warren_method method;
    bool known = warren_find_method(path, &method) == 0;
    const cJSON *request_json = cJSON_GetObjectItemCaseSensitive(step, "request");
    if (!known && request_json->child != NULL) {
        snprintf(why, WHY_SIZE, "%s is not a method of Proto/warren/v1 and its request is not {}", path);
        return STEP_FAIL;
    }
    /* An unknown method is called raw: an empty message (zero bytes) of an empty type. */
    const ProtobufCMessageDescriptor *empty = &warren__v1__subscribe_from_beginning__descriptor;
    ProtobufCMessage *request = build_message(arena, known ? method.method->input : empty, request_json, why);
    if (request == NULL) return STEP_FAIL;
    warren_call_options options;
    call_options(step, arena, &options);
    const cJSON *expect = cJSON_GetObjectItemCaseSensitive(step, "expect");
    call_outcome outcome = {.status = WARREN_STATUS_INIT};
    bool passed = call(runner, known ? &method : NULL, request, known ? method.method->output : empty, &options, path,
                       cJSON_GetObjectItemCaseSensitive(expect, "events"), &outcome, why) &&
                  check(expect, &outcome, why) &&
                  (outcome.status.code != WARREN_OK ||
                   save(runner, arena, cJSON_GetObjectItemCaseSensitive(step, "save"), &outcome, why));
    outcome_free(&outcome);
    return passed ? STEP_PASS : STEP_FAIL;
}

step_result step_run(runner_state *runner, const cJSON *original, char *why) {
    if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(original, "needs_token")) && runner->token == NULL) {
        snprintf(why, WHY_SIZE, "no token configured");
        return STEP_SKIP;
    }
    cJSON *step = cJSON_Duplicate(original, true);
    step_result result = STEP_FAIL;
    const char *substituted[] = {"request", "metadata", "expect"};
    bool ready = true;
    for (size_t i = 0; i < 3 && ready; i++) {
        cJSON *part = cJSON_GetObjectItemCaseSensitive(step, substituted[i]);
        ready = part == NULL || variables_substitute(&runner->variables, part, why);
    }
    if (ready) {
        memory_arena arena = {0};
        result = run_substituted(runner, step, &arena, why);
        arena_free(&arena);
    }
    cJSON_Delete(step);
    return result;
}
