from warren_client._proto.warren.v1 import common_pb2 as _common_pb2
from warren_client._proto.warren.v1 import ops_pb2 as _ops_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

APPLY_MODE_IGNORE: ApplyMode
APPLY_MODE_INJECT_NOW: ApplyMode
APPLY_MODE_STAGE_RUN_BOUNDARY: ApplyMode
APPLY_MODE_STAGE_RUN_START: ApplyMode
APPLY_MODE_UNSPECIFIED: ApplyMode
CONSUME_POINT_EXPLICIT_ACK: ConsumePoint
CONSUME_POINT_ON_ACCEPT: ConsumePoint
CONSUME_POINT_ON_APPLY: ConsumePoint
CONSUME_POINT_ON_RUN_COMPLETE: ConsumePoint
CONSUME_POINT_ON_RUN_START: ConsumePoint
CONSUME_POINT_UNSPECIFIED: ConsumePoint
DESCRIPTOR: _descriptor.FileDescriptor
DRAIN_POLICY_IGNORE: DrainPolicy
DRAIN_POLICY_IMMEDIATE: DrainPolicy
DRAIN_POLICY_QUEUE_NEXT_TURN: DrainPolicy
DRAIN_POLICY_STEER_BATCH: DrainPolicy
DRAIN_POLICY_UNSPECIFIED: DrainPolicy
DURABILITY_VIOLATION_KIND_DERIVED_FORBIDDEN_FOR_KIND: DurabilityViolationKind
DURABILITY_VIOLATION_KIND_EXTERNAL_DERIVED_FORBIDDEN: DurabilityViolationKind
DURABILITY_VIOLATION_KIND_UNSPECIFIED: DurabilityViolationKind
INPUT_ABANDON_REASON_KIND_CANCELLED: InputAbandonReasonKind
INPUT_ABANDON_REASON_KIND_DESTROYED: InputAbandonReasonKind
INPUT_ABANDON_REASON_KIND_MAX_ATTEMPTS_EXHAUSTED: InputAbandonReasonKind
INPUT_ABANDON_REASON_KIND_RESET: InputAbandonReasonKind
INPUT_ABANDON_REASON_KIND_RETIRED: InputAbandonReasonKind
INPUT_ABANDON_REASON_KIND_UNSPECIFIED: InputAbandonReasonKind
INPUT_DURABILITY_DERIVED: InputDurability
INPUT_DURABILITY_DURABLE: InputDurability
INPUT_DURABILITY_EPHEMERAL: InputDurability
INPUT_DURABILITY_UNSPECIFIED: InputDurability
QUEUE_MODE_COALESCE: QueueMode
QUEUE_MODE_FIFO: QueueMode
QUEUE_MODE_NONE: QueueMode
QUEUE_MODE_PRIORITY: QueueMode
QUEUE_MODE_SUPERSEDE: QueueMode
QUEUE_MODE_UNSPECIFIED: QueueMode
RESPONSE_PROGRESS_PHASE_ACCEPTED: ResponseProgressPhase
RESPONSE_PROGRESS_PHASE_IN_PROGRESS: ResponseProgressPhase
RESPONSE_PROGRESS_PHASE_PARTIAL_RESULT: ResponseProgressPhase
RESPONSE_PROGRESS_PHASE_UNSPECIFIED: ResponseProgressPhase
RESPONSE_TERMINAL_STATUS_CANCELLED: ResponseTerminalStatus
RESPONSE_TERMINAL_STATUS_COMPLETED: ResponseTerminalStatus
RESPONSE_TERMINAL_STATUS_FAILED: ResponseTerminalStatus
RESPONSE_TERMINAL_STATUS_UNSPECIFIED: ResponseTerminalStatus
ROUTING_DISPOSITION_DROP: RoutingDisposition
ROUTING_DISPOSITION_IMMEDIATE: RoutingDisposition
ROUTING_DISPOSITION_QUEUE: RoutingDisposition
ROUTING_DISPOSITION_STEER: RoutingDisposition
ROUTING_DISPOSITION_UNSPECIFIED: RoutingDisposition
WAKE_MODE_NONE: WakeMode
WAKE_MODE_UNSPECIFIED: WakeMode
WAKE_MODE_WAKE_IF_IDLE: WakeMode

