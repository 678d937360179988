from warren_client._proto.warren.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

COMMS_DRAIN_MODE_ATTACHED_SESSION: CommsDrainMode
COMMS_DRAIN_MODE_PERSISTENT_HOST: CommsDrainMode
COMMS_DRAIN_MODE_UNSPECIFIED: CommsDrainMode
COMMS_DRAIN_PHASE_EXITED_RESPAWNABLE: CommsDrainPhase
COMMS_DRAIN_PHASE_INACTIVE: CommsDrainPhase
COMMS_DRAIN_PHASE_RUNNING: CommsDrainPhase
COMMS_DRAIN_PHASE_STARTING: CommsDrainPhase
COMMS_DRAIN_PHASE_STOPPED: CommsDrainPhase
COMMS_DRAIN_PHASE_UNSPECIFIED: CommsDrainPhase
DESCRIPTOR: _descriptor.FileDescriptor
DRAIN_EXIT_REASON_ABORTED: DrainExitReason
DRAIN_EXIT_REASON_DISMISSED: DrainExitReason
DRAIN_EXIT_REASON_FAILED: DrainExitReason
DRAIN_EXIT_REASON_SESSION_SHUTDOWN: DrainExitReason
DRAIN_EXIT_REASON_UNSPECIFIED: DrainExitReason
PEER_INPUT_CLASS_ACK: PeerInputClass
PEER_INPUT_CLASS_ACTIONABLE_MESSAGE: PeerInputClass
PEER_INPUT_CLASS_ACTIONABLE_REQUEST: PeerInputClass
PEER_INPUT_CLASS_PEER_LIFECYCLE_ADDED: PeerInputClass
PEER_INPUT_CLASS_PEER_LIFECYCLE_KICKOFF_CANCELLED: PeerInputClass
PEER_INPUT_CLASS_PEER_LIFECYCLE_KICKOFF_FAILED: PeerInputClass
PEER_INPUT_CLASS_PEER_LIFECYCLE_RETIRED: PeerInputClass
PEER_INPUT_CLASS_PEER_LIFECYCLE_UNWIRED: PeerInputClass
PEER_INPUT_CLASS_PLAIN_EVENT: PeerInputClass
PEER_INPUT_CLASS_RESPONSE: PeerInputClass
PEER_INPUT_CLASS_SILENT_REQUEST: PeerInputClass
PEER_INPUT_CLASS_UNSPECIFIED: PeerInputClass
PEER_RESPONSE_STATUS_ACCEPTED: PeerResponseStatus
PEER_RESPONSE_STATUS_COMPLETED: PeerResponseStatus
PEER_RESPONSE_STATUS_FAILED: PeerResponseStatus
PEER_RESPONSE_STATUS_UNSPECIFIED: PeerResponseStatus

class CommsDrainState(_message.Message):
    __slots__ = ["comms_enabled", "keep_alive", "last_exit_reason", "mode", "phase", "session_id", "task_active"]
    COMMS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    KEEP_ALIVE_FIELD_NUMBER: _ClassVar[int]
    LAST_EXIT_REASON_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    PHASE_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    TASK_ACTIVE_FIELD_NUMBER: _ClassVar[int]
    comms_enabled: bool
    keep_alive: bool
    last_exit_reason: DrainExitReason
    mode: CommsDrainMode
    phase: CommsDrainPhase
    session_id: str
    task_active: bool
    def __init__(self, session_id: _Optional[str] = ..., phase: _Optional[_Union[CommsDrainPhase, str]] = ..., mode: _Optional[_Union[CommsDrainMode, str]] = ..., task_active: bool = ..., keep_alive: bool = ..., comms_enabled: bool = ..., last_exit_reason: _Optional[_Union[DrainExitReason, str]] = ...) -> None: ...

