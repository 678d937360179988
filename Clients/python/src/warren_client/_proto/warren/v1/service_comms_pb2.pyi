from warren_client._proto.warren.v1 import comms_pb2 as _comms_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SendPeerRequest(_message.Message):
    __slots__ = ["candidate", "session_id", "wait_for_completion"]
    CANDIDATE_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    WAIT_FOR_COMPLETION_FIELD_NUMBER: _ClassVar[int]
    candidate: _comms_pb2.PeerInputCandidate
    session_id: str
    wait_for_completion: bool
    def __init__(self, session_id: _Optional[str] = ..., candidate: _Optional[_Union[_comms_pb2.PeerInputCandidate, _Mapping]] = ..., wait_for_completion: bool = ...) -> None: ...

class SendPeerResponse(_message.Message):
    __slots__ = ["inbox_depth", "input_class", "interaction_id", "outcome"]
    INBOX_DEPTH_FIELD_NUMBER: _ClassVar[int]
    INPUT_CLASS_FIELD_NUMBER: _ClassVar[int]
    INTERACTION_ID_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    inbox_depth: int
    input_class: _comms_pb2.PeerInputClass
    interaction_id: str
    outcome: _comms_pb2.InteractionOutcome
    def __init__(self, interaction_id: _Optional[str] = ..., input_class: _Optional[_Union[_comms_pb2.PeerInputClass, str]] = ..., inbox_depth: _Optional[int] = ..., outcome: _Optional[_Union[_comms_pb2.InteractionOutcome, _Mapping]] = ...) -> None: ...