class AcceptOutcome(_message.Message):
    __slots__ = ["accepted", "deduplicated", "rejected"]
    ACCEPTED_FIELD_NUMBER: _ClassVar[int]
    DEDUPLICATED_FIELD_NUMBER: _ClassVar[int]
    REJECTED_FIELD_NUMBER: _ClassVar[int]
    accepted: AcceptOutcomeAccepted
    deduplicated: AcceptOutcomeDeduplicated
    rejected: AcceptOutcomeRejected
    def __init__(self, accepted: _Optional[_Union[AcceptOutcomeAccepted, _Mapping]] = ..., deduplicated: _Optional[_Union[AcceptOutcomeDeduplicated, _Mapping]] = ..., rejected: _Optional[_Union[AcceptOutcomeRejected, _Mapping]] = ...) -> None: ...

class AcceptOutcomeAccepted(_message.Message):
    __slots__ = ["input_id", "policy", "state"]
    INPUT_ID_FIELD_NUMBER: _ClassVar[int]
    POLICY_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    input_id: str
    policy: PolicyDecision
    state: InputState
    def __init__(self, input_id: _Optional[str] = ..., policy: _Optional[_Union[PolicyDecision, _Mapping]] = ..., state: _Optional[_Union[InputState, _Mapping]] = ...) -> None: ...

class AcceptOutcomeDeduplicated(_message.Message):
    __slots__ = ["existing_id", "input_id"]
    EXISTING_ID_FIELD_NUMBER: _ClassVar[int]
    INPUT_ID_FIELD_NUMBER: _ClassVar[int]
    existing_id: str
    input_id: str
    def __init__(self, input_id: _Optional[str] = ..., existing_id: _Optional[str] = ...) -> None: ...

class AcceptOutcomeRejected(_message.Message):
    __slots__ = ["reason"]
    REASON_FIELD_NUMBER: _ClassVar[int]
    reason: RejectReason
    def __init__(self, reason: _Optional[_Union[RejectReason, _Mapping]] = ...) -> None: ...

class AggregateDescriptor(_message.Message):
    __slots__ = ["aggregate_id", "created_at_unix_nanos", "source_ids", "summary"]
    AGGREGATE_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_UNIX_NANOS_FIELD_NUMBER: _ClassVar[int]
    SOURCE_IDS_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    aggregate_id: str
    created_at_unix_nanos: int
    source_ids: _containers.RepeatedScalarFieldContainer[str]
    summary: str
    def __init__(self, aggregate_id: _Optional[str] = ..., source_ids: _Optional[_Iterable[str]] = ..., summary: _Optional[str] = ..., created_at_unix_nanos: _Optional[int] = ...) -> None: ...

class ContinuationInput(_message.Message):
    __slots__ = ["handling_mode", "header", "reason", "request_id"]
    HANDLING_MODE_FIELD_NUMBER: _ClassVar[int]
    HEADER_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    handling_mode: _common_pb2.HandlingMode
    header: InputHeader
    reason: str
    request_id: str
    def __init__(self, header: _Optional[_Union[InputHeader, _Mapping]] = ..., reason: _Optional[str] = ..., handling_mode: _Optional[_Union[_common_pb2.HandlingMode, str]] = ..., request_id: _Optional[str] = ...) -> None: ...

class ExternalEventInput(_message.Message):
    __slots__ = ["blocks", "event_type", "handling_mode", "header", "payload_json", "render_metadata"]
    BLOCKS_FIELD_NUMBER: _ClassVar[int]
    EVENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    HANDLING_MODE_FIELD_NUMBER: _ClassVar[int]
    HEADER_FIELD_NUMBER: _ClassVar[int]
    PAYLOAD_JSON_FIELD_NUMBER: _ClassVar[int]
    RENDER_METADATA_FIELD_NUMBER: _ClassVar[int]
    blocks: _containers.RepeatedCompositeFieldContainer[_common_pb2.ContentBlock]
    event_type: str
    handling_mode: _common_pb2.HandlingMode
    header: InputHeader
    payload_json: bytes
    render_metadata: _common_pb2.RenderMetadata
    def __init__(self, header: _Optional[_Union[InputHeader, _Mapping]] = ..., event_type: _Optional[str] = ..., payload_json: _Optional[bytes] = ..., blocks: _Optional[_Iterable[_Union[_common_pb2.ContentBlock, _Mapping]]] = ..., handling_mode: _Optional[_Union[_common_pb2.HandlingMode, str]] = ..., render_metadata: _Optional[_Union[_common_pb2.RenderMetadata, _Mapping]] = ...) -> None: ...

