from warren_client._proto.warren.v1 import common_pb2 as _common_pb2
from warren_client._proto.warren.v1 import input_pb2 as _input_pb2
from warren_client._proto.warren.v1 import ops_pb2 as _ops_pb2
from warren_client._proto.warren.v1 import comms_pb2 as _comms_pb2
from warren_client._proto.warren.v1 import runtime_pb2 as _runtime_pb2
from warren_client._proto.warren.v1 import executor_pb2 as _executor_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AbortCommsDrainRequest(_message.Message):
    __slots__ = ["session_id"]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    def __init__(self, session_id: _Optional[str] = ...) -> None: ...

class AbortCommsDrainResponse(_message.Message):
    __slots__ = ["aborted", "drain"]
    ABORTED_FIELD_NUMBER: _ClassVar[int]
    DRAIN_FIELD_NUMBER: _ClassVar[int]
    aborted: bool
    drain: _comms_pb2.CommsDrainState
    def __init__(self, aborted: bool = ..., drain: _Optional[_Union[_comms_pb2.CommsDrainState, _Mapping]] = ...) -> None: ...

class AbortCommsDrainsRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class AbortCommsDrainsResponse(_message.Message):
    __slots__ = ["slots_aborted"]
    SLOTS_ABORTED_FIELD_NUMBER: _ClassVar[int]
    slots_aborted: int
    def __init__(self, slots_aborted: _Optional[int] = ...) -> None: ...

class AcceptInputAndRunFinished(_message.Message):
    __slots__ = ["input_id", "input_state", "receipt", "run_id"]
    INPUT_ID_FIELD_NUMBER: _ClassVar[int]
    INPUT_STATE_FIELD_NUMBER: _ClassVar[int]
    RECEIPT_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    input_id: str
    input_state: _common_pb2.InputLifecycleState
    receipt: _runtime_pb2.RunBoundaryReceipt
    run_id: str
    def __init__(self, input_id: _Optional[str] = ..., run_id: _Optional[str] = ..., receipt: _Optional[_Union[_runtime_pb2.RunBoundaryReceipt, _Mapping]] = ..., input_state: _Optional[_Union[_common_pb2.InputLifecycleState, str]] = ...) -> None: ...

class AcceptInputAndRunRequest(_message.Message):
    __slots__ = ["control_result", "outcome", "progress", "start"]
    CONTROL_RESULT_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    START_FIELD_NUMBER: _ClassVar[int]
    control_result: _executor_pb2.RunControlResult
    outcome: _executor_pb2.RunOutcome
    progress: _executor_pb2.RunProgress
    start: AcceptInputAndRunStart
    def __init__(self, start: _Optional[_Union[AcceptInputAndRunStart, _Mapping]] = ..., outcome: _Optional[_Union[_executor_pb2.RunOutcome, _Mapping]] = ..., progress: _Optional[_Union[_executor_pb2.RunProgress, _Mapping]] = ..., control_result: _Optional[_Union[_executor_pb2.RunControlResult, _Mapping]] = ...) -> None: ...

class AcceptInputAndRunResponse(_message.Message):
    __slots__ = ["accept_outcome", "assignment", "control", "finished"]
    ACCEPT_OUTCOME_FIELD_NUMBER: _ClassVar[int]
    ASSIGNMENT_FIELD_NUMBER: _ClassVar[int]
    CONTROL_FIELD_NUMBER: _ClassVar[int]
    FINISHED_FIELD_NUMBER: _ClassVar[int]
    accept_outcome: _input_pb2.AcceptOutcome
    assignment: _executor_pb2.RunAssignment
    control: _executor_pb2.RunControl
    finished: AcceptInputAndRunFinished
    def __init__(self, accept_outcome: _Optional[_Union[_input_pb2.AcceptOutcome, _Mapping]] = ..., assignment: _Optional[_Union[_executor_pb2.RunAssignment, _Mapping]] = ..., control: _Optional[_Union[_executor_pb2.RunControl, _Mapping]] = ..., finished: _Optional[_Union[AcceptInputAndRunFinished, _Mapping]] = ...) -> None: ...

