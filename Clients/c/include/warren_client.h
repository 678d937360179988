/*
 * warren_client.h — a blocking C client for Warren's binary RPC protocol (PROTOCOL.md).
 *
 * Messages are the protoc-c types of Proto/warren/v1 (Warren__V1__*), the same generated C the server
 * uses. One warren_client holds one multiplexed TCP connection (replaced by a new one on the next call
 * once it breaks or the server drains it) and any number of open calls on it.
 *
 * Threads: a client and its streams belong to one thread at a time; use one client per thread.
 *
 * Ownership:
 *   - A response or stream message handed to the caller is unpacked with libprotobuf-c's default
 *     allocator: free it with protobuf_c_message_free_unpacked(&message->base, NULL).
 *   - A warren_status owns its message and detail. Initialise it with WARREN_STATUS_INIT; every call
 *     that fills it first clears what it held, so one status can be reused; release it at the end with
 *     warren_status_clear.
 *   - Close every stream (warren_stream_close) before closing its client (warren_close).
 *
 * Errors: every call returns its status code (0, WARREN_OK, on success), numbered as
 * gRPC's. Failures found locally use the same codes: UNAVAILABLE when the server cannot be reached or the
 * connection is lost, DEADLINE_EXCEEDED when the call's deadline passes, CANCELLED after
 * warren_stream_cancel, RESOURCE_EXHAUSTED for a request over the server's limits, INTERNAL when the
 * server breaks the protocol, INVALID_ARGUMENT for bad arguments to this library.
 */
#ifndef WARREN_CLIENT_H
#define WARREN_CLIENT_H

#include <stddef.h>
#include <stdint.h>

#include <protobuf-c/protobuf-c.h>

#include "cwarren_messages.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A status code, numbered as gRPC's (the wire's warren.v1.StatusCode). */
typedef enum warren_code {
    WARREN_OK = WARREN__V1__STATUS_CODE__STATUS_CODE_OK,
    WARREN_CANCELLED = WARREN__V1__STATUS_CODE__STATUS_CODE_CANCELLED,
    WARREN_UNKNOWN = WARREN__V1__STATUS_CODE__STATUS_CODE_UNKNOWN,
    WARREN_INVALID_ARGUMENT = WARREN__V1__STATUS_CODE__STATUS_CODE_INVALID_ARGUMENT,
    WARREN_DEADLINE_EXCEEDED = WARREN__V1__STATUS_CODE__STATUS_CODE_DEADLINE_EXCEEDED,
    WARREN_NOT_FOUND = WARREN__V1__STATUS_CODE__STATUS_CODE_NOT_FOUND,
    WARREN_ALREADY_EXISTS = WARREN__V1__STATUS_CODE__STATUS_CODE_ALREADY_EXISTS,
    WARREN_PERMISSION_DENIED = WARREN__V1__STATUS_CODE__STATUS_CODE_PERMISSION_DENIED,
    WARREN_RESOURCE_EXHAUSTED = WARREN__V1__STATUS_CODE__STATUS_CODE_RESOURCE_EXHAUSTED,
    WARREN_FAILED_PRECONDITION = WARREN__V1__STATUS_CODE__STATUS_CODE_FAILED_PRECONDITION,
    WARREN_ABORTED = WARREN__V1__STATUS_CODE__STATUS_CODE_ABORTED,
    WARREN_OUT_OF_RANGE = WARREN__V1__STATUS_CODE__STATUS_CODE_OUT_OF_RANGE,
    WARREN_UNIMPLEMENTED = WARREN__V1__STATUS_CODE__STATUS_CODE_UNIMPLEMENTED,
    WARREN_INTERNAL = WARREN__V1__STATUS_CODE__STATUS_CODE_INTERNAL,
    WARREN_UNAVAILABLE = WARREN__V1__STATUS_CODE__STATUS_CODE_UNAVAILABLE,
    WARREN_DATA_LOSS = WARREN__V1__STATUS_CODE__STATUS_CODE_DATA_LOSS,
    WARREN_UNAUTHENTICATED = WARREN__V1__STATUS_CODE__STATUS_CODE_UNAUTHENTICATED,
} warren_code;