class InboxInteraction(_message.Message):
    __slots__ = ["content", "from_peer", "handling_mode", "interaction_id", "render_metadata", "rendered_text"]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    FROM_PEER_FIELD_NUMBER: _ClassVar[int]
    HANDLING_MODE_FIELD_NUMBER: _ClassVar[int]
    INTERACTION_ID_FIELD_NUMBER: _ClassVar[int]
    RENDERED_TEXT_FIELD_NUMBER: _ClassVar[int]
    RENDER_METADATA_FIELD_NUMBER: _ClassVar[int]
    content: InteractionContent
    from_peer: str
    handling_mode: _common_pb2.HandlingMode
    interaction_id: str
    render_metadata: _common_pb2.RenderMetadata
    rendered_text: str
    def __init__(self, interaction_id: _Optional[str] = ..., from_peer: _Optional[str] = ..., content: _Optional[_Union[InteractionContent, _Mapping]] = ..., rendered_text: _Optional[str] = ..., handling_mode: _Optional[_Union[_common_pb2.HandlingMode, str]] = ..., render_metadata: _Optional[_Union[_common_pb2.RenderMetadata, _Mapping]] = ...) -> None: ...

class InteractionComplete(_message.Message):
    __slots__ = ["result_text"]
    RESULT_TEXT_FIELD_NUMBER: _ClassVar[int]
    result_text: str
    def __init__(self, result_text: _Optional[str] = ...) -> None: ...

class InteractionContent(_message.Message):
    __slots__ = ["message", "request", "response"]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    RESPONSE_FIELD_NUMBER: _ClassVar[int]
    message: InteractionMessage
    request: InteractionRequest
    response: InteractionResponse
    def __init__(self, message: _Optional[_Union[InteractionMessage, _Mapping]] = ..., request: _Optional[_Union[InteractionRequest, _Mapping]] = ..., response: _Optional[_Union[InteractionResponse, _Mapping]] = ...) -> None: ...

class InteractionFailed(_message.Message):
    __slots__ = ["error_message"]
    ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    error_message: str
    def __init__(self, error_message: _Optional[str] = ...) -> None: ...

class InteractionMessage(_message.Message):
    __slots__ = ["blocks", "body"]
    BLOCKS_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    blocks: _containers.RepeatedCompositeFieldContainer[_common_pb2.ContentBlock]
    body: str
    def __init__(self, body: _Optional[str] = ..., blocks: _Optional[_Iterable[_Union[_common_pb2.ContentBlock, _Mapping]]] = ...) -> None: ...

class InteractionOutcome(_message.Message):
    __slots__ = ["callback_pending", "complete", "failed"]
    CALLBACK_PENDING_FIELD_NUMBER: _ClassVar[int]
    COMPLETE_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    callback_pending: _common_pb2.CallbackPending
    complete: InteractionComplete
    failed: InteractionFailed
    def __init__(self, complete: _Optional[_Union[InteractionComplete, _Mapping]] = ..., callback_pending: _Optional[_Union[_common_pb2.CallbackPending, _Mapping]] = ..., failed: _Optional[_Union[InteractionFailed, _Mapping]] = ...) -> None: ...

class InteractionRequest(_message.Message):
    __slots__ = ["intent", "params_json"]
    INTENT_FIELD_NUMBER: _ClassVar[int]
    PARAMS_JSON_FIELD_NUMBER: _ClassVar[int]
    intent: str
    params_json: bytes
    def __init__(self, intent: _Optional[str] = ..., params_json: _Optional[bytes] = ...) -> None: ...

class InteractionResponse(_message.Message):
    __slots__ = ["in_reply_to", "result_json", "status"]
    IN_REPLY_TO_FIELD_NUMBER: _ClassVar[int]
    RESULT_JSON_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    in_reply_to: str
    result_json: bytes
    status: PeerResponseStatus
    def __init__(self, in_reply_to: _Optional[str] = ..., status: _Optional[_Union[PeerResponseStatus, str]] = ..., result_json: _Optional[bytes] = ...) -> None: ...

class PeerInputCandidate(_message.Message):
    __slots__ = ["input_class", "interaction", "lifecycle_peer"]
    INPUT_CLASS_FIELD_NUMBER: _ClassVar[int]
    INTERACTION_FIELD_NUMBER: _ClassVar[int]
    LIFECYCLE_PEER_FIELD_NUMBER: _ClassVar[int]
    input_class: PeerInputClass
    interaction: InboxInteraction
    lifecycle_peer: str
    def __init__(self, interaction: _Optional[_Union[InboxInteraction, _Mapping]] = ..., input_class: _Optional[_Union[PeerInputClass, str]] = ..., lifecycle_peer: _Optional[str] = ...) -> None: ...

class CommsDrainPhase(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class CommsDrainMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class DrainExitReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class PeerInputClass(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class PeerResponseStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
