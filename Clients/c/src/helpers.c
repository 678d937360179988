/*
 * helpers.c — typed helpers for the main RPCs (warren_call with each method's path and types) and the
 * conveniences of the common path (a session with an executor, a prompt, its completion).
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "client_internal.h"
#include "status.h"

/** Defines a typed unary helper `function` for `path`, returning `Response` (descriptor `response_type`). */
#define WARREN_UNARY_HELPER(function, Request, Response, path, response_type)                                     \
    int function(warren_client *client, const Request *request, Response **response,                             \
                 const warren_call_options *options, warren_status *status) {                                    \
        return warren_call(client, path, (const ProtobufCMessage *)request, &response_type,                      \
                           (ProtobufCMessage **)response, options, status);                                      \
    }

WARREN_UNARY_HELPER(warren_health_check, Warren__V1__HealthCheckRequest, Warren__V1__HealthCheckResponse,
                    "/warren.v1.Health/Check", warren__v1__health_check_response__descriptor)
WARREN_UNARY_HELPER(warren_register_session, Warren__V1__RegisterSessionRequest, Warren__V1__RegisterSessionResponse,
                    "/warren.v1.RuntimeSessionAdapter/RegisterSession",
                    warren__v1__register_session_response__descriptor)
WARREN_UNARY_HELPER(warren_ensure_session_with_executor, Warren__V1__EnsureSessionWithExecutorRequest,
                    Warren__V1__EnsureSessionWithExecutorResponse,
                    "/warren.v1.RuntimeSessionAdapter/EnsureSessionWithExecutor",
                    warren__v1__ensure_session_with_executor_response__descriptor)
WARREN_UNARY_HELPER(warren_accept_input, Warren__V1__AcceptInputRequest, Warren__V1__AcceptInputResponse,
                    "/warren.v1.SessionServiceRuntimeExt/AcceptInput", warren__v1__accept_input_response__descriptor)
WARREN_UNARY_HELPER(warren_ingest, Warren__V1__IngestRequest, Warren__V1__IngestResponse,
                    "/warren.v1.RuntimeControlPlane/Ingest", warren__v1__ingest_response__descriptor)
WARREN_UNARY_HELPER(warren_await_completion, Warren__V1__AwaitCompletionRequest, Warren__V1__AwaitCompletionResponse,
                    "/warren.v1.RuntimeSessionAdapter/AwaitCompletion",
                    warren__v1__await_completion_response__descriptor)
WARREN_UNARY_HELPER(warren_input_state, Warren__V1__InputStateRequest, Warren__V1__InputStateResponse,
                    "/warren.v1.SessionServiceRuntimeExt/InputState", warren__v1__input_state_response__descriptor)
WARREN_UNARY_HELPER(warren_session_runtime_state, Warren__V1__SessionRuntimeStateRequest,
                    Warren__V1__SessionRuntimeStateResponse, "/warren.v1.SessionServiceRuntimeExt/RuntimeState",
                    warren__v1__session_runtime_state_response__descriptor)
WARREN_UNARY_HELPER(warren_list_active_inputs, Warren__V1__ListActiveInputsRequest,
                    Warren__V1__ListActiveInputsResponse, "/warren.v1.SessionServiceRuntimeExt/ListActiveInputs",
                    warren__v1__list_active_inputs_response__descriptor)
WARREN_UNARY_HELPER(warren_publish_event, Warren__V1__PublishEventRequest, Warren__V1__PublishEventResponse,
                    "/warren.v1.RuntimeControlPlane/PublishEvent", warren__v1__publish_event_response__descriptor)

int warren_subscribe(warren_client *client, const Warren__V1__SubscribeRequest *request,
                     const warren_call_options *options, warren_stream **stream, warren_status *status) {
    return warren_stream_open(client, "/warren.v1.RuntimeEvents/Subscribe", (const ProtobufCMessage *)request,
                              &warren__v1__subscribe_response__descriptor, options, stream, status);
}

int warren_accept_input_with_completion(warren_client *client,
                                        const Warren__V1__AcceptInputWithCompletionRequest *request,
                                        const warren_call_options *options, warren_stream **stream,
                                        warren_status *status) {
    return warren_stream_open(client, "/warren.v1.SessionServiceRuntimeExt/AcceptInputWithCompletion",
                              (const ProtobufCMessage *)request,
                              &warren__v1__accept_input_with_completion_response__descriptor, options, stream, status);
}

/** Fills `builtin` for "echo", "sleep", "fail" or "fail:N"; false for any other name. */
static bool builtin_executor(const char *name, Warren__V1__BuiltinExecutor *builtin) {
    if (strcmp(name, "echo") == 0) builtin->kind = WARREN__V1__BUILTIN_EXECUTOR_KIND__BUILTIN_EXECUTOR_KIND_ECHO;
    else if (strcmp(name, "sleep") == 0) builtin->kind = WARREN__V1__BUILTIN_EXECUTOR_KIND__BUILTIN_EXECUTOR_KIND_SLEEP;
    else if (strcmp(name, "fail") == 0) builtin->kind = WARREN__V1__BUILTIN_EXECUTOR_KIND__BUILTIN_EXECUTOR_KIND_FAIL;
    else if (strncmp(name, "fail:", 5) == 0 && name[5] >= '0' && name[5] <= '9') {
        char *end = NULL;
        unsigned long count = strtoul(name + 5, &end, 10);
        if (*end != '\0' || count > UINT32_MAX) return false;
        builtin->kind = WARREN__V1__BUILTIN_EXECUTOR_KIND__BUILTIN_EXECUTOR_KIND_FAIL;
        builtin->fail_count = (uint32_t)count;
    } else {
        return false;
    }
    return true;
}