/** The outcome of a call: the code, a message for people and the server's typed detail. */
typedef struct warren_status {
    /** The status code; OK (0) on success. */
    warren_code code;
    /** What went wrong, for people (malloc'd); NULL when the code is OK. */
    char *message;
    /** The server's machine-readable detail (kind, runtime state, ids...); NULL when it sent none. */
    Warren__V1__ErrorDetail *detail;
} warren_status;

/** The initial value of a warren_status: OK, no message, no detail. */
#define WARREN_STATUS_INIT {WARREN_OK, NULL, NULL}

/** Frees the status's message and detail and resets it to OK. */
void warren_status_clear(warren_status *status);

/** The code's name as in PROTOCOL.md, e.g. "NOT_FOUND"; "UNKNOWN_CODE" for a value outside 0...16. */
const char *warren_code_name(warren_code code);

/** How to reach and talk to the server. */
typedef struct warren_options {
    /** "host:port" or "[ipv6]:port", e.g. "127.0.0.1:7433". */
    const char *address;
    /** Sent as `authorization: Bearer <token>` on every call when not NULL (servers run with --token-file). */
    const char *bearer_token;
    /** How long connecting (TCP and the SETTINGS exchange) may take; 0 means 10 000. */
    uint32_t connect_timeout_ms;
    /** The deadline of calls whose warren_call_options give none; 0 means no deadline. */
    uint32_t call_timeout_ms;
} warren_options;

/** One entry of call metadata. */
typedef struct warren_metadata {
    /** Lower-case key, e.g. "x-request-id". */
    const char *key;
    /** Its value. */
    const char *value;
} warren_metadata;

/** Per-call settings; pass NULL for the client's defaults. */
typedef struct warren_call_options {
    /** The call's deadline in milliseconds, sent to the server as timeout_ms and enforced here too;
        0 means the client's call_timeout_ms. */
    uint32_t timeout_ms;
    /** Extra metadata sent with the call; an "authorization" entry replaces the client's bearer token. */
    const warren_metadata *metadata;
    /** How many entries `metadata` holds. */
    size_t metadata_count;
} warren_call_options;

/** A connection to a Warren server. */
typedef struct warren_client warren_client;

/** One open server-streaming call. */
typedef struct warren_stream warren_stream;

/**
 * Connects to the server and exchanges SETTINGS.
 * On success returns 0 and stores the client in *client; on failure returns the code (UNAVAILABLE when
 * the server cannot be reached, INVALID_ARGUMENT for a malformed address) and *client is NULL.
 */
int warren_connect(const warren_options *options, warren_client **client, warren_status *status);

/** Closes the connection and frees the client. Streams must be closed first. NULL is ignored. */
void warren_close(warren_client *client);

/**
 * Makes a unary call: sends `request` to `method` ("/warren.v1.Service/Method") and, on OK, stores the
 * response (of type `response_type`) in *response. Returns the status code; *response is NULL unless OK.
 */
int warren_call(warren_client *client, const char *method, const ProtobufCMessage *request,
                const ProtobufCMessageDescriptor *response_type, ProtobufCMessage **response,
                const warren_call_options *options, warren_status *status);

/**
 * Like warren_call, with the method named by its service descriptor and name, e.g.
 * warren_invoke(client, &warren__v1__health__descriptor, "Check", ...). The response type comes from
 * the descriptor; a request of the wrong type is INVALID_ARGUMENT.
 */
int warren_invoke(warren_client *client, const ProtobufCServiceDescriptor *service, const char *method_name,
                  const ProtobufCMessage *request, ProtobufCMessage **response,
                  const warren_call_options *options, warren_status *status);

/**
 * Opens a server-streaming call: sends `request` to `method`, whose responses are `response_type`.
 * Returns 0 with the stream in *stream, or the failure's code with *stream NULL.
 */
int warren_stream_open(warren_client *client, const char *method, const ProtobufCMessage *request,
                       const ProtobufCMessageDescriptor *response_type, const warren_call_options *options,
                       warren_stream **stream, warren_status *status);

