from warren_client._proto.warren.v1 import common_pb2 as _common_pb2
from warren_client._proto.warren.v1 import ops_pb2 as _ops_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
RUNTIME_CONTROL_COMMAND_RESUME: RuntimeControlCommand
RUNTIME_CONTROL_COMMAND_STOP: RuntimeControlCommand
RUNTIME_CONTROL_COMMAND_UNSPECIFIED: RuntimeControlCommand
RUNTIME_MODE_UNSPECIFIED: RuntimeMode
RUNTIME_MODE_V9_COMPLIANT: RuntimeMode
RUNTIME_TERMINATION_REASON_CHANNEL_CLOSED: RuntimeTerminationReason
RUNTIME_TERMINATION_REASON_DESTROYED: RuntimeTerminationReason
RUNTIME_TERMINATION_REASON_LOOP_EXITED: RuntimeTerminationReason
RUNTIME_TERMINATION_REASON_RECYCLED_NO_LONGER_PENDING: RuntimeTerminationReason
RUNTIME_TERMINATION_REASON_RESET: RuntimeTerminationReason
RUNTIME_TERMINATION_REASON_RETIRED_WITHOUT_LOOP: RuntimeTerminationReason
RUNTIME_TERMINATION_REASON_SESSION_UNREGISTERED: RuntimeTerminationReason
RUNTIME_TERMINATION_REASON_STOPPED: RuntimeTerminationReason
RUNTIME_TERMINATION_REASON_UNSPECIFIED: RuntimeTerminationReason
SESSION_REGISTRATION_PHASE_ACTIVE_DEAD: SessionRegistrationPhase
SESSION_REGISTRATION_PHASE_ACTIVE_LIVE: SessionRegistrationPhase
SESSION_REGISTRATION_PHASE_ATTACHING: SessionRegistrationPhase
SESSION_REGISTRATION_PHASE_QUEUING: SessionRegistrationPhase
SESSION_REGISTRATION_PHASE_UNSPECIFIED: SessionRegistrationPhase

class CompletionOutcome(_message.Message):
    __slots__ = ["abandoned", "callback_pending", "cancelled", "completed", "completed_without_result", "runtime_terminated"]
    ABANDONED_FIELD_NUMBER: _ClassVar[int]
    CALLBACK_PENDING_FIELD_NUMBER: _ClassVar[int]
    CANCELLED_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_WITHOUT_RESULT_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_TERMINATED_FIELD_NUMBER: _ClassVar[int]
    abandoned: CompletionOutcomeAbandoned
    callback_pending: _common_pb2.CallbackPending
    cancelled: CompletionOutcomeCancelled
    completed: CompletionOutcomeCompleted
    completed_without_result: CompletionOutcomeCompletedWithoutResult
    runtime_terminated: CompletionOutcomeRuntimeTerminated
    def __init__(self, completed: _Optional[_Union[CompletionOutcomeCompleted, _Mapping]] = ..., completed_without_result: _Optional[_Union[CompletionOutcomeCompletedWithoutResult, _Mapping]] = ..., callback_pending: _Optional[_Union[_common_pb2.CallbackPending, _Mapping]] = ..., abandoned: _Optional[_Union[CompletionOutcomeAbandoned, _Mapping]] = ..., runtime_terminated: _Optional[_Union[CompletionOutcomeRuntimeTerminated, _Mapping]] = ..., cancelled: _Optional[_Union[CompletionOutcomeCancelled, _Mapping]] = ...) -> None: ...

class CompletionOutcomeAbandoned(_message.Message):
    __slots__ = ["reason"]
    REASON_FIELD_NUMBER: _ClassVar[int]
    reason: str
    def __init__(self, reason: _Optional[str] = ...) -> None: ...

class CompletionOutcomeCancelled(_message.Message):
    __slots__ = ["reason", "run_id"]
    REASON_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    reason: str
    run_id: str
    def __init__(self, reason: _Optional[str] = ..., run_id: _Optional[str] = ...) -> None: ...

class CompletionOutcomeCompleted(_message.Message):
    __slots__ = ["run_result"]
    RUN_RESULT_FIELD_NUMBER: _ClassVar[int]
    run_result: _common_pb2.RunResult
    def __init__(self, run_result: _Optional[_Union[_common_pb2.RunResult, _Mapping]] = ...) -> None: ...

