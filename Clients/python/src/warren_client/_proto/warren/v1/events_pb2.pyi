from warren_client._proto.warren.v1 import common_pb2 as _common_pb2
from warren_client._proto.warren.v1 import input_pb2 as _input_pb2
from warren_client._proto.warren.v1 import ops_pb2 as _ops_pb2
from warren_client._proto.warren.v1 import comms_pb2 as _comms_pb2
from warren_client._proto.warren.v1 import runtime_pb2 as _runtime_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
RUNTIME_EVENT_CATEGORY_BOUNDARY: RuntimeEventCategory
RUNTIME_EVENT_CATEGORY_COMMS_DRAIN: RuntimeEventCategory
RUNTIME_EVENT_CATEGORY_INPUT_LIFECYCLE: RuntimeEventCategory
RUNTIME_EVENT_CATEGORY_OPS: RuntimeEventCategory
RUNTIME_EVENT_CATEGORY_PROJECTION: RuntimeEventCategory
RUNTIME_EVENT_CATEGORY_PUBLISHED: RuntimeEventCategory
RUNTIME_EVENT_CATEGORY_RUNTIME_STATE_CHANGE: RuntimeEventCategory
RUNTIME_EVENT_CATEGORY_RUN_LIFECYCLE: RuntimeEventCategory
RUNTIME_EVENT_CATEGORY_TOPOLOGY: RuntimeEventCategory
RUNTIME_EVENT_CATEGORY_UNSPECIFIED: RuntimeEventCategory
RUNTIME_EVENT_KIND_BOUNDARY_COMMITTED: RuntimeEventKind
RUNTIME_EVENT_KIND_COMMS_DRAIN_CHANGED: RuntimeEventKind
RUNTIME_EVENT_KIND_EXECUTOR_ATTACHED: RuntimeEventKind
RUNTIME_EVENT_KIND_EXECUTOR_DETACHED: RuntimeEventKind
RUNTIME_EVENT_KIND_INPUT_ABANDONED: RuntimeEventKind
RUNTIME_EVENT_KIND_INPUT_ACCEPTED: RuntimeEventKind
RUNTIME_EVENT_KIND_INPUT_APPLIED: RuntimeEventKind
RUNTIME_EVENT_KIND_INPUT_COALESCED: RuntimeEventKind
RUNTIME_EVENT_KIND_INPUT_CONSUMED: RuntimeEventKind
RUNTIME_EVENT_KIND_INPUT_DEDUPLICATED: RuntimeEventKind
RUNTIME_EVENT_KIND_INPUT_QUEUED: RuntimeEventKind
RUNTIME_EVENT_KIND_INPUT_STAGED: RuntimeEventKind
RUNTIME_EVENT_KIND_INPUT_STATE_TRANSITIONED: RuntimeEventKind
RUNTIME_EVENT_KIND_INPUT_SUPERSEDED: RuntimeEventKind
RUNTIME_EVENT_KIND_OPS_PEER_READY: RuntimeEventKind
RUNTIME_EVENT_KIND_OPS_PROGRESS_REPORTED: RuntimeEventKind
RUNTIME_EVENT_KIND_OPS_STATUS_CHANGED: RuntimeEventKind
RUNTIME_EVENT_KIND_PROJECTION_EMITTED: RuntimeEventKind
RUNTIME_EVENT_KIND_PUBLISHED: RuntimeEventKind
RUNTIME_EVENT_KIND_RUNTIME_CREATED: RuntimeEventKind
RUNTIME_EVENT_KIND_RUNTIME_DESTROYED: RuntimeEventKind
RUNTIME_EVENT_KIND_RUNTIME_RECOVERED: RuntimeEventKind
RUNTIME_EVENT_KIND_RUNTIME_RECYCLED: RuntimeEventKind
RUNTIME_EVENT_KIND_RUNTIME_RESET: RuntimeEventKind
RUNTIME_EVENT_KIND_RUNTIME_RETIRED: RuntimeEventKind
RUNTIME_EVENT_KIND_RUNTIME_STATE_CHANGED: RuntimeEventKind
RUNTIME_EVENT_KIND_RUNTIME_UNREGISTERED: RuntimeEventKind
RUNTIME_EVENT_KIND_RUN_CANCELLED: RuntimeEventKind
RUNTIME_EVENT_KIND_RUN_COMPLETED: RuntimeEventKind
RUNTIME_EVENT_KIND_RUN_FAILED: RuntimeEventKind
RUNTIME_EVENT_KIND_RUN_STARTED: RuntimeEventKind
RUNTIME_EVENT_KIND_UNSPECIFIED: RuntimeEventKind