class FlowStepInput(_message.Message):
    __slots__ = ["blocks", "header", "instructions", "step_id", "turn_metadata"]
    BLOCKS_FIELD_NUMBER: _ClassVar[int]
    HEADER_FIELD_NUMBER: _ClassVar[int]
    INSTRUCTIONS_FIELD_NUMBER: _ClassVar[int]
    STEP_ID_FIELD_NUMBER: _ClassVar[int]
    TURN_METADATA_FIELD_NUMBER: _ClassVar[int]
    blocks: _containers.RepeatedCompositeFieldContainer[_common_pb2.ContentBlock]
    header: InputHeader
    instructions: str
    step_id: str
    turn_metadata: _common_pb2.RuntimeTurnMetadata
    def __init__(self, header: _Optional[_Union[InputHeader, _Mapping]] = ..., step_id: _Optional[str] = ..., instructions: _Optional[str] = ..., blocks: _Optional[_Iterable[_Union[_common_pb2.ContentBlock, _Mapping]]] = ..., turn_metadata: _Optional[_Union[_common_pb2.RuntimeTurnMetadata, _Mapping]] = ...) -> None: ...

class Input(_message.Message):
    __slots__ = ["continuation", "external_event", "flow_step", "operation", "peer", "prompt"]
    CONTINUATION_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_EVENT_FIELD_NUMBER: _ClassVar[int]
    FLOW_STEP_FIELD_NUMBER: _ClassVar[int]
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    PEER_FIELD_NUMBER: _ClassVar[int]
    PROMPT_FIELD_NUMBER: _ClassVar[int]
    continuation: ContinuationInput
    external_event: ExternalEventInput
    flow_step: FlowStepInput
    operation: OperationInput
    peer: PeerInput
    prompt: PromptInput
    def __init__(self, prompt: _Optional[_Union[PromptInput, _Mapping]] = ..., peer: _Optional[_Union[PeerInput, _Mapping]] = ..., flow_step: _Optional[_Union[FlowStepInput, _Mapping]] = ..., external_event: _Optional[_Union[ExternalEventInput, _Mapping]] = ..., continuation: _Optional[_Union[ContinuationInput, _Mapping]] = ..., operation: _Optional[_Union[OperationInput, _Mapping]] = ...) -> None: ...

class InputAbandonReason(_message.Message):
    __slots__ = ["attempts", "kind"]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    attempts: int
    kind: InputAbandonReasonKind
    def __init__(self, kind: _Optional[_Union[InputAbandonReasonKind, str]] = ..., attempts: _Optional[int] = ...) -> None: ...

class InputHeader(_message.Message):
    __slots__ = ["correlation_id", "durability", "idempotency_key", "input_id", "source", "supersession_key", "timestamp_unix_nanos", "visibility"]
    CORRELATION_ID_FIELD_NUMBER: _ClassVar[int]
    DURABILITY_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    INPUT_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    SUPERSESSION_KEY_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_UNIX_NANOS_FIELD_NUMBER: _ClassVar[int]
    VISIBILITY_FIELD_NUMBER: _ClassVar[int]
    correlation_id: str
    durability: InputDurability
    idempotency_key: str
    input_id: str
    source: InputOrigin
    supersession_key: str
    timestamp_unix_nanos: int
    visibility: InputVisibility
    def __init__(self, input_id: _Optional[str] = ..., timestamp_unix_nanos: _Optional[int] = ..., source: _Optional[_Union[InputOrigin, _Mapping]] = ..., durability: _Optional[_Union[InputDurability, str]] = ..., visibility: _Optional[_Union[InputVisibility, _Mapping]] = ..., idempotency_key: _Optional[str] = ..., supersession_key: _Optional[str] = ..., correlation_id: _Optional[str] = ...) -> None: ...