int warren_ensure_session(warren_client *client, const char *session_id, const char *executor,
                          warren_status *status) {
    Warren__V1__BuiltinExecutor builtin = WARREN__V1__BUILTIN_EXECUTOR__INIT;
    Warren__V1__RemoteExecutorRef remote = WARREN__V1__REMOTE_EXECUTOR_REF__INIT;
    Warren__V1__ExecutorRef reference = WARREN__V1__EXECUTOR_REF__INIT;
    if (executor != NULL && builtin_executor(executor, &builtin)) {
        reference.target_case = WARREN__V1__EXECUTOR_REF__TARGET_BUILTIN;
        reference.builtin = &builtin;
    } else {
        remote.executor_name = (char *)(executor ? executor : "");
        reference.target_case = WARREN__V1__EXECUTOR_REF__TARGET_REMOTE;
        reference.remote = &remote;
    }
    Warren__V1__EnsureSessionWithExecutorRequest request = WARREN__V1__ENSURE_SESSION_WITH_EXECUTOR_REQUEST__INIT;
    request.session_id = (char *)session_id;
    request.executor = &reference;
    Warren__V1__EnsureSessionWithExecutorResponse *response = NULL;
    int code = warren_ensure_session_with_executor(client, &request, &response, NULL, status);
    if (response != NULL) warren__v1__ensure_session_with_executor_response__free_unpacked(response, NULL);
    return code;
}

/** Turns an AcceptOutcome into the accepted input's id (malloc'd), or FAILED_PRECONDITION describing it. */
static int accepted_input_id(const Warren__V1__AcceptOutcome *outcome, char **input_id, warren_status *status) {
    if (outcome != NULL && outcome->outcome_case == WARREN__V1__ACCEPT_OUTCOME__OUTCOME_ACCEPTED) {
        *input_id = strdup(outcome->accepted->input_id);
        return 0;
    }
    if (outcome != NULL && outcome->outcome_case == WARREN__V1__ACCEPT_OUTCOME__OUTCOME_DEDUPLICATED) {
        wc_status_set(status, WARREN_FAILED_PRECONDITION, "deduplicated: input %s already exists",
                      outcome->deduplicated->existing_id);
    } else {
        wc_status_set(status, WARREN_FAILED_PRECONDITION, "the input was rejected");
    }
    return status->code;
}

int warren_accept_prompt(warren_client *client, const char *session_id, const char *text, char **input_id,
                         warren_status *status) {
    *input_id = NULL;
    Warren__V1__PromptInput prompt = WARREN__V1__PROMPT_INPUT__INIT;
    prompt.text = (char *)text;
    Warren__V1__Input input = WARREN__V1__INPUT__INIT;
    input.variant_case = WARREN__V1__INPUT__VARIANT_PROMPT;
    input.prompt = &prompt;
    Warren__V1__AcceptInputRequest request = WARREN__V1__ACCEPT_INPUT_REQUEST__INIT;
    request.session_id = (char *)session_id;
    request.input = &input;
    Warren__V1__AcceptInputResponse *response = NULL;
    if (warren_accept_input(client, &request, &response, NULL, status) != 0) return status->code;
    int code = accepted_input_id(response->outcome, input_id, status);
    warren__v1__accept_input_response__free_unpacked(response, NULL);
    return code;
}

int warren_await_input(warren_client *client, const char *session_id, const char *input_id,
                       Warren__V1__AwaitCompletionResponse **response, warren_status *status) {
    Warren__V1__AwaitCompletionRequest request = WARREN__V1__AWAIT_COMPLETION_REQUEST__INIT;
    request.session_id = (char *)session_id;
    request.input_id = (char *)input_id;
    return warren_await_completion(client, &request, response, NULL, status);
}

int warren_subscribe_runtime(warren_client *client, const char *runtime_id, warren_stream **stream,
                             warren_status *status) {
    char *runtime_ids[1] = {(char *)runtime_id};
    Warren__V1__EventFilter filter = WARREN__V1__EVENT_FILTER__INIT;
    filter.n_runtime_ids = runtime_id != NULL ? 1 : 0;
    filter.runtime_ids = runtime_ids;
    Warren__V1__SubscribeFromBeginning beginning = WARREN__V1__SUBSCRIBE_FROM_BEGINNING__INIT;
    Warren__V1__SubscribeRequest request = WARREN__V1__SUBSCRIBE_REQUEST__INIT;
    request.filter = &filter;
    request.start_case = WARREN__V1__SUBSCRIBE_REQUEST__START_BEGINNING;
    request.beginning = &beginning;
    return warren_subscribe(client, &request, NULL, stream, status);
}

/** The name of the oneof member numbered `number` of `type` ("(none)" for 0, "(unknown)" otherwise). */
static const char *member_name(const ProtobufCMessageDescriptor *type, unsigned number) {
    if (number == 0) return "(none)";
    const ProtobufCFieldDescriptor *field = protobuf_c_message_descriptor_get_field(type, number);
    return field != NULL ? field->name : "(unknown)";
}

const char *warren_event_kind(const Warren__V1__RuntimeEventEnvelope *envelope) {
    if (envelope == NULL || envelope->event == NULL) return "(none)";
    return member_name(&warren__v1__runtime_event__descriptor, (unsigned)envelope->event->event_case);
}

const char *warren_completion_kind(const Warren__V1__CompletionOutcome *outcome) {
    if (outcome == NULL) return "(none)";
    return member_name(&warren__v1__completion_outcome__descriptor, (unsigned)outcome->outcome_case);
}
