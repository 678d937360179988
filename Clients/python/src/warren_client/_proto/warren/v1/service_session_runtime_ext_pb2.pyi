from warren_client._proto.warren.v1 import common_pb2 as _common_pb2
from warren_client._proto.warren.v1 import input_pb2 as _input_pb2
from warren_client._proto.warren.v1 import runtime_pb2 as _runtime_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AcceptInputRequest(_message.Message):
    __slots__ = ["input", "session_id"]
    INPUT_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    input: _input_pb2.Input
    session_id: str
    def __init__(self, session_id: _Optional[str] = ..., input: _Optional[_Union[_input_pb2.Input, _Mapping]] = ...) -> None: ...

class AcceptInputResponse(_message.Message):
    __slots__ = ["outcome"]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    outcome: _input_pb2.AcceptOutcome
    def __init__(self, outcome: _Optional[_Union[_input_pb2.AcceptOutcome, _Mapping]] = ...) -> None: ...

class AcceptInputWithCompletionRequest(_message.Message):
    __slots__ = ["input", "session_id"]
    INPUT_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    input: _input_pb2.Input
    session_id: str
    def __init__(self, session_id: _Optional[str] = ..., input: _Optional[_Union[_input_pb2.Input, _Mapping]] = ...) -> None: ...

class AcceptInputWithCompletionResponse(_message.Message):
    __slots__ = ["accept_outcome", "completion", "completion_follows"]
    ACCEPT_OUTCOME_FIELD_NUMBER: _ClassVar[int]
    COMPLETION_FIELD_NUMBER: _ClassVar[int]
    COMPLETION_FOLLOWS_FIELD_NUMBER: _ClassVar[int]
    accept_outcome: _input_pb2.AcceptOutcome
    completion: _runtime_pb2.CompletionOutcome
    completion_follows: bool
    def __init__(self, completion_follows: bool = ..., accept_outcome: _Optional[_Union[_input_pb2.AcceptOutcome, _Mapping]] = ..., completion: _Optional[_Union[_runtime_pb2.CompletionOutcome, _Mapping]] = ...) -> None: ...

class InputStateRequest(_message.Message):
    __slots__ = ["input_id", "session_id"]
    INPUT_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    input_id: str
    session_id: str
    def __init__(self, session_id: _Optional[str] = ..., input_id: _Optional[str] = ...) -> None: ...

class InputStateResponse(_message.Message):
    __slots__ = ["found", "state"]
    FOUND_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    found: bool
    state: _input_pb2.InputState
    def __init__(self, found: bool = ..., state: _Optional[_Union[_input_pb2.InputState, _Mapping]] = ...) -> None: ...

class ListActiveInputsRequest(_message.Message):
    __slots__ = ["session_id"]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    def __init__(self, session_id: _Optional[str] = ...) -> None: ...

class ListActiveInputsResponse(_message.Message):
    __slots__ = ["input_ids"]
    INPUT_IDS_FIELD_NUMBER: _ClassVar[int]
    input_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, input_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class ResetRuntimeRequest(_message.Message):
    __slots__ = ["session_id"]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    def __init__(self, session_id: _Optional[str] = ...) -> None: ...

class ResetRuntimeResponse(_message.Message):
    __slots__ = ["report"]
    REPORT_FIELD_NUMBER: _ClassVar[int]
    report: _runtime_pb2.ResetReport
    def __init__(self, report: _Optional[_Union[_runtime_pb2.ResetReport, _Mapping]] = ...) -> None: ...

class RetireRuntimeRequest(_message.Message):
    __slots__ = ["session_id"]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    def __init__(self, session_id: _Optional[str] = ...) -> None: ...

class RetireRuntimeResponse(_message.Message):
    __slots__ = ["report"]
    REPORT_FIELD_NUMBER: _ClassVar[int]
    report: _runtime_pb2.RetireReport
    def __init__(self, report: _Optional[_Union[_runtime_pb2.RetireReport, _Mapping]] = ...) -> None: ...

class RuntimeModeRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class RuntimeModeResponse(_message.Message):
    __slots__ = ["mode"]
    MODE_FIELD_NUMBER: _ClassVar[int]
    mode: _runtime_pb2.RuntimeMode
    def __init__(self, mode: _Optional[_Union[_runtime_pb2.RuntimeMode, str]] = ...) -> None: ...

class SessionRuntimeStateRequest(_message.Message):
    __slots__ = ["session_id"]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    def __init__(self, session_id: _Optional[str] = ...) -> None: ...

class SessionRuntimeStateResponse(_message.Message):
    __slots__ = ["current_run_id", "state"]
    CURRENT_RUN_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    current_run_id: str
    state: _common_pb2.RuntimeState
    def __init__(self, state: _Optional[_Union[_common_pb2.RuntimeState, str]] = ..., current_run_id: _Optional[str] = ...) -> None: ...