class InputOrigin(_message.Message):
    __slots__ = ["external_origin", "flow_origin", "operator_origin", "peer_origin", "system_origin"]
    EXTERNAL_ORIGIN_FIELD_NUMBER: _ClassVar[int]
    FLOW_ORIGIN_FIELD_NUMBER: _ClassVar[int]
    OPERATOR_ORIGIN_FIELD_NUMBER: _ClassVar[int]
    PEER_ORIGIN_FIELD_NUMBER: _ClassVar[int]
    SYSTEM_ORIGIN_FIELD_NUMBER: _ClassVar[int]
    external_origin: InputOriginExternal
    flow_origin: InputOriginFlow
    operator_origin: InputOriginOperator
    peer_origin: InputOriginPeer
    system_origin: InputOriginSystem
    def __init__(self, operator_origin: _Optional[_Union[InputOriginOperator, _Mapping]] = ..., peer_origin: _Optional[_Union[InputOriginPeer, _Mapping]] = ..., flow_origin: _Optional[_Union[InputOriginFlow, _Mapping]] = ..., system_origin: _Optional[_Union[InputOriginSystem, _Mapping]] = ..., external_origin: _Optional[_Union[InputOriginExternal, _Mapping]] = ...) -> None: ...

class InputOriginExternal(_message.Message):
    __slots__ = ["source_name"]
    SOURCE_NAME_FIELD_NUMBER: _ClassVar[int]
    source_name: str
    def __init__(self, source_name: _Optional[str] = ...) -> None: ...

class InputOriginFlow(_message.Message):
    __slots__ = ["flow_id", "step_index"]
    FLOW_ID_FIELD_NUMBER: _ClassVar[int]
    STEP_INDEX_FIELD_NUMBER: _ClassVar[int]
    flow_id: str
    step_index: int
    def __init__(self, flow_id: _Optional[str] = ..., step_index: _Optional[int] = ...) -> None: ...

