from warren_client._proto.warren.v1 import common_pb2 as _common_pb2
from warren_client._proto.warren.v1 import input_pb2 as _input_pb2
from warren_client._proto.warren.v1 import runtime_pb2 as _runtime_pb2
from warren_client._proto.warren.v1 import events_pb2 as _events_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ControlPlaneRuntimeStateRequest(_message.Message):
    __slots__ = ["runtime_id"]
    RUNTIME_ID_FIELD_NUMBER: _ClassVar[int]
    runtime_id: str
    def __init__(self, runtime_id: _Optional[str] = ...) -> None: ...

class ControlPlaneRuntimeStateResponse(_message.Message):
    __slots__ = ["current_run_id", "state"]
    CURRENT_RUN_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    current_run_id: str
    state: _common_pb2.RuntimeState
    def __init__(self, state: _Optional[_Union[_common_pb2.RuntimeState, str]] = ..., current_run_id: _Optional[str] = ...) -> None: ...

class DestroyRequest(_message.Message):
    __slots__ = ["runtime_id"]
    RUNTIME_ID_FIELD_NUMBER: _ClassVar[int]
    runtime_id: str
    def __init__(self, runtime_id: _Optional[str] = ...) -> None: ...

class DestroyResponse(_message.Message):
    __slots__ = ["report"]
    REPORT_FIELD_NUMBER: _ClassVar[int]
    report: _runtime_pb2.DestroyReport
    def __init__(self, report: _Optional[_Union[_runtime_pb2.DestroyReport, _Mapping]] = ...) -> None: ...

class IngestRequest(_message.Message):
    __slots__ = ["input", "runtime_id"]
    INPUT_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_ID_FIELD_NUMBER: _ClassVar[int]
    input: _input_pb2.Input
    runtime_id: str
    def __init__(self, runtime_id: _Optional[str] = ..., input: _Optional[_Union[_input_pb2.Input, _Mapping]] = ...) -> None: ...

class IngestResponse(_message.Message):
    __slots__ = ["outcome"]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    outcome: _input_pb2.AcceptOutcome
    def __init__(self, outcome: _Optional[_Union[_input_pb2.AcceptOutcome, _Mapping]] = ...) -> None: ...

class LoadBoundaryReceiptRequest(_message.Message):
    __slots__ = ["run_id", "runtime_id", "sequence"]
    RUNTIME_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    runtime_id: str
    sequence: int
    def __init__(self, runtime_id: _Optional[str] = ..., run_id: _Optional[str] = ..., sequence: _Optional[int] = ...) -> None: ...

class LoadBoundaryReceiptResponse(_message.Message):
    __slots__ = ["found", "receipt"]
    FOUND_FIELD_NUMBER: _ClassVar[int]
    RECEIPT_FIELD_NUMBER: _ClassVar[int]
    found: bool
    receipt: _runtime_pb2.RunBoundaryReceipt
    def __init__(self, found: bool = ..., receipt: _Optional[_Union[_runtime_pb2.RunBoundaryReceipt, _Mapping]] = ...) -> None: ...

class PublishEventRequest(_message.Message):
    __slots__ = ["envelope"]
    ENVELOPE_FIELD_NUMBER: _ClassVar[int]
    envelope: _events_pb2.RuntimeEventEnvelope
    def __init__(self, envelope: _Optional[_Union[_events_pb2.RuntimeEventEnvelope, _Mapping]] = ...) -> None: ...

class PublishEventResponse(_message.Message):
    __slots__ = ["event_id", "position", "sequence"]
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    position: int
    sequence: int
    def __init__(self, position: _Optional[int] = ..., sequence: _Optional[int] = ..., event_id: _Optional[str] = ...) -> None: ...

class RecoverRequest(_message.Message):
    __slots__ = ["runtime_id"]
    RUNTIME_ID_FIELD_NUMBER: _ClassVar[int]
    runtime_id: str
    def __init__(self, runtime_id: _Optional[str] = ...) -> None: ...

class RecoverResponse(_message.Message):
    __slots__ = ["report"]
    REPORT_FIELD_NUMBER: _ClassVar[int]
    report: _runtime_pb2.RecoveryReport
    def __init__(self, report: _Optional[_Union[_runtime_pb2.RecoveryReport, _Mapping]] = ...) -> None: ...

class RecycleRequest(_message.Message):
    __slots__ = ["runtime_id"]
    RUNTIME_ID_FIELD_NUMBER: _ClassVar[int]
    runtime_id: str
    def __init__(self, runtime_id: _Optional[str] = ...) -> None: ...

class RecycleResponse(_message.Message):
    __slots__ = ["report"]
    REPORT_FIELD_NUMBER: _ClassVar[int]
    report: _runtime_pb2.RecycleReport
    def __init__(self, report: _Optional[_Union[_runtime_pb2.RecycleReport, _Mapping]] = ...) -> None: ...

class ResetRequest(_message.Message):
    __slots__ = ["runtime_id"]
    RUNTIME_ID_FIELD_NUMBER: _ClassVar[int]
    runtime_id: str
    def __init__(self, runtime_id: _Optional[str] = ...) -> None: ...

class ResetResponse(_message.Message):
    __slots__ = ["report"]
    REPORT_FIELD_NUMBER: _ClassVar[int]
    report: _runtime_pb2.ResetReport
    def __init__(self, report: _Optional[_Union[_runtime_pb2.ResetReport, _Mapping]] = ...) -> None: ...

class RetireRequest(_message.Message):
    __slots__ = ["runtime_id"]
    RUNTIME_ID_FIELD_NUMBER: _ClassVar[int]
    runtime_id: str
    def __init__(self, runtime_id: _Optional[str] = ...) -> None: ...

class RetireResponse(_message.Message):
    __slots__ = ["report"]
    REPORT_FIELD_NUMBER: _ClassVar[int]
    report: _runtime_pb2.RetireReport
    def __init__(self, report: _Optional[_Union[_runtime_pb2.RetireReport, _Mapping]] = ...) -> None: ...
