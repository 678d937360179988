from warren_client._proto.warren.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
OPERATION_KIND_BACKGROUND_TOOL_OP: OperationKind
OPERATION_KIND_MOB_MEMBER_CHILD: OperationKind
OPERATION_KIND_UNSPECIFIED: OperationKind
OPERATION_STATUS_ABORTED: OperationStatus
OPERATION_STATUS_ABSENT: OperationStatus
OPERATION_STATUS_CANCELLED: OperationStatus
OPERATION_STATUS_COMPLETED: OperationStatus
OPERATION_STATUS_FAILED: OperationStatus
OPERATION_STATUS_PROVISIONING: OperationStatus
OPERATION_STATUS_RETIRED: OperationStatus
OPERATION_STATUS_RETIRING: OperationStatus
OPERATION_STATUS_RUNNING: OperationStatus
OPERATION_STATUS_TERMINATED: OperationStatus
OPERATION_STATUS_UNSPECIFIED: OperationStatus
WORK_KIND_SHELL_COMMAND: WorkKind
WORK_KIND_TOOL_CALL: WorkKind
WORK_KIND_UNSPECIFIED: WorkKind

class CompletionEntry(_message.Message):
    __slots__ = ["completed_at_unix_nanos", "display_name", "kind", "operation_id", "seq", "terminal_outcome"]
    COMPLETED_AT_UNIX_NANOS_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OPERATION_ID_FIELD_NUMBER: _ClassVar[int]
    SEQ_FIELD_NUMBER: _ClassVar[int]
    TERMINAL_OUTCOME_FIELD_NUMBER: _ClassVar[int]
    completed_at_unix_nanos: int
    display_name: str
    kind: OperationKind
    operation_id: str
    seq: int
    terminal_outcome: OperationTerminalOutcome
    def __init__(self, seq: _Optional[int] = ..., operation_id: _Optional[str] = ..., kind: _Optional[_Union[OperationKind, str]] = ..., display_name: _Optional[str] = ..., terminal_outcome: _Optional[_Union[OperationTerminalOutcome, _Mapping]] = ..., completed_at_unix_nanos: _Optional[int] = ...) -> None: ...

class EpochCursorSnapshot(_message.Message):
    __slots__ = ["agent_applied_cursor", "runtime_last_injected_seq", "runtime_observed_seq"]
    AGENT_APPLIED_CURSOR_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_LAST_INJECTED_SEQ_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_OBSERVED_SEQ_FIELD_NUMBER: _ClassVar[int]
    agent_applied_cursor: int
    runtime_last_injected_seq: int
    runtime_observed_seq: int
    def __init__(self, agent_applied_cursor: _Optional[int] = ..., runtime_observed_seq: _Optional[int] = ..., runtime_last_injected_seq: _Optional[int] = ...) -> None: ...

class OpEvent(_message.Message):
    __slots__ = ["cancelled", "completed", "failed", "progress", "started"]
    CANCELLED_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    STARTED_FIELD_NUMBER: _ClassVar[int]
    cancelled: OpEventCancelled
    completed: OpEventCompleted
    failed: OpEventFailed
    progress: OpEventProgress
    started: OpEventStarted
    def __init__(self, started: _Optional[_Union[OpEventStarted, _Mapping]] = ..., progress: _Optional[_Union[OpEventProgress, _Mapping]] = ..., completed: _Optional[_Union[OpEventCompleted, _Mapping]] = ..., failed: _Optional[_Union[OpEventFailed, _Mapping]] = ..., cancelled: _Optional[_Union[OpEventCancelled, _Mapping]] = ...) -> None: ...

class OpEventCancelled(_message.Message):
    __slots__ = ["operation_id"]
    OPERATION_ID_FIELD_NUMBER: _ClassVar[int]
    operation_id: str
    def __init__(self, operation_id: _Optional[str] = ...) -> None: ...

class OpEventCompleted(_message.Message):
    __slots__ = ["operation_id", "operation_result"]
    OPERATION_ID_FIELD_NUMBER: _ClassVar[int]
    OPERATION_RESULT_FIELD_NUMBER: _ClassVar[int]
    operation_id: str
    operation_result: OperationResult
    def __init__(self, operation_id: _Optional[str] = ..., operation_result: _Optional[_Union[OperationResult, _Mapping]] = ...) -> None: ...