class CompletionOutcomeCompletedWithoutResult(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class CompletionOutcomeRuntimeTerminated(_message.Message):
    __slots__ = ["reason", "termination_reason"]
    REASON_FIELD_NUMBER: _ClassVar[int]
    TERMINATION_REASON_FIELD_NUMBER: _ClassVar[int]
    reason: str
    termination_reason: RuntimeTerminationReason
    def __init__(self, reason: _Optional[str] = ..., termination_reason: _Optional[_Union[RuntimeTerminationReason, str]] = ...) -> None: ...

class DestroyReport(_message.Message):
    __slots__ = ["inputs_abandoned"]
    INPUTS_ABANDONED_FIELD_NUMBER: _ClassVar[int]
    inputs_abandoned: int
    def __init__(self, inputs_abandoned: _Optional[int] = ...) -> None: ...

class RecoveryReport(_message.Message):
    __slots__ = ["details", "inputs_abandoned", "inputs_recovered", "inputs_requeued"]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    INPUTS_ABANDONED_FIELD_NUMBER: _ClassVar[int]
    INPUTS_RECOVERED_FIELD_NUMBER: _ClassVar[int]
    INPUTS_REQUEUED_FIELD_NUMBER: _ClassVar[int]
    details: _containers.RepeatedScalarFieldContainer[str]
    inputs_abandoned: int
    inputs_recovered: int
    inputs_requeued: int
    def __init__(self, inputs_recovered: _Optional[int] = ..., inputs_abandoned: _Optional[int] = ..., inputs_requeued: _Optional[int] = ..., details: _Optional[_Iterable[str]] = ...) -> None: ...

class RecycleReport(_message.Message):
    __slots__ = ["inputs_transferred"]
    INPUTS_TRANSFERRED_FIELD_NUMBER: _ClassVar[int]
    inputs_transferred: int
    def __init__(self, inputs_transferred: _Optional[int] = ...) -> None: ...

class ResetReport(_message.Message):
    __slots__ = ["inputs_abandoned"]
    INPUTS_ABANDONED_FIELD_NUMBER: _ClassVar[int]
    inputs_abandoned: int
    def __init__(self, inputs_abandoned: _Optional[int] = ...) -> None: ...

class RetireReport(_message.Message):
    __slots__ = ["inputs_abandoned", "inputs_pending_drain"]
    INPUTS_ABANDONED_FIELD_NUMBER: _ClassVar[int]
    INPUTS_PENDING_DRAIN_FIELD_NUMBER: _ClassVar[int]
    inputs_abandoned: int
    inputs_pending_drain: int
    def __init__(self, inputs_abandoned: _Optional[int] = ..., inputs_pending_drain: _Optional[int] = ...) -> None: ...

class RunBoundaryReceipt(_message.Message):
    __slots__ = ["boundary", "contributing_input_ids", "conversation_digest", "message_count", "run_id", "sequence"]
    BOUNDARY_FIELD_NUMBER: _ClassVar[int]
    CONTRIBUTING_INPUT_IDS_FIELD_NUMBER: _ClassVar[int]
    CONVERSATION_DIGEST_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_COUNT_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    boundary: _common_pb2.RunApplyBoundary
    contributing_input_ids: _containers.RepeatedScalarFieldContainer[str]
    conversation_digest: str
    message_count: int
    run_id: str
    sequence: int
    def __init__(self, run_id: _Optional[str] = ..., boundary: _Optional[_Union[_common_pb2.RunApplyBoundary, str]] = ..., contributing_input_ids: _Optional[_Iterable[str]] = ..., conversation_digest: _Optional[str] = ..., message_count: _Optional[int] = ..., sequence: _Optional[int] = ...) -> None: ...

class SessionRuntimeBindings(_message.Message):
    __slots__ = ["completion_watermark", "cursors", "epoch_id", "operations", "session_id"]
    COMPLETION_WATERMARK_FIELD_NUMBER: _ClassVar[int]
    CURSORS_FIELD_NUMBER: _ClassVar[int]
    EPOCH_ID_FIELD_NUMBER: _ClassVar[int]
    OPERATIONS_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    completion_watermark: int
    cursors: _ops_pb2.EpochCursorSnapshot
    epoch_id: str
    operations: _containers.RepeatedCompositeFieldContainer[_ops_pb2.OperationLifecycleSnapshot]
    session_id: str
    def __init__(self, session_id: _Optional[str] = ..., epoch_id: _Optional[str] = ..., cursors: _Optional[_Union[_ops_pb2.EpochCursorSnapshot, _Mapping]] = ..., operations: _Optional[_Iterable[_Union[_ops_pb2.OperationLifecycleSnapshot, _Mapping]]] = ..., completion_watermark: _Optional[int] = ...) -> None: ...

class RuntimeMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class RuntimeControlCommand(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class RuntimeTerminationReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class SessionRegistrationPhase(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