class BoundaryCommittedEvent(_message.Message):
    __slots__ = ["receipt"]
    RECEIPT_FIELD_NUMBER: _ClassVar[int]
    receipt: _runtime_pb2.RunBoundaryReceipt
    def __init__(self, receipt: _Optional[_Union[_runtime_pb2.RunBoundaryReceipt, _Mapping]] = ...) -> None: ...

class CaughtUp(_message.Message):
    __slots__ = ["position"]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    position: int
    def __init__(self, position: _Optional[int] = ...) -> None: ...

class CommsDrainChangedEvent(_message.Message):
    __slots__ = ["exit_reason", "from_phase", "mode", "to_phase"]
    EXIT_REASON_FIELD_NUMBER: _ClassVar[int]
    FROM_PHASE_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    TO_PHASE_FIELD_NUMBER: _ClassVar[int]
    exit_reason: _comms_pb2.DrainExitReason
    from_phase: _comms_pb2.CommsDrainPhase
    mode: _comms_pb2.CommsDrainMode
    to_phase: _comms_pb2.CommsDrainPhase
    def __init__(self, from_phase: _Optional[_Union[_comms_pb2.CommsDrainPhase, str]] = ..., to_phase: _Optional[_Union[_comms_pb2.CommsDrainPhase, str]] = ..., mode: _Optional[_Union[_comms_pb2.CommsDrainMode, str]] = ..., exit_reason: _Optional[_Union[_comms_pb2.DrainExitReason, str]] = ...) -> None: ...

class EnvelopeBatch(_message.Message):
    __slots__ = ["envelopes"]
    ENVELOPES_FIELD_NUMBER: _ClassVar[int]
    envelopes: _containers.RepeatedCompositeFieldContainer[RuntimeEventEnvelope]
    def __init__(self, envelopes: _Optional[_Iterable[_Union[RuntimeEventEnvelope, _Mapping]]] = ...) -> None: ...

class EventFilter(_message.Message):
    __slots__ = ["categories", "kinds", "runtime_ids"]
    CATEGORIES_FIELD_NUMBER: _ClassVar[int]
    KINDS_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_IDS_FIELD_NUMBER: _ClassVar[int]
    categories: _containers.RepeatedScalarFieldContainer[RuntimeEventCategory]
    kinds: _containers.RepeatedScalarFieldContainer[RuntimeEventKind]
    runtime_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, runtime_ids: _Optional[_Iterable[str]] = ..., kinds: _Optional[_Iterable[_Union[RuntimeEventKind, str]]] = ..., categories: _Optional[_Iterable[_Union[RuntimeEventCategory, str]]] = ...) -> None: ...

class ExecutorAttachedEvent(_message.Message):
    __slots__ = ["builtin", "executor_name", "runtime_id"]
    BUILTIN_FIELD_NUMBER: _ClassVar[int]
    EXECUTOR_NAME_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_ID_FIELD_NUMBER: _ClassVar[int]
    builtin: bool
    executor_name: str
    runtime_id: str
    def __init__(self, runtime_id: _Optional[str] = ..., executor_name: _Optional[str] = ..., builtin: bool = ...) -> None: ...