/** What warren_stream_next returns. */
enum warren_next {
    /** The call is over; the status says how (OK when the server ended it normally). */
    WARREN_STREAM_END = 0,
    /** *message holds the next response. */
    WARREN_STREAM_MESSAGE = 1,
    /** warren_stream_next_within's wait passed; the call is still open. */
    WARREN_STREAM_WAITING = 2,
};

/**
 * Waits for the next response, until the call's deadline.
 * Returns WARREN_STREAM_MESSAGE with *message set, or WARREN_STREAM_END with the call's final status in
 * *status (OK, the server's error, DEADLINE_EXCEEDED, CANCELLED, UNAVAILABLE...). Reading a message grants
 * the server credit for more (WINDOW_UPDATE), so a stream nobody reads stops the server's sending.
 */
int warren_stream_next(warren_stream *stream, ProtobufCMessage **message, warren_status *status);

/** Like warren_stream_next, but gives up after `wait_ms` with WARREN_STREAM_WAITING, leaving the call open. */
int warren_stream_next_within(warren_stream *stream, uint32_t wait_ms, ProtobufCMessage **message,
                              warren_status *status);

/**
 * Cancels the call: sends CANCEL unless the call is already over and drops unread responses.
 * warren_stream_next then returns WARREN_STREAM_END with CANCELLED.
 */
void warren_stream_cancel(warren_stream *stream);

/** Cancels the call if it is still open and frees the stream. NULL is ignored. */
void warren_stream_close(warren_stream *stream);

/* ---- Types by name ---- */

/** The descriptor of the message `full_name` of Proto/warren/v1 (e.g. "warren.v1.Input"), or NULL. */
const ProtobufCMessageDescriptor *warren_message_type(const char *full_name);

/** The descriptor of the service `full_name` (e.g. "warren.v1.Health"), or NULL; see warren_invoke. */
const ProtobufCServiceDescriptor *warren_service(const char *full_name);

/** A method of Proto/warren/v1: its path, descriptors and call shape. */
typedef struct warren_method {
    /** "/warren.v1.Service/Method". */
    const char *path;
    /** The service's descriptor. */
    const ProtobufCServiceDescriptor *service;
    /** The method's descriptor: name, request (input) and response (output) types. */
    const ProtobufCMethodDescriptor *method;
    /** Whether the client sends a stream of requests. */
    int client_streaming;
    /** Whether the server answers with a stream (open it with warren_stream_open). */
    int server_streaming;
} warren_method;

/** Fills *method for `path` ("/warren.v1.Health/Check"); 0 on success, -1 when there is no such method. */
int warren_find_method(const char *path, warren_method *method);

/* ---- Typed helpers for the main RPCs (each is warren_call with the method's path and types) ---- */

/** Health.Check. */
int warren_health_check(warren_client *client, const Warren__V1__HealthCheckRequest *request,
                        Warren__V1__HealthCheckResponse **response, const warren_call_options *options,
                        warren_status *status);

/** RuntimeSessionAdapter.RegisterSession: registers a session with no executor (inputs queue). */
int warren_register_session(warren_client *client, const Warren__V1__RegisterSessionRequest *request,
                            Warren__V1__RegisterSessionResponse **response, const warren_call_options *options,
                            warren_status *status);

/** RuntimeSessionAdapter.EnsureSessionWithExecutor: creates the session if needed and binds an executor. */
int warren_ensure_session_with_executor(warren_client *client,
                                        const Warren__V1__EnsureSessionWithExecutorRequest *request,
                                        Warren__V1__EnsureSessionWithExecutorResponse **response,
                                        const warren_call_options *options, warren_status *status);

/** SessionServiceRuntimeExt.AcceptInput: admits an input into a session. */
int warren_accept_input(warren_client *client, const Warren__V1__AcceptInputRequest *request,
                        Warren__V1__AcceptInputResponse **response, const warren_call_options *options,
                        warren_status *status);