class OpEventFailed(_message.Message):
    __slots__ = ["error_message", "operation_id"]
    ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    OPERATION_ID_FIELD_NUMBER: _ClassVar[int]
    error_message: str
    operation_id: str
    def __init__(self, operation_id: _Optional[str] = ..., error_message: _Optional[str] = ...) -> None: ...

class OpEventProgress(_message.Message):
    __slots__ = ["message", "operation_id", "percent"]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    OPERATION_ID_FIELD_NUMBER: _ClassVar[int]
    PERCENT_FIELD_NUMBER: _ClassVar[int]
    message: str
    operation_id: str
    percent: _common_pb2.DoubleValue
    def __init__(self, operation_id: _Optional[str] = ..., message: _Optional[str] = ..., percent: _Optional[_Union[_common_pb2.DoubleValue, _Mapping]] = ...) -> None: ...

class OpEventStarted(_message.Message):
    __slots__ = ["operation_id", "work_kind"]
    OPERATION_ID_FIELD_NUMBER: _ClassVar[int]
    WORK_KIND_FIELD_NUMBER: _ClassVar[int]
    operation_id: str
    work_kind: WorkKind
    def __init__(self, operation_id: _Optional[str] = ..., work_kind: _Optional[_Union[WorkKind, str]] = ...) -> None: ...

class OperationCanonicalState(_message.Message):
    __slots__ = ["kind", "operation_id", "peer_ready", "progress_count", "status", "terminal_buffered", "terminal_outcome", "watcher_count"]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OPERATION_ID_FIELD_NUMBER: _ClassVar[int]
    PEER_READY_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_COUNT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TERMINAL_BUFFERED_FIELD_NUMBER: _ClassVar[int]
    TERMINAL_OUTCOME_FIELD_NUMBER: _ClassVar[int]
    WATCHER_COUNT_FIELD_NUMBER: _ClassVar[int]
    kind: OperationKind
    operation_id: str
    peer_ready: bool
    progress_count: int
    status: OperationStatus
    terminal_buffered: bool
    terminal_outcome: OperationTerminalOutcome
    watcher_count: int
    def __init__(self, operation_id: _Optional[str] = ..., status: _Optional[_Union[OperationStatus, str]] = ..., kind: _Optional[_Union[OperationKind, str]] = ..., peer_ready: bool = ..., progress_count: _Optional[int] = ..., watcher_count: _Optional[int] = ..., terminal_outcome: _Optional[_Union[OperationTerminalOutcome, _Mapping]] = ..., terminal_buffered: bool = ...) -> None: ...

class OperationLifecycleSnapshot(_message.Message):
    __slots__ = ["child_session_id", "completed_at_unix_nanos", "created_at_unix_nanos", "display_name", "elapsed_ms", "kind", "operation_id", "peer_handle", "peer_ready", "progress_count", "started_at_unix_nanos", "status", "terminal_outcome", "watcher_count"]
    CHILD_SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_AT_UNIX_NANOS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_UNIX_NANOS_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ELAPSED_MS_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OPERATION_ID_FIELD_NUMBER: _ClassVar[int]
    PEER_HANDLE_FIELD_NUMBER: _ClassVar[int]
    PEER_READY_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_COUNT_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_UNIX_NANOS_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TERMINAL_OUTCOME_FIELD_NUMBER: _ClassVar[int]
    WATCHER_COUNT_FIELD_NUMBER: _ClassVar[int]
    child_session_id: str
    completed_at_unix_nanos: int
    created_at_unix_nanos: int
    display_name: str
    elapsed_ms: int
    kind: OperationKind
    operation_id: str
    peer_handle: OperationPeerHandle
    peer_ready: bool
    progress_count: int
    started_at_unix_nanos: int
    status: OperationStatus
    terminal_outcome: OperationTerminalOutcome
    watcher_count: int
    def __init__(self, operation_id: _Optional[str] = ..., kind: _Optional[_Union[OperationKind, str]] = ..., display_name: _Optional[str] = ..., status: _Optional[_Union[OperationStatus, str]] = ..., peer_ready: bool = ..., progress_count: _Optional[int] = ..., watcher_count: _Optional[int] = ..., terminal_outcome: _Optional[_Union[OperationTerminalOutcome, _Mapping]] = ..., child_session_id: _Optional[str] = ..., peer_handle: _Optional[_Union[OperationPeerHandle, _Mapping]] = ..., created_at_unix_nanos: _Optional[int] = ..., started_at_unix_nanos: _Optional[int] = ..., completed_at_unix_nanos: _Optional[int] = ..., elapsed_ms: _Optional[int] = ...) -> None: ...