class AcceptInputAndRunStart(_message.Message):
    __slots__ = ["input", "session_id"]
    INPUT_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    input: _input_pb2.Input
    session_id: str
    def __init__(self, session_id: _Optional[str] = ..., input: _Optional[_Union[_input_pb2.Input, _Mapping]] = ...) -> None: ...

class AcceptInputWithoutWakeRequest(_message.Message):
    __slots__ = ["input", "session_id"]
    INPUT_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    input: _input_pb2.Input
    session_id: str
    def __init__(self, session_id: _Optional[str] = ..., input: _Optional[_Union[_input_pb2.Input, _Mapping]] = ...) -> None: ...

class AcceptInputWithoutWakeResponse(_message.Message):
    __slots__ = ["outcome"]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    outcome: _input_pb2.AcceptOutcome
    def __init__(self, outcome: _Optional[_Union[_input_pb2.AcceptOutcome, _Mapping]] = ...) -> None: ...

class AwaitCompletionRequest(_message.Message):
    __slots__ = ["input_id", "session_id"]
    INPUT_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    input_id: str
    session_id: str
    def __init__(self, session_id: _Optional[str] = ..., input_id: _Optional[str] = ...) -> None: ...

class AwaitCompletionResponse(_message.Message):
    __slots__ = ["outcome", "state"]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    outcome: _runtime_pb2.CompletionOutcome
    state: _input_pb2.InputState
    def __init__(self, outcome: _Optional[_Union[_runtime_pb2.CompletionOutcome, _Mapping]] = ..., state: _Optional[_Union[_input_pb2.InputState, _Mapping]] = ...) -> None: ...

class ContainsSessionRequest(_message.Message):
    __slots__ = ["session_id"]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    def __init__(self, session_id: _Optional[str] = ...) -> None: ...

class ContainsSessionResponse(_message.Message):
    __slots__ = ["contains", "phase"]
    CONTAINS_FIELD_NUMBER: _ClassVar[int]
    PHASE_FIELD_NUMBER: _ClassVar[int]
    contains: bool
    phase: _runtime_pb2.SessionRegistrationPhase
    def __init__(self, contains: bool = ..., phase: _Optional[_Union[_runtime_pb2.SessionRegistrationPhase, str]] = ...) -> None: ...

class EnsureSessionWithExecutorRequest(_message.Message):
    __slots__ = ["executor", "session_id"]
    EXECUTOR_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    executor: _executor_pb2.ExecutorRef
    session_id: str
    def __init__(self, session_id: _Optional[str] = ..., executor: _Optional[_Union[_executor_pb2.ExecutorRef, _Mapping]] = ...) -> None: ...

class EnsureSessionWithExecutorResponse(_message.Message):
    __slots__ = ["already_attached", "attached", "executor_name", "runtime_state"]
    ALREADY_ATTACHED_FIELD_NUMBER: _ClassVar[int]
    ATTACHED_FIELD_NUMBER: _ClassVar[int]
    EXECUTOR_NAME_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_STATE_FIELD_NUMBER: _ClassVar[int]
    already_attached: bool
    attached: bool
    executor_name: str
    runtime_state: _common_pb2.RuntimeState
    def __init__(self, attached: bool = ..., already_attached: bool = ..., executor_name: _Optional[str] = ..., runtime_state: _Optional[_Union[_common_pb2.RuntimeState, str]] = ...) -> None: ...