class InputOriginOperator(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class InputOriginPeer(_message.Message):
    __slots__ = ["peer_id", "runtime_id"]
    PEER_ID_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_ID_FIELD_NUMBER: _ClassVar[int]
    peer_id: str
    runtime_id: str
    def __init__(self, peer_id: _Optional[str] = ..., runtime_id: _Optional[str] = ...) -> None: ...

class InputOriginSystem(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class InputOutcomeAbandoned(_message.Message):
    __slots__ = ["reason"]
    REASON_FIELD_NUMBER: _ClassVar[int]
    reason: InputAbandonReason
    def __init__(self, reason: _Optional[_Union[InputAbandonReason, _Mapping]] = ...) -> None: ...

class InputOutcomeCoalesced(_message.Message):
    __slots__ = ["aggregate_id"]
    AGGREGATE_ID_FIELD_NUMBER: _ClassVar[int]
    aggregate_id: str
    def __init__(self, aggregate_id: _Optional[str] = ...) -> None: ...

class InputOutcomeConsumed(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class InputOutcomeSuperseded(_message.Message):
    __slots__ = ["superseded_by"]
    SUPERSEDED_BY_FIELD_NUMBER: _ClassVar[int]
    superseded_by: str
    def __init__(self, superseded_by: _Optional[str] = ...) -> None: ...

class InputScope(_message.Message):
    __slots__ = ["all", "operation", "runtime", "specific"]
    ALL_FIELD_NUMBER: _ClassVar[int]
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_FIELD_NUMBER: _ClassVar[int]
    SPECIFIC_FIELD_NUMBER: _ClassVar[int]
    all: InputScopeAll
    operation: InputScopeOperation
    runtime: InputScopeRuntime
    specific: InputScopeSpecific
    def __init__(self, runtime: _Optional[_Union[InputScopeRuntime, _Mapping]] = ..., specific: _Optional[_Union[InputScopeSpecific, _Mapping]] = ..., operation: _Optional[_Union[InputScopeOperation, _Mapping]] = ..., all: _Optional[_Union[InputScopeAll, _Mapping]] = ...) -> None: ...

class InputScopeAll(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class InputScopeOperation(_message.Message):
    __slots__ = ["operation_id"]
    OPERATION_ID_FIELD_NUMBER: _ClassVar[int]
    operation_id: str
    def __init__(self, operation_id: _Optional[str] = ...) -> None: ...

class InputScopeRuntime(_message.Message):
    __slots__ = ["runtime_id"]
    RUNTIME_ID_FIELD_NUMBER: _ClassVar[int]
    runtime_id: str
    def __init__(self, runtime_id: _Optional[str] = ...) -> None: ...

class InputScopeSpecific(_message.Message):
    __slots__ = ["input_id"]
    INPUT_ID_FIELD_NUMBER: _ClassVar[int]
    input_id: str
    def __init__(self, input_id: _Optional[str] = ...) -> None: ...

class InputState(_message.Message):
    __slots__ = ["attempt_count", "created_at_unix_nanos", "current_state", "durability", "history", "idempotency_key", "input_id", "last_boundary_sequence", "last_run_id", "persisted_input", "policy", "reconstruction_source", "recovery_count", "terminal_outcome", "updated_at_unix_nanos"]
    ATTEMPT_COUNT_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_UNIX_NANOS_FIELD_NUMBER: _ClassVar[int]
    CURRENT_STATE_FIELD_NUMBER: _ClassVar[int]
    DURABILITY_FIELD_NUMBER: _ClassVar[int]
    HISTORY_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    INPUT_ID_FIELD_NUMBER: _ClassVar[int]
    LAST_BOUNDARY_SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    LAST_RUN_ID_FIELD_NUMBER: _ClassVar[int]
    PERSISTED_INPUT_FIELD_NUMBER: _ClassVar[int]
    POLICY_FIELD_NUMBER: _ClassVar[int]
    RECONSTRUCTION_SOURCE_FIELD_NUMBER: _ClassVar[int]
    RECOVERY_COUNT_FIELD_NUMBER: _ClassVar[int]
    TERMINAL_OUTCOME_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_UNIX_NANOS_FIELD_NUMBER: _ClassVar[int]
    attempt_count: int
    created_at_unix_nanos: int
    current_state: _common_pb2.InputLifecycleState
    durability: InputDurability
    history: _containers.RepeatedCompositeFieldContainer[InputStateHistoryEntry]
    idempotency_key: str
    input_id: str
    last_boundary_sequence: _common_pb2.UInt64Value
    last_run_id: str
    persisted_input: Input
    policy: PolicySnapshot
    reconstruction_source: ReconstructionSource
    recovery_count: int
    terminal_outcome: InputTerminalOutcome
    updated_at_unix_nanos: int
    def __init__(self, input_id: _Optional[str] = ..., current_state: _Optional[_Union[_common_pb2.InputLifecycleState, str]] = ..., policy: _Optional[_Union[PolicySnapshot, _Mapping]] = ..., terminal_outcome: _Optional[_Union[InputTerminalOutcome, _Mapping]] = ..., durability: _Optional[_Union[InputDurability, str]] = ..., idempotency_key: _Optional[str] = ..., attempt_count: _Optional[int] = ..., recovery_count: _Optional[int] = ..., history: _Optional[_Iterable[_Union[InputStateHistoryEntry, _Mapping]]] = ..., reconstruction_source: _Optional[_Union[ReconstructionSource, _Mapping]] = ..., persisted_input: _Optional[_Union[Input, _Mapping]] = ..., last_run_id: _Optional[str] = ..., last_boundary_sequence: _Optional[_Union[_common_pb2.UInt64Value, _Mapping]] = ..., created_at_unix_nanos: _Optional[int] = ..., updated_at_unix_nanos: _Optional[int] = ...) -> None: ...

class InputStateEvent(_message.Message):
    __slots__ = ["detail", "state", "timestamp_unix_nanos"]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_UNIX_NANOS_FIELD_NUMBER: _ClassVar[int]
    detail: str
    state: _common_pb2.InputLifecycleState
    timestamp_unix_nanos: int
    def __init__(self, timestamp_unix_nanos: _Optional[int] = ..., state: _Optional[_Union[_common_pb2.InputLifecycleState, str]] = ..., detail: _Optional[str] = ...) -> None: ...

class InputStateHistoryEntry(_message.Message):
    __slots__ = ["from_state", "reason", "timestamp_unix_nanos", "to_state"]
    FROM_STATE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_UNIX_NANOS_FIELD_NUMBER: _ClassVar[int]
    TO_STATE_FIELD_NUMBER: _ClassVar[int]
    from_state: _common_pb2.InputLifecycleState
    reason: str
    timestamp_unix_nanos: int
    to_state: _common_pb2.InputLifecycleState
    def __init__(self, timestamp_unix_nanos: _Optional[int] = ..., from_state: _Optional[_Union[_common_pb2.InputLifecycleState, str]] = ..., to_state: _Optional[_Union[_common_pb2.InputLifecycleState, str]] = ..., reason: _Optional[str] = ...) -> None: ...

class InputTerminalOutcome(_message.Message):
    __slots__ = ["abandoned", "coalesced", "consumed", "superseded"]
    ABANDONED_FIELD_NUMBER: _ClassVar[int]
    COALESCED_FIELD_NUMBER: _ClassVar[int]
    CONSUMED_FIELD_NUMBER: _ClassVar[int]
    SUPERSEDED_FIELD_NUMBER: _ClassVar[int]
    abandoned: InputOutcomeAbandoned
    coalesced: InputOutcomeCoalesced
    consumed: InputOutcomeConsumed
    superseded: InputOutcomeSuperseded
    def __init__(self, consumed: _Optional[_Union[InputOutcomeConsumed, _Mapping]] = ..., superseded: _Optional[_Union[InputOutcomeSuperseded, _Mapping]] = ..., coalesced: _Optional[_Union[InputOutcomeCoalesced, _Mapping]] = ..., abandoned: _Optional[_Union[InputOutcomeAbandoned, _Mapping]] = ...) -> None: ...

class InputVisibility(_message.Message):
    __slots__ = ["operator_eligible", "transcript_eligible"]
    OPERATOR_ELIGIBLE_FIELD_NUMBER: _ClassVar[int]
    TRANSCRIPT_ELIGIBLE_FIELD_NUMBER: _ClassVar[int]
    operator_eligible: bool
    transcript_eligible: bool
    def __init__(self, transcript_eligible: bool = ..., operator_eligible: bool = ...) -> None: ...

class OperationInput(_message.Message):
    __slots__ = ["event", "header", "operation_id"]
    EVENT_FIELD_NUMBER: _ClassVar[int]
    HEADER_FIELD_NUMBER: _ClassVar[int]
    OPERATION_ID_FIELD_NUMBER: _ClassVar[int]
    event: _ops_pb2.OpEvent
    header: InputHeader
    operation_id: str
    def __init__(self, header: _Optional[_Union[InputHeader, _Mapping]] = ..., operation_id: _Optional[str] = ..., event: _Optional[_Union[_ops_pb2.OpEvent, _Mapping]] = ...) -> None: ...

class PeerConvention(_message.Message):
    __slots__ = ["message", "request", "response_progress", "response_terminal"]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    RESPONSE_PROGRESS_FIELD_NUMBER: _ClassVar[int]
    RESPONSE_TERMINAL_FIELD_NUMBER: _ClassVar[int]
    message: PeerConventionMessage
    request: PeerConventionRequest
    response_progress: PeerConventionResponseProgress
    response_terminal: PeerConventionResponseTerminal
    def __init__(self, message: _Optional[_Union[PeerConventionMessage, _Mapping]] = ..., request: _Optional[_Union[PeerConventionRequest, _Mapping]] = ..., response_progress: _Optional[_Union[PeerConventionResponseProgress, _Mapping]] = ..., response_terminal: _Optional[_Union[PeerConventionResponseTerminal, _Mapping]] = ...) -> None: ...

class PeerConventionMessage(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class PeerConventionRequest(_message.Message):
    __slots__ = ["intent", "request_id"]
    INTENT_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    intent: str
    request_id: str
    def __init__(self, request_id: _Optional[str] = ..., intent: _Optional[str] = ...) -> None: ...

class PeerConventionResponseProgress(_message.Message):
    __slots__ = ["phase", "request_id"]
    PHASE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    phase: ResponseProgressPhase
    request_id: str
    def __init__(self, request_id: _Optional[str] = ..., phase: _Optional[_Union[ResponseProgressPhase, str]] = ...) -> None: ...

class PeerConventionResponseTerminal(_message.Message):
    __slots__ = ["request_id", "status"]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    status: ResponseTerminalStatus
    def __init__(self, request_id: _Optional[str] = ..., status: _Optional[_Union[ResponseTerminalStatus, str]] = ...) -> None: ...

class PeerInput(_message.Message):
    __slots__ = ["blocks", "body", "convention", "handling_mode", "header"]
    BLOCKS_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    CONVENTION_FIELD_NUMBER: _ClassVar[int]
    HANDLING_MODE_FIELD_NUMBER: _ClassVar[int]
    HEADER_FIELD_NUMBER: _ClassVar[int]
    blocks: _containers.RepeatedCompositeFieldContainer[_common_pb2.ContentBlock]
    body: str
    convention: PeerConvention
    handling_mode: _common_pb2.HandlingMode
    header: InputHeader
    def __init__(self, header: _Optional[_Union[InputHeader, _Mapping]] = ..., convention: _Optional[_Union[PeerConvention, _Mapping]] = ..., body: _Optional[str] = ..., blocks: _Optional[_Iterable[_Union[_common_pb2.ContentBlock, _Mapping]]] = ..., handling_mode: _Optional[_Union[_common_pb2.HandlingMode, str]] = ...) -> None: ...

class PolicyDecision(_message.Message):
    __slots__ = ["apply_mode", "consume_point", "drain_policy", "emit_operator_content", "policy_version", "queue_mode", "record_transcript", "routing_disposition", "wake_mode"]
    APPLY_MODE_FIELD_NUMBER: _ClassVar[int]
    CONSUME_POINT_FIELD_NUMBER: _ClassVar[int]
    DRAIN_POLICY_FIELD_NUMBER: _ClassVar[int]
    EMIT_OPERATOR_CONTENT_FIELD_NUMBER: _ClassVar[int]
    POLICY_VERSION_FIELD_NUMBER: _ClassVar[int]
    QUEUE_MODE_FIELD_NUMBER: _ClassVar[int]
    RECORD_TRANSCRIPT_FIELD_NUMBER: _ClassVar[int]
    ROUTING_DISPOSITION_FIELD_NUMBER: _ClassVar[int]
    WAKE_MODE_FIELD_NUMBER: _ClassVar[int]
    apply_mode: ApplyMode
    consume_point: ConsumePoint
    drain_policy: DrainPolicy
    emit_operator_content: bool
    policy_version: int
    queue_mode: QueueMode
    record_transcript: bool
    routing_disposition: RoutingDisposition
    wake_mode: WakeMode
    def __init__(self, apply_mode: _Optional[_Union[ApplyMode, str]] = ..., wake_mode: _Optional[_Union[WakeMode, str]] = ..., queue_mode: _Optional[_Union[QueueMode, str]] = ..., consume_point: _Optional[_Union[ConsumePoint, str]] = ..., drain_policy: _Optional[_Union[DrainPolicy, str]] = ..., routing_disposition: _Optional[_Union[RoutingDisposition, str]] = ..., record_transcript: bool = ..., emit_operator_content: bool = ..., policy_version: _Optional[int] = ...) -> None: ...

class PolicySnapshot(_message.Message):
    __slots__ = ["decision", "version"]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    decision: PolicyDecision
    version: int
    def __init__(self, version: _Optional[int] = ..., decision: _Optional[_Union[PolicyDecision, _Mapping]] = ...) -> None: ...

class PromptInput(_message.Message):
    __slots__ = ["blocks", "header", "text", "turn_metadata"]
    BLOCKS_FIELD_NUMBER: _ClassVar[int]
    HEADER_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    TURN_METADATA_FIELD_NUMBER: _ClassVar[int]
    blocks: _containers.RepeatedCompositeFieldContainer[_common_pb2.ContentBlock]
    header: InputHeader
    text: str
    turn_metadata: _common_pb2.RuntimeTurnMetadata
    def __init__(self, header: _Optional[_Union[InputHeader, _Mapping]] = ..., text: _Optional[str] = ..., blocks: _Optional[_Iterable[_Union[_common_pb2.ContentBlock, _Mapping]]] = ..., turn_metadata: _Optional[_Union[_common_pb2.RuntimeTurnMetadata, _Mapping]] = ...) -> None: ...

class ReconstructionSource(_message.Message):
    __slots__ = ["coalescing", "projection"]
    COALESCING_FIELD_NUMBER: _ClassVar[int]
    PROJECTION_FIELD_NUMBER: _ClassVar[int]
    coalescing: ReconstructionSourceCoalescing
    projection: ReconstructionSourceProjection
    def __init__(self, projection: _Optional[_Union[ReconstructionSourceProjection, _Mapping]] = ..., coalescing: _Optional[_Union[ReconstructionSourceCoalescing, _Mapping]] = ...) -> None: ...

class ReconstructionSourceCoalescing(_message.Message):
    __slots__ = ["source_input_ids"]
    SOURCE_INPUT_IDS_FIELD_NUMBER: _ClassVar[int]
    source_input_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, source_input_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class ReconstructionSourceProjection(_message.Message):
    __slots__ = ["rule_id", "source_event_id"]
    RULE_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    rule_id: str
    source_event_id: str
    def __init__(self, rule_id: _Optional[str] = ..., source_event_id: _Optional[str] = ...) -> None: ...

class RejectReason(_message.Message):
    __slots__ = ["durability_violation", "not_ready", "peer_handling_mode_invalid"]
    DURABILITY_VIOLATION_FIELD_NUMBER: _ClassVar[int]
    NOT_READY_FIELD_NUMBER: _ClassVar[int]
    PEER_HANDLING_MODE_INVALID_FIELD_NUMBER: _ClassVar[int]
    durability_violation: RejectReasonDurabilityViolation
    not_ready: RejectReasonNotReady
    peer_handling_mode_invalid: RejectReasonPeerHandlingModeInvalid
    def __init__(self, not_ready: _Optional[_Union[RejectReasonNotReady, _Mapping]] = ..., durability_violation: _Optional[_Union[RejectReasonDurabilityViolation, _Mapping]] = ..., peer_handling_mode_invalid: _Optional[_Union[RejectReasonPeerHandlingModeInvalid, _Mapping]] = ...) -> None: ...

class RejectReasonDurabilityViolation(_message.Message):
    __slots__ = ["detail", "kind_id", "violation"]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    KIND_ID_FIELD_NUMBER: _ClassVar[int]
    VIOLATION_FIELD_NUMBER: _ClassVar[int]
    detail: str
    kind_id: str
    violation: DurabilityViolationKind
    def __init__(self, detail: _Optional[str] = ..., violation: _Optional[_Union[DurabilityViolationKind, str]] = ..., kind_id: _Optional[str] = ...) -> None: ...

class RejectReasonNotReady(_message.Message):
    __slots__ = ["state", "state_text"]
    STATE_FIELD_NUMBER: _ClassVar[int]
    STATE_TEXT_FIELD_NUMBER: _ClassVar[int]
    state: _common_pb2.RuntimeState
    state_text: str
    def __init__(self, state: _Optional[_Union[_common_pb2.RuntimeState, str]] = ..., state_text: _Optional[str] = ...) -> None: ...

class RejectReasonPeerHandlingModeInvalid(_message.Message):
    __slots__ = ["detail"]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    detail: str
    def __init__(self, detail: _Optional[str] = ...) -> None: ...

class InputDurability(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class ResponseProgressPhase(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class ResponseTerminalStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class ApplyMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class WakeMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class QueueMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class ConsumePoint(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class DrainPolicy(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class RoutingDisposition(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class InputAbandonReasonKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class DurabilityViolationKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