class OperationOutcomeAborted(_message.Message):
    __slots__ = ["reason"]
    REASON_FIELD_NUMBER: _ClassVar[int]
    reason: str
    def __init__(self, reason: _Optional[str] = ...) -> None: ...

class OperationOutcomeCancelled(_message.Message):
    __slots__ = ["reason"]
    REASON_FIELD_NUMBER: _ClassVar[int]
    reason: str
    def __init__(self, reason: _Optional[str] = ...) -> None: ...

class OperationOutcomeFailed(_message.Message):
    __slots__ = ["error_message"]
    ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    error_message: str
    def __init__(self, error_message: _Optional[str] = ...) -> None: ...

class OperationOutcomeRetired(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class OperationOutcomeTerminated(_message.Message):
    __slots__ = ["reason"]
    REASON_FIELD_NUMBER: _ClassVar[int]
    reason: str
    def __init__(self, reason: _Optional[str] = ...) -> None: ...

class OperationPeerHandle(_message.Message):
    __slots__ = ["peer_name", "trusted_peer"]
    PEER_NAME_FIELD_NUMBER: _ClassVar[int]
    TRUSTED_PEER_FIELD_NUMBER: _ClassVar[int]
    peer_name: str
    trusted_peer: TrustedPeerSpec
    def __init__(self, peer_name: _Optional[str] = ..., trusted_peer: _Optional[_Union[TrustedPeerSpec, _Mapping]] = ...) -> None: ...

class OperationProgressUpdate(_message.Message):
    __slots__ = ["message", "percent"]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    PERCENT_FIELD_NUMBER: _ClassVar[int]
    message: str
    percent: _common_pb2.DoubleValue
    def __init__(self, message: _Optional[str] = ..., percent: _Optional[_Union[_common_pb2.DoubleValue, _Mapping]] = ...) -> None: ...

class OperationResult(_message.Message):
    __slots__ = ["content", "duration_ms", "is_error", "operation_id", "tokens_used"]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    DURATION_MS_FIELD_NUMBER: _ClassVar[int]
    IS_ERROR_FIELD_NUMBER: _ClassVar[int]
    OPERATION_ID_FIELD_NUMBER: _ClassVar[int]
    TOKENS_USED_FIELD_NUMBER: _ClassVar[int]
    content: str
    duration_ms: int
    is_error: bool
    operation_id: str
    tokens_used: int
    def __init__(self, operation_id: _Optional[str] = ..., content: _Optional[str] = ..., is_error: bool = ..., duration_ms: _Optional[int] = ..., tokens_used: _Optional[int] = ...) -> None: ...

class OperationSpec(_message.Message):
    __slots__ = ["child_session_id", "display_name", "expect_peer_channel", "kind", "operation_id", "owner_session_id", "source_label"]
    CHILD_SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    EXPECT_PEER_CHANNEL_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OPERATION_ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_LABEL_FIELD_NUMBER: _ClassVar[int]
    child_session_id: str
    display_name: str
    expect_peer_channel: bool
    kind: OperationKind
    operation_id: str
    owner_session_id: str
    source_label: str
    def __init__(self, operation_id: _Optional[str] = ..., kind: _Optional[_Union[OperationKind, str]] = ..., owner_session_id: _Optional[str] = ..., display_name: _Optional[str] = ..., source_label: _Optional[str] = ..., child_session_id: _Optional[str] = ..., expect_peer_channel: bool = ...) -> None: ...

class OperationTerminalOutcome(_message.Message):
    __slots__ = ["aborted", "cancelled", "completed", "failed", "retired", "terminated"]
    ABORTED_FIELD_NUMBER: _ClassVar[int]
    CANCELLED_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    RETIRED_FIELD_NUMBER: _ClassVar[int]
    TERMINATED_FIELD_NUMBER: _ClassVar[int]
    aborted: OperationOutcomeAborted
    cancelled: OperationOutcomeCancelled
    completed: OperationResult
    failed: OperationOutcomeFailed
    retired: OperationOutcomeRetired
    terminated: OperationOutcomeTerminated
    def __init__(self, completed: _Optional[_Union[OperationResult, _Mapping]] = ..., failed: _Optional[_Union[OperationOutcomeFailed, _Mapping]] = ..., aborted: _Optional[_Union[OperationOutcomeAborted, _Mapping]] = ..., cancelled: _Optional[_Union[OperationOutcomeCancelled, _Mapping]] = ..., retired: _Optional[_Union[OperationOutcomeRetired, _Mapping]] = ..., terminated: _Optional[_Union[OperationOutcomeTerminated, _Mapping]] = ...) -> None: ...

class PersistedOpsSnapshot(_message.Message):
    __slots__ = ["authority_state", "completion_entries", "cursors", "epoch_id", "operation_specs"]
    AUTHORITY_STATE_FIELD_NUMBER: _ClassVar[int]
    COMPLETION_ENTRIES_FIELD_NUMBER: _ClassVar[int]
    CURSORS_FIELD_NUMBER: _ClassVar[int]
    EPOCH_ID_FIELD_NUMBER: _ClassVar[int]
    OPERATION_SPECS_FIELD_NUMBER: _ClassVar[int]
    authority_state: RegistryCanonicalState
    completion_entries: _containers.RepeatedCompositeFieldContainer[CompletionEntry]
    cursors: EpochCursorSnapshot
    epoch_id: str
    operation_specs: _containers.RepeatedCompositeFieldContainer[OperationSpec]
    def __init__(self, epoch_id: _Optional[str] = ..., authority_state: _Optional[_Union[RegistryCanonicalState, _Mapping]] = ..., operation_specs: _Optional[_Iterable[_Union[OperationSpec, _Mapping]]] = ..., completion_entries: _Optional[_Iterable[_Union[CompletionEntry, _Mapping]]] = ..., cursors: _Optional[_Union[EpochCursorSnapshot, _Mapping]] = ...) -> None: ...

class RegistryCanonicalState(_message.Message):
    __slots__ = ["active_count", "completed_order", "max_completed", "max_concurrent", "next_completion_seq", "operations", "wait_operation_ids", "wait_request_id"]
    ACTIVE_COUNT_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_ORDER_FIELD_NUMBER: _ClassVar[int]
    MAX_COMPLETED_FIELD_NUMBER: _ClassVar[int]
    MAX_CONCURRENT_FIELD_NUMBER: _ClassVar[int]
    NEXT_COMPLETION_SEQ_FIELD_NUMBER: _ClassVar[int]
    OPERATIONS_FIELD_NUMBER: _ClassVar[int]
    WAIT_OPERATION_IDS_FIELD_NUMBER: _ClassVar[int]
    WAIT_REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    active_count: int
    completed_order: _containers.RepeatedScalarFieldContainer[str]
    max_completed: int
    max_concurrent: _common_pb2.UInt64Value
    next_completion_seq: int
    operations: _containers.RepeatedCompositeFieldContainer[OperationCanonicalState]
    wait_operation_ids: _containers.RepeatedScalarFieldContainer[str]
    wait_request_id: str
    def __init__(self, operations: _Optional[_Iterable[_Union[OperationCanonicalState, _Mapping]]] = ..., completed_order: _Optional[_Iterable[str]] = ..., max_completed: _Optional[int] = ..., max_concurrent: _Optional[_Union[_common_pb2.UInt64Value, _Mapping]] = ..., active_count: _Optional[int] = ..., wait_request_id: _Optional[str] = ..., wait_operation_ids: _Optional[_Iterable[str]] = ..., next_completion_seq: _Optional[int] = ...) -> None: ...

class TrustedPeerSpec(_message.Message):
    __slots__ = ["address", "name", "peer_id"]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PEER_ID_FIELD_NUMBER: _ClassVar[int]
    address: str
    name: str
    peer_id: str
    def __init__(self, name: _Optional[str] = ..., peer_id: _Optional[str] = ..., address: _Optional[str] = ...) -> None: ...

class OperationKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class OperationStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class WorkKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
