from warren_client._proto.warren.v1 import common_pb2 as _common_pb2
from warren_client._proto.warren.v1 import input_pb2 as _input_pb2
from warren_client._proto.warren.v1 import runtime_pb2 as _runtime_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

BUILTIN_EXECUTOR_KIND_ECHO: BuiltinExecutorKind
BUILTIN_EXECUTOR_KIND_FAIL: BuiltinExecutorKind
BUILTIN_EXECUTOR_KIND_SLEEP: BuiltinExecutorKind
BUILTIN_EXECUTOR_KIND_UNSPECIFIED: BuiltinExecutorKind
CONVERSATION_APPEND_ROLE_ASSISTANT: ConversationAppendRole
CONVERSATION_APPEND_ROLE_SYSTEM_NOTICE: ConversationAppendRole
CONVERSATION_APPEND_ROLE_TOOL: ConversationAppendRole
CONVERSATION_APPEND_ROLE_UNSPECIFIED: ConversationAppendRole
CONVERSATION_APPEND_ROLE_USER: ConversationAppendRole
CORE_EXECUTOR_ERROR_KIND_APPLY_FAILED: CoreExecutorErrorKind
CORE_EXECUTOR_ERROR_KIND_CONTROL_FAILED: CoreExecutorErrorKind
CORE_EXECUTOR_ERROR_KIND_INTERNAL: CoreExecutorErrorKind
CORE_EXECUTOR_ERROR_KIND_STOPPED: CoreExecutorErrorKind
CORE_EXECUTOR_ERROR_KIND_UNSPECIFIED: CoreExecutorErrorKind
DESCRIPTOR: _descriptor.FileDescriptor