class InterruptCurrentRunRequest(_message.Message):
    __slots__ = ["reason", "session_id"]
    REASON_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    reason: str
    session_id: str
    def __init__(self, session_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class InterruptCurrentRunResponse(_message.Message):
    __slots__ = ["run_id"]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    def __init__(self, run_id: _Optional[str] = ...) -> None: ...

class ListOpsRequest(_message.Message):
    __slots__ = ["completions_after_seq", "session_id"]
    COMPLETIONS_AFTER_SEQ_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    completions_after_seq: int
    session_id: str
    def __init__(self, session_id: _Optional[str] = ..., completions_after_seq: _Optional[int] = ...) -> None: ...

class ListOpsResponse(_message.Message):
    __slots__ = ["completion_watermark", "completions", "cursors", "epoch_id", "operations"]
    COMPLETIONS_FIELD_NUMBER: _ClassVar[int]
    COMPLETION_WATERMARK_FIELD_NUMBER: _ClassVar[int]
    CURSORS_FIELD_NUMBER: _ClassVar[int]
    EPOCH_ID_FIELD_NUMBER: _ClassVar[int]
    OPERATIONS_FIELD_NUMBER: _ClassVar[int]
    completion_watermark: int
    completions: _containers.RepeatedCompositeFieldContainer[_ops_pb2.CompletionEntry]
    cursors: _ops_pb2.EpochCursorSnapshot
    epoch_id: str
    operations: _containers.RepeatedCompositeFieldContainer[_ops_pb2.OperationLifecycleSnapshot]
    def __init__(self, epoch_id: _Optional[str] = ..., operations: _Optional[_Iterable[_Union[_ops_pb2.OperationLifecycleSnapshot, _Mapping]]] = ..., completions: _Optional[_Iterable[_Union[_ops_pb2.CompletionEntry, _Mapping]]] = ..., completion_watermark: _Optional[int] = ..., cursors: _Optional[_Union[_ops_pb2.EpochCursorSnapshot, _Mapping]] = ...) -> None: ...

class NotifyCommsDrainExitedRequest(_message.Message):
    __slots__ = ["reason", "session_id"]
    REASON_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    reason: _comms_pb2.DrainExitReason
    session_id: str
    def __init__(self, session_id: _Optional[str] = ..., reason: _Optional[_Union[_comms_pb2.DrainExitReason, str]] = ...) -> None: ...

class NotifyCommsDrainExitedResponse(_message.Message):
    __slots__ = ["drain", "drain_spawned"]
    DRAIN_FIELD_NUMBER: _ClassVar[int]
    DRAIN_SPAWNED_FIELD_NUMBER: _ClassVar[int]
    drain: _comms_pb2.CommsDrainState
    drain_spawned: bool
    def __init__(self, drain_spawned: bool = ..., drain: _Optional[_Union[_comms_pb2.CommsDrainState, _Mapping]] = ...) -> None: ...

class PrepareBindingsRequest(_message.Message):
    __slots__ = ["session_id"]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    def __init__(self, session_id: _Optional[str] = ...) -> None: ...

class PrepareBindingsResponse(_message.Message):
    __slots__ = ["bindings"]
    BINDINGS_FIELD_NUMBER: _ClassVar[int]
    bindings: _runtime_pb2.SessionRuntimeBindings
    def __init__(self, bindings: _Optional[_Union[_runtime_pb2.SessionRuntimeBindings, _Mapping]] = ...) -> None: ...

class RegisterSessionRequest(_message.Message):
    __slots__ = ["session_id"]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    def __init__(self, session_id: _Optional[str] = ...) -> None: ...

class RegisterSessionResponse(_message.Message):
    __slots__ = ["created", "registered", "runtime_state"]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    REGISTERED_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_STATE_FIELD_NUMBER: _ClassVar[int]
    created: bool
    registered: bool
    runtime_state: _common_pb2.RuntimeState
    def __init__(self, registered: bool = ..., created: bool = ..., runtime_state: _Optional[_Union[_common_pb2.RuntimeState, str]] = ...) -> None: ...

class SessionHasCommsRequest(_message.Message):
    __slots__ = ["session_id"]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    def __init__(self, session_id: _Optional[str] = ...) -> None: ...

class SessionHasCommsResponse(_message.Message):
    __slots__ = ["comms_enabled"]
    COMMS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    comms_enabled: bool
    def __init__(self, comms_enabled: bool = ...) -> None: ...

class SessionHasExecutorRequest(_message.Message):
    __slots__ = ["session_id"]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    def __init__(self, session_id: _Optional[str] = ...) -> None: ...

class SessionHasExecutorResponse(_message.Message):
    __slots__ = ["executor_name", "executor_ready"]
    EXECUTOR_NAME_FIELD_NUMBER: _ClassVar[int]
    EXECUTOR_READY_FIELD_NUMBER: _ClassVar[int]
    executor_name: str
    executor_ready: bool
    def __init__(self, executor_ready: bool = ..., executor_name: _Optional[str] = ...) -> None: ...

class SetSessionSilentIntentsRequest(_message.Message):
    __slots__ = ["intents", "session_id"]
    INTENTS_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    intents: _containers.RepeatedScalarFieldContainer[str]
    session_id: str
    def __init__(self, session_id: _Optional[str] = ..., intents: _Optional[_Iterable[str]] = ...) -> None: ...

class SetSessionSilentIntentsResponse(_message.Message):
    __slots__ = ["applied", "intents"]
    APPLIED_FIELD_NUMBER: _ClassVar[int]
    INTENTS_FIELD_NUMBER: _ClassVar[int]
    applied: bool
    intents: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, applied: bool = ..., intents: _Optional[_Iterable[str]] = ...) -> None: ...