class ExecutorDetachedEvent(_message.Message):
    __slots__ = ["executor_name", "reason", "runtime_id"]
    EXECUTOR_NAME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_ID_FIELD_NUMBER: _ClassVar[int]
    executor_name: str
    reason: str
    runtime_id: str
    def __init__(self, runtime_id: _Optional[str] = ..., executor_name: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class InputAbandonedEvent(_message.Message):
    __slots__ = ["input_id", "reason"]
    INPUT_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    input_id: str
    reason: _input_pb2.InputAbandonReason
    def __init__(self, input_id: _Optional[str] = ..., reason: _Optional[_Union[_input_pb2.InputAbandonReason, _Mapping]] = ...) -> None: ...

class InputAcceptedEvent(_message.Message):
    __slots__ = ["input_id", "kind_id"]
    INPUT_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_ID_FIELD_NUMBER: _ClassVar[int]
    input_id: str
    kind_id: str
    def __init__(self, input_id: _Optional[str] = ..., kind_id: _Optional[str] = ...) -> None: ...

class InputAppliedEvent(_message.Message):
    __slots__ = ["boundary_sequence", "input_id", "run_id"]
    BOUNDARY_SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    INPUT_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    boundary_sequence: int
    input_id: str
    run_id: str
    def __init__(self, input_id: _Optional[str] = ..., run_id: _Optional[str] = ..., boundary_sequence: _Optional[int] = ...) -> None: ...

class InputCoalescedEvent(_message.Message):
    __slots__ = ["aggregate_id", "input_id"]
    AGGREGATE_ID_FIELD_NUMBER: _ClassVar[int]
    INPUT_ID_FIELD_NUMBER: _ClassVar[int]
    aggregate_id: str
    input_id: str
    def __init__(self, input_id: _Optional[str] = ..., aggregate_id: _Optional[str] = ...) -> None: ...

class InputConsumedEvent(_message.Message):
    __slots__ = ["input_id", "run_id"]
    INPUT_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    input_id: str
    run_id: str
    def __init__(self, input_id: _Optional[str] = ..., run_id: _Optional[str] = ...) -> None: ...

class InputDeduplicatedEvent(_message.Message):
    __slots__ = ["existing_id", "input_id"]
    EXISTING_ID_FIELD_NUMBER: _ClassVar[int]
    INPUT_ID_FIELD_NUMBER: _ClassVar[int]
    existing_id: str
    input_id: str
    def __init__(self, input_id: _Optional[str] = ..., existing_id: _Optional[str] = ...) -> None: ...

class InputQueuedEvent(_message.Message):
    __slots__ = ["attempt_count", "input_id", "requeued_from_run_id"]
    ATTEMPT_COUNT_FIELD_NUMBER: _ClassVar[int]
    INPUT_ID_FIELD_NUMBER: _ClassVar[int]
    REQUEUED_FROM_RUN_ID_FIELD_NUMBER: _ClassVar[int]
    attempt_count: int
    input_id: str
    requeued_from_run_id: str
    def __init__(self, input_id: _Optional[str] = ..., requeued_from_run_id: _Optional[str] = ..., attempt_count: _Optional[int] = ...) -> None: ...

class InputStagedEvent(_message.Message):
    __slots__ = ["input_id", "run_id"]
    INPUT_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    input_id: str
    run_id: str
    def __init__(self, input_id: _Optional[str] = ..., run_id: _Optional[str] = ...) -> None: ...

class InputStateTransitionedEvent(_message.Message):
    __slots__ = ["from_state", "input_id", "to_state"]
    FROM_STATE_FIELD_NUMBER: _ClassVar[int]
    INPUT_ID_FIELD_NUMBER: _ClassVar[int]
    TO_STATE_FIELD_NUMBER: _ClassVar[int]
    from_state: _common_pb2.InputLifecycleState
    input_id: str
    to_state: _common_pb2.InputLifecycleState
    def __init__(self, input_id: _Optional[str] = ..., from_state: _Optional[_Union[_common_pb2.InputLifecycleState, str]] = ..., to_state: _Optional[_Union[_common_pb2.InputLifecycleState, str]] = ...) -> None: ...

class InputSupersededEvent(_message.Message):
    __slots__ = ["input_id", "superseded_by"]
    INPUT_ID_FIELD_NUMBER: _ClassVar[int]
    SUPERSEDED_BY_FIELD_NUMBER: _ClassVar[int]
    input_id: str
    superseded_by: str
    def __init__(self, input_id: _Optional[str] = ..., superseded_by: _Optional[str] = ...) -> None: ...

class Lagged(_message.Message):
    __slots__ = ["from_position", "to_position"]
    FROM_POSITION_FIELD_NUMBER: _ClassVar[int]
    TO_POSITION_FIELD_NUMBER: _ClassVar[int]
    from_position: int
    to_position: int
    def __init__(self, from_position: _Optional[int] = ..., to_position: _Optional[int] = ...) -> None: ...

class OpsPeerReadyEvent(_message.Message):
    __slots__ = ["operation_id", "peer_handle"]
    OPERATION_ID_FIELD_NUMBER: _ClassVar[int]
    PEER_HANDLE_FIELD_NUMBER: _ClassVar[int]
    operation_id: str
    peer_handle: _ops_pb2.OperationPeerHandle
    def __init__(self, operation_id: _Optional[str] = ..., peer_handle: _Optional[_Union[_ops_pb2.OperationPeerHandle, _Mapping]] = ...) -> None: ...

class OpsProgressReportedEvent(_message.Message):
    __slots__ = ["operation_id", "progress_count", "update"]
    OPERATION_ID_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_COUNT_FIELD_NUMBER: _ClassVar[int]
    UPDATE_FIELD_NUMBER: _ClassVar[int]
    operation_id: str
    progress_count: int
    update: _ops_pb2.OperationProgressUpdate
    def __init__(self, operation_id: _Optional[str] = ..., update: _Optional[_Union[_ops_pb2.OperationProgressUpdate, _Mapping]] = ..., progress_count: _Optional[int] = ...) -> None: ...

class OpsStatusChangedEvent(_message.Message):
    __slots__ = ["completion_seq", "display_name", "from_status", "kind", "operation_id", "terminal_outcome", "to_status"]
    COMPLETION_SEQ_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    FROM_STATUS_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OPERATION_ID_FIELD_NUMBER: _ClassVar[int]
    TERMINAL_OUTCOME_FIELD_NUMBER: _ClassVar[int]
    TO_STATUS_FIELD_NUMBER: _ClassVar[int]
    completion_seq: int
    display_name: str
    from_status: _ops_pb2.OperationStatus
    kind: _ops_pb2.OperationKind
    operation_id: str
    terminal_outcome: _ops_pb2.OperationTerminalOutcome
    to_status: _ops_pb2.OperationStatus
    def __init__(self, operation_id: _Optional[str] = ..., kind: _Optional[_Union[_ops_pb2.OperationKind, str]] = ..., display_name: _Optional[str] = ..., from_status: _Optional[_Union[_ops_pb2.OperationStatus, str]] = ..., to_status: _Optional[_Union[_ops_pb2.OperationStatus, str]] = ..., terminal_outcome: _Optional[_Union[_ops_pb2.OperationTerminalOutcome, _Mapping]] = ..., completion_seq: _Optional[int] = ...) -> None: ...

class ProjectionEmittedEvent(_message.Message):
    __slots__ = ["projected_input_id", "rule_id", "source_event_id"]
    PROJECTED_INPUT_ID_FIELD_NUMBER: _ClassVar[int]
    RULE_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    projected_input_id: str
    rule_id: str
    source_event_id: str
    def __init__(self, rule_id: _Optional[str] = ..., projected_input_id: _Optional[str] = ..., source_event_id: _Optional[str] = ...) -> None: ...

class PublishedEvent(_message.Message):
    __slots__ = ["attributes", "code", "content_type", "payload"]
    class AttributesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    attributes: _containers.ScalarMap[str, str]
    code: str
    content_type: str
    payload: bytes
    def __init__(self, code: _Optional[str] = ..., payload: _Optional[bytes] = ..., content_type: _Optional[str] = ..., attributes: _Optional[_Mapping[str, str]] = ...) -> None: ...

class RunCancelledEvent(_message.Message):
    __slots__ = ["reason", "run_id"]
    REASON_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    reason: str
    run_id: str
    def __init__(self, run_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class RunCompletedEvent(_message.Message):
    __slots__ = ["consumed_input_ids", "run_id"]
    CONSUMED_INPUT_IDS_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    consumed_input_ids: _containers.RepeatedScalarFieldContainer[str]
    run_id: str
    def __init__(self, run_id: _Optional[str] = ..., consumed_input_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class RunFailedEvent(_message.Message):
    __slots__ = ["error_message", "recoverable", "run_id"]
    ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    RECOVERABLE_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    error_message: str
    recoverable: bool
    run_id: str
    def __init__(self, run_id: _Optional[str] = ..., error_message: _Optional[str] = ..., recoverable: bool = ...) -> None: ...

class RunStartedEvent(_message.Message):
    __slots__ = ["boundary", "contributing_input_ids", "executor_name", "run_id"]
    BOUNDARY_FIELD_NUMBER: _ClassVar[int]
    CONTRIBUTING_INPUT_IDS_FIELD_NUMBER: _ClassVar[int]
    EXECUTOR_NAME_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    boundary: _common_pb2.RunApplyBoundary
    contributing_input_ids: _containers.RepeatedScalarFieldContainer[str]
    executor_name: str
    run_id: str
    def __init__(self, run_id: _Optional[str] = ..., contributing_input_ids: _Optional[_Iterable[str]] = ..., boundary: _Optional[_Union[_common_pb2.RunApplyBoundary, str]] = ..., executor_name: _Optional[str] = ...) -> None: ...

class RuntimeCreatedEvent(_message.Message):
    __slots__ = ["runtime_id"]
    RUNTIME_ID_FIELD_NUMBER: _ClassVar[int]
    runtime_id: str
    def __init__(self, runtime_id: _Optional[str] = ...) -> None: ...

class RuntimeDestroyedEvent(_message.Message):
    __slots__ = ["report", "runtime_id"]
    REPORT_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_ID_FIELD_NUMBER: _ClassVar[int]
    report: _runtime_pb2.DestroyReport
    runtime_id: str
    def __init__(self, runtime_id: _Optional[str] = ..., report: _Optional[_Union[_runtime_pb2.DestroyReport, _Mapping]] = ...) -> None: ...

class RuntimeEvent(_message.Message):
    __slots__ = ["boundary_committed", "comms_drain_changed", "executor_attached", "executor_detached", "input_abandoned", "input_accepted", "input_applied", "input_coalesced", "input_consumed", "input_deduplicated", "input_queued", "input_staged", "input_state_transitioned", "input_superseded", "ops_peer_ready", "ops_progress_reported", "ops_status_changed", "projection_emitted", "published", "run_cancelled", "run_completed", "run_failed", "run_started", "runtime_created", "runtime_destroyed", "runtime_recovered", "runtime_recycled", "runtime_reset", "runtime_retired", "runtime_state_changed", "runtime_unregistered"]
    BOUNDARY_COMMITTED_FIELD_NUMBER: _ClassVar[int]
    COMMS_DRAIN_CHANGED_FIELD_NUMBER: _ClassVar[int]
    EXECUTOR_ATTACHED_FIELD_NUMBER: _ClassVar[int]
    EXECUTOR_DETACHED_FIELD_NUMBER: _ClassVar[int]
    INPUT_ABANDONED_FIELD_NUMBER: _ClassVar[int]
    INPUT_ACCEPTED_FIELD_NUMBER: _ClassVar[int]
    INPUT_APPLIED_FIELD_NUMBER: _ClassVar[int]
    INPUT_COALESCED_FIELD_NUMBER: _ClassVar[int]
    INPUT_CONSUMED_FIELD_NUMBER: _ClassVar[int]
    INPUT_DEDUPLICATED_FIELD_NUMBER: _ClassVar[int]
    INPUT_QUEUED_FIELD_NUMBER: _ClassVar[int]
    INPUT_STAGED_FIELD_NUMBER: _ClassVar[int]
    INPUT_STATE_TRANSITIONED_FIELD_NUMBER: _ClassVar[int]
    INPUT_SUPERSEDED_FIELD_NUMBER: _ClassVar[int]
    OPS_PEER_READY_FIELD_NUMBER: _ClassVar[int]
    OPS_PROGRESS_REPORTED_FIELD_NUMBER: _ClassVar[int]
    OPS_STATUS_CHANGED_FIELD_NUMBER: _ClassVar[int]
    PROJECTION_EMITTED_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_CREATED_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_DESTROYED_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_RECOVERED_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_RECYCLED_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_RESET_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_RETIRED_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_STATE_CHANGED_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_UNREGISTERED_FIELD_NUMBER: _ClassVar[int]
    RUN_CANCELLED_FIELD_NUMBER: _ClassVar[int]
    RUN_COMPLETED_FIELD_NUMBER: _ClassVar[int]
    RUN_FAILED_FIELD_NUMBER: _ClassVar[int]
    RUN_STARTED_FIELD_NUMBER: _ClassVar[int]
    boundary_committed: BoundaryCommittedEvent
    comms_drain_changed: CommsDrainChangedEvent
    executor_attached: ExecutorAttachedEvent
    executor_detached: ExecutorDetachedEvent
    input_abandoned: InputAbandonedEvent
    input_accepted: InputAcceptedEvent
    input_applied: InputAppliedEvent
    input_coalesced: InputCoalescedEvent
    input_consumed: InputConsumedEvent
    input_deduplicated: InputDeduplicatedEvent
    input_queued: InputQueuedEvent
    input_staged: InputStagedEvent
    input_state_transitioned: InputStateTransitionedEvent
    input_superseded: InputSupersededEvent
    ops_peer_ready: OpsPeerReadyEvent
    ops_progress_reported: OpsProgressReportedEvent
    ops_status_changed: OpsStatusChangedEvent
    projection_emitted: ProjectionEmittedEvent
    published: PublishedEvent
    run_cancelled: RunCancelledEvent
    run_completed: RunCompletedEvent
    run_failed: RunFailedEvent
    run_started: RunStartedEvent
    runtime_created: RuntimeCreatedEvent
    runtime_destroyed: RuntimeDestroyedEvent
    runtime_recovered: RuntimeRecoveredEvent
    runtime_recycled: RuntimeRecycledEvent
    runtime_reset: RuntimeResetEvent
    runtime_retired: RuntimeRetiredEvent
    runtime_state_changed: RuntimeStateChangedEvent
    runtime_unregistered: RuntimeUnregisteredEvent
    def __init__(self, input_accepted: _Optional[_Union[InputAcceptedEvent, _Mapping]] = ..., input_queued: _Optional[_Union[InputQueuedEvent, _Mapping]] = ..., input_deduplicated: _Optional[_Union[InputDeduplicatedEvent, _Mapping]] = ..., input_superseded: _Optional[_Union[InputSupersededEvent, _Mapping]] = ..., input_coalesced: _Optional[_Union[InputCoalescedEvent, _Mapping]] = ..., input_staged: _Optional[_Union[InputStagedEvent, _Mapping]] = ..., input_applied: _Optional[_Union[InputAppliedEvent, _Mapping]] = ..., input_consumed: _Optional[_Union[InputConsumedEvent, _Mapping]] = ..., input_abandoned: _Optional[_Union[InputAbandonedEvent, _Mapping]] = ..., input_state_transitioned: _Optional[_Union[InputStateTransitionedEvent, _Mapping]] = ..., run_started: _Optional[_Union[RunStartedEvent, _Mapping]] = ..., run_completed: _Optional[_Union[RunCompletedEvent, _Mapping]] = ..., run_failed: _Optional[_Union[RunFailedEvent, _Mapping]] = ..., run_cancelled: _Optional[_Union[RunCancelledEvent, _Mapping]] = ..., runtime_state_changed: _Optional[_Union[RuntimeStateChangedEvent, _Mapping]] = ..., runtime_created: _Optional[_Union[RuntimeCreatedEvent, _Mapping]] = ..., runtime_retired: _Optional[_Union[RuntimeRetiredEvent, _Mapping]] = ..., runtime_recycled: _Optional[_Union[RuntimeRecycledEvent, _Mapping]] = ..., runtime_destroyed: _Optional[_Union[RuntimeDestroyedEvent, _Mapping]] = ..., runtime_reset: _Optional[_Union[RuntimeResetEvent, _Mapping]] = ..., runtime_recovered: _Optional[_Union[RuntimeRecoveredEvent, _Mapping]] = ..., runtime_unregistered: _Optional[_Union[RuntimeUnregisteredEvent, _Mapping]] = ..., executor_attached: _Optional[_Union[ExecutorAttachedEvent, _Mapping]] = ..., executor_detached: _Optional[_Union[ExecutorDetachedEvent, _Mapping]] = ..., projection_emitted: _Optional[_Union[ProjectionEmittedEvent, _Mapping]] = ..., boundary_committed: _Optional[_Union[BoundaryCommittedEvent, _Mapping]] = ..., ops_status_changed: _Optional[_Union[OpsStatusChangedEvent, _Mapping]] = ..., ops_progress_reported: _Optional[_Union[OpsProgressReportedEvent, _Mapping]] = ..., ops_peer_ready: _Optional[_Union[OpsPeerReadyEvent, _Mapping]] = ..., comms_drain_changed: _Optional[_Union[CommsDrainChangedEvent, _Mapping]] = ..., published: _Optional[_Union[PublishedEvent, _Mapping]] = ...) -> None: ...

class RuntimeEventEnvelope(_message.Message):
    __slots__ = ["causation_id", "correlation_id", "event", "event_id", "position", "runtime_id", "sequence", "session_id", "timestamp_unix_nanos"]
    CAUSATION_ID_FIELD_NUMBER: _ClassVar[int]
    CORRELATION_ID_FIELD_NUMBER: _ClassVar[int]
    EVENT_FIELD_NUMBER: _ClassVar[int]
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_ID_FIELD_NUMBER: _ClassVar[int]
    SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_UNIX_NANOS_FIELD_NUMBER: _ClassVar[int]
    causation_id: str
    correlation_id: str
    event: RuntimeEvent
    event_id: str
    position: int
    runtime_id: str
    sequence: int
    session_id: str
    timestamp_unix_nanos: int
    def __init__(self, position: _Optional[int] = ..., sequence: _Optional[int] = ..., event_id: _Optional[str] = ..., timestamp_unix_nanos: _Optional[int] = ..., runtime_id: _Optional[str] = ..., session_id: _Optional[str] = ..., causation_id: _Optional[str] = ..., correlation_id: _Optional[str] = ..., event: _Optional[_Union[RuntimeEvent, _Mapping]] = ...) -> None: ...

class RuntimeRecoveredEvent(_message.Message):
    __slots__ = ["report", "runtime_id"]
    REPORT_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_ID_FIELD_NUMBER: _ClassVar[int]
    report: _runtime_pb2.RecoveryReport
    runtime_id: str
    def __init__(self, runtime_id: _Optional[str] = ..., report: _Optional[_Union[_runtime_pb2.RecoveryReport, _Mapping]] = ...) -> None: ...

class RuntimeRecycledEvent(_message.Message):
    __slots__ = ["report", "runtime_id"]
    REPORT_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_ID_FIELD_NUMBER: _ClassVar[int]
    report: _runtime_pb2.RecycleReport
    runtime_id: str
    def __init__(self, runtime_id: _Optional[str] = ..., report: _Optional[_Union[_runtime_pb2.RecycleReport, _Mapping]] = ...) -> None: ...

class RuntimeResetEvent(_message.Message):
    __slots__ = ["report", "runtime_id"]
    REPORT_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_ID_FIELD_NUMBER: _ClassVar[int]
    report: _runtime_pb2.ResetReport
    runtime_id: str
    def __init__(self, runtime_id: _Optional[str] = ..., report: _Optional[_Union[_runtime_pb2.ResetReport, _Mapping]] = ...) -> None: ...

class RuntimeRetiredEvent(_message.Message):
    __slots__ = ["report", "runtime_id"]
    REPORT_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_ID_FIELD_NUMBER: _ClassVar[int]
    report: _runtime_pb2.RetireReport
    runtime_id: str
    def __init__(self, runtime_id: _Optional[str] = ..., report: _Optional[_Union[_runtime_pb2.RetireReport, _Mapping]] = ...) -> None: ...

class RuntimeStateChangedEvent(_message.Message):
    __slots__ = ["from_state", "to_state"]
    FROM_STATE_FIELD_NUMBER: _ClassVar[int]
    TO_STATE_FIELD_NUMBER: _ClassVar[int]
    from_state: _common_pb2.RuntimeState
    to_state: _common_pb2.RuntimeState
    def __init__(self, from_state: _Optional[_Union[_common_pb2.RuntimeState, str]] = ..., to_state: _Optional[_Union[_common_pb2.RuntimeState, str]] = ...) -> None: ...

class RuntimeUnregisteredEvent(_message.Message):
    __slots__ = ["runtime_id"]
    RUNTIME_ID_FIELD_NUMBER: _ClassVar[int]
    runtime_id: str
    def __init__(self, runtime_id: _Optional[str] = ...) -> None: ...

class SubscribeFromBeginning(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class SubscribeFromNow(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class SubscribeRequest(_message.Message):
    __slots__ = ["after_position", "beginning", "durable_subscriber", "filter", "max_batch", "now"]
    AFTER_POSITION_FIELD_NUMBER: _ClassVar[int]
    BEGINNING_FIELD_NUMBER: _ClassVar[int]
    DURABLE_SUBSCRIBER_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    MAX_BATCH_FIELD_NUMBER: _ClassVar[int]
    NOW_FIELD_NUMBER: _ClassVar[int]
    after_position: int
    beginning: SubscribeFromBeginning
    durable_subscriber: str
    filter: EventFilter
    max_batch: int
    now: SubscribeFromNow
    def __init__(self, filter: _Optional[_Union[EventFilter, _Mapping]] = ..., durable_subscriber: _Optional[str] = ..., beginning: _Optional[_Union[SubscribeFromBeginning, _Mapping]] = ..., after_position: _Optional[int] = ..., now: _Optional[_Union[SubscribeFromNow, _Mapping]] = ..., max_batch: _Optional[int] = ...) -> None: ...

class SubscribeResponse(_message.Message):
    __slots__ = ["batch", "caught_up", "envelope", "lagged"]
    BATCH_FIELD_NUMBER: _ClassVar[int]
    CAUGHT_UP_FIELD_NUMBER: _ClassVar[int]
    ENVELOPE_FIELD_NUMBER: _ClassVar[int]
    LAGGED_FIELD_NUMBER: _ClassVar[int]
    batch: EnvelopeBatch
    caught_up: CaughtUp
    envelope: RuntimeEventEnvelope
    lagged: Lagged
    def __init__(self, envelope: _Optional[_Union[RuntimeEventEnvelope, _Mapping]] = ..., caught_up: _Optional[_Union[CaughtUp, _Mapping]] = ..., lagged: _Optional[_Union[Lagged, _Mapping]] = ..., batch: _Optional[_Union[EnvelopeBatch, _Mapping]] = ...) -> None: ...

class RuntimeEventCategory(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class RuntimeEventKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