/** RuntimeControlPlane.Ingest: admits an input into a runtime, by runtime id. */
int warren_ingest(warren_client *client, const Warren__V1__IngestRequest *request,
                  Warren__V1__IngestResponse **response, const warren_call_options *options, warren_status *status);

/** RuntimeSessionAdapter.AwaitCompletion: waits until an input is terminal (at once if it already is). */
int warren_await_completion(warren_client *client, const Warren__V1__AwaitCompletionRequest *request,
                            Warren__V1__AwaitCompletionResponse **response, const warren_call_options *options,
                            warren_status *status);

/** SessionServiceRuntimeExt.InputState: an input's ledger record. */
int warren_input_state(warren_client *client, const Warren__V1__InputStateRequest *request,
                       Warren__V1__InputStateResponse **response, const warren_call_options *options,
                       warren_status *status);

/** SessionServiceRuntimeExt.RuntimeState: a session's runtime state. */
int warren_session_runtime_state(warren_client *client, const Warren__V1__SessionRuntimeStateRequest *request,
                                 Warren__V1__SessionRuntimeStateResponse **response,
                                 const warren_call_options *options, warren_status *status);

/** SessionServiceRuntimeExt.ListActiveInputs: the session's non-terminal inputs. */
int warren_list_active_inputs(warren_client *client, const Warren__V1__ListActiveInputsRequest *request,
                              Warren__V1__ListActiveInputsResponse **response, const warren_call_options *options,
                              warren_status *status);

/** RuntimeControlPlane.PublishEvent: publishes an event to subscribers. */
int warren_publish_event(warren_client *client, const Warren__V1__PublishEventRequest *request,
                         Warren__V1__PublishEventResponse **response, const warren_call_options *options,
                         warren_status *status);

/** RuntimeEvents.Subscribe: opens the event stream (Warren__V1__SubscribeResponse items). */
int warren_subscribe(warren_client *client, const Warren__V1__SubscribeRequest *request,
                     const warren_call_options *options, warren_stream **stream, warren_status *status);

/** SessionServiceRuntimeExt.AcceptInputWithCompletion: the accept outcome, then the completion
    (Warren__V1__AcceptInputWithCompletionResponse items). */
int warren_accept_input_with_completion(warren_client *client,
                                        const Warren__V1__AcceptInputWithCompletionRequest *request,
                                        const warren_call_options *options, warren_stream **stream,
                                        warren_status *status);

/* ---- Conveniences for the common path: sessions, prompts and their completion, by id ---- */

/**
 * Creates `session_id` if needed and binds the executor named `executor`: "echo", "sleep", "fail",
 * "fail:N" (built in) or the name of an attached remote executor (as `warren ingest --executor`).
 */
int warren_ensure_session(warren_client *client, const char *session_id, const char *executor,
                          warren_status *status);

/**
 * Admits a prompt with `text` into `session_id` (AcceptInput). On OK stores the new input's id in
 * *input_id (malloc'd; free it). A rejected or deduplicated admission is FAILED_PRECONDITION here, with
 * the outcome described in the status message.
 */
int warren_accept_prompt(warren_client *client, const char *session_id, const char *text, char **input_id,
                         warren_status *status);

/** AwaitCompletion of `input_id` in `session_id`, with the client's default deadline. */
int warren_await_input(warren_client *client, const char *session_id, const char *input_id,
                       Warren__V1__AwaitCompletionResponse **response, warren_status *status);

/**
 * Subscribes to the events of one runtime (`runtime_id`, a session id) from the beginning: its history,
 * then a CaughtUp item, then live events. NULL follows every runtime.
 */
int warren_subscribe_runtime(warren_client *client, const char *runtime_id, warren_stream **stream,
                             warren_status *status);

/** The kind of an envelope's event: the name of its RuntimeEvent member, e.g. "input_accepted". */
const char *warren_event_kind(const Warren__V1__RuntimeEventEnvelope *envelope);

/** How an input ended: the name of its CompletionOutcome member, e.g. "completed" or "abandoned". */
const char *warren_completion_kind(const Warren__V1__CompletionOutcome *outcome);

#ifdef __cplusplus
}
#endif

#endif /* WARREN_CLIENT_H */