class BuiltinExecutor(_message.Message):
    __slots__ = ["fail_count", "kind", "options"]
    class OptionsEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    FAIL_COUNT_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    fail_count: int
    kind: BuiltinExecutorKind
    options: _containers.ScalarMap[str, str]
    def __init__(self, kind: _Optional[_Union[BuiltinExecutorKind, str]] = ..., fail_count: _Optional[int] = ..., options: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ConversationAppend(_message.Message):
    __slots__ = ["content", "role"]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    content: CoreRenderable
    role: ConversationAppendRole
    def __init__(self, role: _Optional[_Union[ConversationAppendRole, str]] = ..., content: _Optional[_Union[CoreRenderable, _Mapping]] = ...) -> None: ...

class ConversationContextAppend(_message.Message):
    __slots__ = ["content", "key"]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    content: CoreRenderable
    key: str
    def __init__(self, key: _Optional[str] = ..., content: _Optional[_Union[CoreRenderable, _Mapping]] = ...) -> None: ...

class CoreApplyOutput(_message.Message):
    __slots__ = ["callback_pending", "receipt", "run_result", "session_snapshot"]
    CALLBACK_PENDING_FIELD_NUMBER: _ClassVar[int]
    RECEIPT_FIELD_NUMBER: _ClassVar[int]
    RUN_RESULT_FIELD_NUMBER: _ClassVar[int]
    SESSION_SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
    callback_pending: _common_pb2.CallbackPending
    receipt: _runtime_pb2.RunBoundaryReceipt
    run_result: _common_pb2.RunResult
    session_snapshot: bytes
    def __init__(self, receipt: _Optional[_Union[_runtime_pb2.RunBoundaryReceipt, _Mapping]] = ..., session_snapshot: _Optional[bytes] = ..., run_result: _Optional[_Union[_common_pb2.RunResult, _Mapping]] = ..., callback_pending: _Optional[_Union[_common_pb2.CallbackPending, _Mapping]] = ...) -> None: ...

class CoreRenderable(_message.Message):
    __slots__ = ["blocks", "json_value", "reference", "text"]
    BLOCKS_FIELD_NUMBER: _ClassVar[int]
    JSON_VALUE_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    blocks: RenderableBlocks
    json_value: bytes
    reference: RenderableReference
    text: str
    def __init__(self, text: _Optional[str] = ..., blocks: _Optional[_Union[RenderableBlocks, _Mapping]] = ..., json_value: _Optional[bytes] = ..., reference: _Optional[_Union[RenderableReference, _Mapping]] = ...) -> None: ...

class ExecutorAttachRequest(_message.Message):
    __slots__ = ["control_result", "detach", "hello", "outcome", "progress"]
    CONTROL_RESULT_FIELD_NUMBER: _ClassVar[int]
    DETACH_FIELD_NUMBER: _ClassVar[int]
    HELLO_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    control_result: RunControlResult
    detach: ExecutorDetach
    hello: ExecutorHello
    outcome: RunOutcome
    progress: RunProgress
    def __init__(self, hello: _Optional[_Union[ExecutorHello, _Mapping]] = ..., outcome: _Optional[_Union[RunOutcome, _Mapping]] = ..., progress: _Optional[_Union[RunProgress, _Mapping]] = ..., control_result: _Optional[_Union[RunControlResult, _Mapping]] = ..., detach: _Optional[_Union[ExecutorDetach, _Mapping]] = ...) -> None: ...

class ExecutorAttachResponse(_message.Message):
    __slots__ = ["assignment", "control", "welcome"]
    ASSIGNMENT_FIELD_NUMBER: _ClassVar[int]
    CONTROL_FIELD_NUMBER: _ClassVar[int]
    WELCOME_FIELD_NUMBER: _ClassVar[int]
    assignment: RunAssignment
    control: RunControl
    welcome: ExecutorWelcome
    def __init__(self, welcome: _Optional[_Union[ExecutorWelcome, _Mapping]] = ..., assignment: _Optional[_Union[RunAssignment, _Mapping]] = ..., control: _Optional[_Union[RunControl, _Mapping]] = ...) -> None: ...

class ExecutorDetach(_message.Message):
    __slots__ = ["reason"]
    REASON_FIELD_NUMBER: _ClassVar[int]
    reason: str
    def __init__(self, reason: _Optional[str] = ...) -> None: ...

class ExecutorHello(_message.Message):
    __slots__ = ["executor_name", "instance_id", "labels", "max_concurrent_runs", "replace_existing"]
    class LabelsEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    EXECUTOR_NAME_FIELD_NUMBER: _ClassVar[int]
    INSTANCE_ID_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    MAX_CONCURRENT_RUNS_FIELD_NUMBER: _ClassVar[int]
    REPLACE_EXISTING_FIELD_NUMBER: _ClassVar[int]
    executor_name: str
    instance_id: str
    labels: _containers.ScalarMap[str, str]
    max_concurrent_runs: int
    replace_existing: bool
    def __init__(self, executor_name: _Optional[str] = ..., instance_id: _Optional[str] = ..., max_concurrent_runs: _Optional[int] = ..., labels: _Optional[_Mapping[str, str]] = ..., replace_existing: bool = ...) -> None: ...

class ExecutorRef(_message.Message):
    __slots__ = ["builtin", "remote"]
    BUILTIN_FIELD_NUMBER: _ClassVar[int]
    REMOTE_FIELD_NUMBER: _ClassVar[int]
    builtin: BuiltinExecutor
    remote: RemoteExecutorRef
    def __init__(self, builtin: _Optional[_Union[BuiltinExecutor, _Mapping]] = ..., remote: _Optional[_Union[RemoteExecutorRef, _Mapping]] = ...) -> None: ...

class ExecutorWelcome(_message.Message):
    __slots__ = ["attachment_id", "bound_session_ids", "executor_name"]
    ATTACHMENT_ID_FIELD_NUMBER: _ClassVar[int]
    BOUND_SESSION_IDS_FIELD_NUMBER: _ClassVar[int]
    EXECUTOR_NAME_FIELD_NUMBER: _ClassVar[int]
    attachment_id: str
    bound_session_ids: _containers.RepeatedScalarFieldContainer[str]
    executor_name: str
    def __init__(self, executor_name: _Optional[str] = ..., attachment_id: _Optional[str] = ..., bound_session_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class RemoteExecutorRef(_message.Message):
    __slots__ = ["executor_name"]
    EXECUTOR_NAME_FIELD_NUMBER: _ClassVar[int]
    executor_name: str
    def __init__(self, executor_name: _Optional[str] = ...) -> None: ...

class RenderableBlocks(_message.Message):
    __slots__ = ["blocks"]
    BLOCKS_FIELD_NUMBER: _ClassVar[int]
    blocks: _containers.RepeatedCompositeFieldContainer[_common_pb2.ContentBlock]
    def __init__(self, blocks: _Optional[_Iterable[_Union[_common_pb2.ContentBlock, _Mapping]]] = ...) -> None: ...

class RenderableReference(_message.Message):
    __slots__ = ["label", "uri"]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    URI_FIELD_NUMBER: _ClassVar[int]
    label: str
    uri: str
    def __init__(self, uri: _Optional[str] = ..., label: _Optional[str] = ...) -> None: ...

class RunAssignment(_message.Message):
    __slots__ = ["assignment_seq", "deadline_unix_nanos", "inputs", "primitive", "run_id", "runtime_id", "session_id"]
    ASSIGNMENT_SEQ_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_UNIX_NANOS_FIELD_NUMBER: _ClassVar[int]
    INPUTS_FIELD_NUMBER: _ClassVar[int]
    PRIMITIVE_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    assignment_seq: int
    deadline_unix_nanos: int
    inputs: _containers.RepeatedCompositeFieldContainer[_input_pb2.Input]
    primitive: RunPrimitive
    run_id: str
    runtime_id: str
    session_id: str
    def __init__(self, session_id: _Optional[str] = ..., runtime_id: _Optional[str] = ..., run_id: _Optional[str] = ..., assignment_seq: _Optional[int] = ..., primitive: _Optional[_Union[RunPrimitive, _Mapping]] = ..., inputs: _Optional[_Iterable[_Union[_input_pb2.Input, _Mapping]]] = ..., deadline_unix_nanos: _Optional[int] = ...) -> None: ...

class RunControl(_message.Message):
    __slots__ = ["command", "control_seq", "run_id", "runtime_id", "session_id"]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    CONTROL_SEQ_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    command: RunControlCommand
    control_seq: int
    run_id: str
    runtime_id: str
    session_id: str
    def __init__(self, session_id: _Optional[str] = ..., runtime_id: _Optional[str] = ..., run_id: _Optional[str] = ..., control_seq: _Optional[int] = ..., command: _Optional[_Union[RunControlCommand, _Mapping]] = ...) -> None: ...

class RunControlCancelCurrentRun(_message.Message):
    __slots__ = ["reason"]
    REASON_FIELD_NUMBER: _ClassVar[int]
    reason: str
    def __init__(self, reason: _Optional[str] = ...) -> None: ...

class RunControlCommand(_message.Message):
    __slots__ = ["cancel_current_run", "stop_runtime_executor"]
    CANCEL_CURRENT_RUN_FIELD_NUMBER: _ClassVar[int]
    STOP_RUNTIME_EXECUTOR_FIELD_NUMBER: _ClassVar[int]
    cancel_current_run: RunControlCancelCurrentRun
    stop_runtime_executor: RunControlStopRuntimeExecutor
    def __init__(self, cancel_current_run: _Optional[_Union[RunControlCancelCurrentRun, _Mapping]] = ..., stop_runtime_executor: _Optional[_Union[RunControlStopRuntimeExecutor, _Mapping]] = ...) -> None: ...

class RunControlResult(_message.Message):
    __slots__ = ["control_seq", "error_kind", "error_message", "succeeded"]
    CONTROL_SEQ_FIELD_NUMBER: _ClassVar[int]
    ERROR_KIND_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    SUCCEEDED_FIELD_NUMBER: _ClassVar[int]
    control_seq: int
    error_kind: CoreExecutorErrorKind
    error_message: str
    succeeded: bool
    def __init__(self, control_seq: _Optional[int] = ..., succeeded: bool = ..., error_kind: _Optional[_Union[CoreExecutorErrorKind, str]] = ..., error_message: _Optional[str] = ...) -> None: ...

class RunControlStopRuntimeExecutor(_message.Message):
    __slots__ = ["reason"]
    REASON_FIELD_NUMBER: _ClassVar[int]
    reason: str
    def __init__(self, reason: _Optional[str] = ...) -> None: ...

class RunOutcome(_message.Message):
    __slots__ = ["assignment_seq", "boundary_applied", "cancelled", "completed", "failed", "run_id", "session_id"]
    ASSIGNMENT_SEQ_FIELD_NUMBER: _ClassVar[int]
    BOUNDARY_APPLIED_FIELD_NUMBER: _ClassVar[int]
    CANCELLED_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    assignment_seq: int
    boundary_applied: RunOutcomeBoundaryApplied
    cancelled: RunOutcomeCancelled
    completed: RunOutcomeCompleted
    failed: RunOutcomeFailed
    run_id: str
    session_id: str
    def __init__(self, session_id: _Optional[str] = ..., run_id: _Optional[str] = ..., assignment_seq: _Optional[int] = ..., completed: _Optional[_Union[RunOutcomeCompleted, _Mapping]] = ..., failed: _Optional[_Union[RunOutcomeFailed, _Mapping]] = ..., cancelled: _Optional[_Union[RunOutcomeCancelled, _Mapping]] = ..., boundary_applied: _Optional[_Union[RunOutcomeBoundaryApplied, _Mapping]] = ...) -> None: ...

class RunOutcomeBoundaryApplied(_message.Message):
    __slots__ = ["output"]
    OUTPUT_FIELD_NUMBER: _ClassVar[int]
    output: CoreApplyOutput
    def __init__(self, output: _Optional[_Union[CoreApplyOutput, _Mapping]] = ...) -> None: ...

class RunOutcomeCancelled(_message.Message):
    __slots__ = ["reason"]
    REASON_FIELD_NUMBER: _ClassVar[int]
    reason: str
    def __init__(self, reason: _Optional[str] = ...) -> None: ...

class RunOutcomeCompleted(_message.Message):
    __slots__ = ["callback_pending", "run_result", "session_snapshot"]
    CALLBACK_PENDING_FIELD_NUMBER: _ClassVar[int]
    RUN_RESULT_FIELD_NUMBER: _ClassVar[int]
    SESSION_SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
    callback_pending: _common_pb2.CallbackPending
    run_result: _common_pb2.RunResult
    session_snapshot: bytes
    def __init__(self, session_snapshot: _Optional[bytes] = ..., run_result: _Optional[_Union[_common_pb2.RunResult, _Mapping]] = ..., callback_pending: _Optional[_Union[_common_pb2.CallbackPending, _Mapping]] = ...) -> None: ...

class RunOutcomeFailed(_message.Message):
    __slots__ = ["error_kind", "error_message", "recoverable"]
    ERROR_KIND_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    RECOVERABLE_FIELD_NUMBER: _ClassVar[int]
    error_kind: CoreExecutorErrorKind
    error_message: str
    recoverable: bool
    def __init__(self, error_message: _Optional[str] = ..., recoverable: bool = ..., error_kind: _Optional[_Union[CoreExecutorErrorKind, str]] = ...) -> None: ...

class RunPrimitive(_message.Message):
    __slots__ = ["immediate_append", "immediate_context_append", "staged_input"]
    IMMEDIATE_APPEND_FIELD_NUMBER: _ClassVar[int]
    IMMEDIATE_CONTEXT_APPEND_FIELD_NUMBER: _ClassVar[int]
    STAGED_INPUT_FIELD_NUMBER: _ClassVar[int]
    immediate_append: ConversationAppend
    immediate_context_append: ConversationContextAppend
    staged_input: StagedRunInput
    def __init__(self, staged_input: _Optional[_Union[StagedRunInput, _Mapping]] = ..., immediate_append: _Optional[_Union[ConversationAppend, _Mapping]] = ..., immediate_context_append: _Optional[_Union[ConversationContextAppend, _Mapping]] = ...) -> None: ...

class RunProgress(_message.Message):
    __slots__ = ["assignment_seq", "detail_json", "message", "percent", "run_id", "session_id"]
    ASSIGNMENT_SEQ_FIELD_NUMBER: _ClassVar[int]
    DETAIL_JSON_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    PERCENT_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    assignment_seq: int
    detail_json: bytes
    message: str
    percent: _common_pb2.DoubleValue
    run_id: str
    session_id: str
    def __init__(self, session_id: _Optional[str] = ..., run_id: _Optional[str] = ..., assignment_seq: _Optional[int] = ..., message: _Optional[str] = ..., percent: _Optional[_Union[_common_pb2.DoubleValue, _Mapping]] = ..., detail_json: _Optional[bytes] = ...) -> None: ...

class StagedRunInput(_message.Message):
    __slots__ = ["appends", "boundary", "context_appends", "contributing_input_ids", "turn_metadata"]
    APPENDS_FIELD_NUMBER: _ClassVar[int]
    BOUNDARY_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_APPENDS_FIELD_NUMBER: _ClassVar[int]
    CONTRIBUTING_INPUT_IDS_FIELD_NUMBER: _ClassVar[int]
    TURN_METADATA_FIELD_NUMBER: _ClassVar[int]
    appends: _containers.RepeatedCompositeFieldContainer[ConversationAppend]
    boundary: _common_pb2.RunApplyBoundary
    context_appends: _containers.RepeatedCompositeFieldContainer[ConversationContextAppend]
    contributing_input_ids: _containers.RepeatedScalarFieldContainer[str]
    turn_metadata: _common_pb2.RuntimeTurnMetadata
    def __init__(self, boundary: _Optional[_Union[_common_pb2.RunApplyBoundary, str]] = ..., appends: _Optional[_Iterable[_Union[ConversationAppend, _Mapping]]] = ..., context_appends: _Optional[_Iterable[_Union[ConversationContextAppend, _Mapping]]] = ..., contributing_input_ids: _Optional[_Iterable[str]] = ..., turn_metadata: _Optional[_Union[_common_pb2.RuntimeTurnMetadata, _Mapping]] = ...) -> None: ...

class ConversationAppendRole(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class CoreExecutorErrorKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class BuiltinExecutorKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