class StopRuntimeExecutorRequest(_message.Message):
    __slots__ = ["command", "session_id"]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    command: _executor_pb2.RunControlCommand
    session_id: str
    def __init__(self, session_id: _Optional[str] = ..., command: _Optional[_Union[_executor_pb2.RunControlCommand, _Mapping]] = ...) -> None: ...

class StopRuntimeExecutorResponse(_message.Message):
    __slots__ = ["applied_directly"]
    APPLIED_DIRECTLY_FIELD_NUMBER: _ClassVar[int]
    applied_directly: bool
    def __init__(self, applied_directly: bool = ...) -> None: ...

class UnregisterSessionRequest(_message.Message):
    __slots__ = ["session_id"]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    def __init__(self, session_id: _Optional[str] = ...) -> None: ...

class UnregisterSessionResponse(_message.Message):
    __slots__ = ["removed"]
    REMOVED_FIELD_NUMBER: _ClassVar[int]
    removed: bool
    def __init__(self, removed: bool = ...) -> None: ...

class UpdatePeerIngressContextRequest(_message.Message):
    __slots__ = ["comms_enabled", "keep_alive", "session_id"]
    COMMS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    KEEP_ALIVE_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    comms_enabled: bool
    keep_alive: bool
    session_id: str
    def __init__(self, session_id: _Optional[str] = ..., keep_alive: bool = ..., comms_enabled: bool = ...) -> None: ...

class UpdatePeerIngressContextResponse(_message.Message):
    __slots__ = ["drain", "drain_spawned"]
    DRAIN_FIELD_NUMBER: _ClassVar[int]
    DRAIN_SPAWNED_FIELD_NUMBER: _ClassVar[int]
    drain: _comms_pb2.CommsDrainState
    drain_spawned: bool
    def __init__(self, drain_spawned: bool = ..., drain: _Optional[_Union[_comms_pb2.CommsDrainState, _Mapping]] = ...) -> None: ...

class WaitCommsDrainRequest(_message.Message):
    __slots__ = ["session_id"]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    def __init__(self, session_id: _Optional[str] = ...) -> None: ...

class WaitCommsDrainResponse(_message.Message):
    __slots__ = ["drain"]
    DRAIN_FIELD_NUMBER: _ClassVar[int]
    drain: _comms_pb2.CommsDrainState
    def __init__(self, drain: _Optional[_Union[_comms_pb2.CommsDrainState, _Mapping]] = ...) -> None: ...
