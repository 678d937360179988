from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
HANDLING_MODE_QUEUE: HandlingMode
HANDLING_MODE_STEER: HandlingMode
HANDLING_MODE_UNSPECIFIED: HandlingMode
INPUT_LIFECYCLE_STATE_ABANDONED: InputLifecycleState
INPUT_LIFECYCLE_STATE_ACCEPTED: InputLifecycleState
INPUT_LIFECYCLE_STATE_APPLIED: InputLifecycleState
INPUT_LIFECYCLE_STATE_APPLIED_PENDING_CONSUMPTION: InputLifecycleState
INPUT_LIFECYCLE_STATE_COALESCED: InputLifecycleState
INPUT_LIFECYCLE_STATE_CONSUMED: InputLifecycleState
INPUT_LIFECYCLE_STATE_QUEUED: InputLifecycleState
INPUT_LIFECYCLE_STATE_STAGED: InputLifecycleState
INPUT_LIFECYCLE_STATE_SUPERSEDED: InputLifecycleState
INPUT_LIFECYCLE_STATE_UNSPECIFIED: InputLifecycleState
RENDER_CLASS_CONTINUATION: RenderClass
RENDER_CLASS_EXTERNAL_EVENT: RenderClass
RENDER_CLASS_FLOW_STEP: RenderClass
RENDER_CLASS_OPS_PROGRESS: RenderClass
RENDER_CLASS_PEER_MESSAGE: RenderClass
RENDER_CLASS_PEER_REQUEST: RenderClass
RENDER_CLASS_PEER_RESPONSE: RenderClass
RENDER_CLASS_SYSTEM_NOTICE: RenderClass
RENDER_CLASS_TOOL_SCOPE_NOTICE: RenderClass
RENDER_CLASS_UNSPECIFIED: RenderClass
RENDER_CLASS_USER_PROMPT: RenderClass
RENDER_SALIENCE_BACKGROUND: RenderSalience
RENDER_SALIENCE_IMPORTANT: RenderSalience
RENDER_SALIENCE_NORMAL: RenderSalience
RENDER_SALIENCE_UNSPECIFIED: RenderSalience
RENDER_SALIENCE_URGENT: RenderSalience
RUNTIME_EXECUTION_KIND_CONTENT_TURN: RuntimeExecutionKind
RUNTIME_EXECUTION_KIND_RESUME_PENDING: RuntimeExecutionKind
RUNTIME_EXECUTION_KIND_UNSPECIFIED: RuntimeExecutionKind
RUNTIME_STATE_ATTACHED: RuntimeState
RUNTIME_STATE_DESTROYED: RuntimeState
RUNTIME_STATE_IDLE: RuntimeState
RUNTIME_STATE_INITIALIZING: RuntimeState
RUNTIME_STATE_RECOVERING: RuntimeState
RUNTIME_STATE_RETIRED: RuntimeState
RUNTIME_STATE_RUNNING: RuntimeState
RUNTIME_STATE_STOPPED: RuntimeState
RUNTIME_STATE_UNSPECIFIED: RuntimeState
RUN_APPLY_BOUNDARY_IMMEDIATE: RunApplyBoundary
RUN_APPLY_BOUNDARY_RUN_CHECKPOINT: RunApplyBoundary
RUN_APPLY_BOUNDARY_RUN_START: RunApplyBoundary
RUN_APPLY_BOUNDARY_UNSPECIFIED: RunApplyBoundary

class BoolValue(_message.Message):
    __slots__ = ["value"]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    value: bool
    def __init__(self, value: bool = ...) -> None: ...

class CallbackPending(_message.Message):
    __slots__ = ["args_json", "tool_name"]
    ARGS_JSON_FIELD_NUMBER: _ClassVar[int]
    TOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    args_json: bytes
    tool_name: str
    def __init__(self, tool_name: _Optional[str] = ..., args_json: _Optional[bytes] = ...) -> None: ...

class ContentBlock(_message.Message):
    __slots__ = ["image", "text", "video"]
    IMAGE_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    VIDEO_FIELD_NUMBER: _ClassVar[int]
    image: ContentBlockImage
    text: ContentBlockText
    video: ContentBlockVideo
    def __init__(self, text: _Optional[_Union[ContentBlockText, _Mapping]] = ..., image: _Optional[_Union[ContentBlockImage, _Mapping]] = ..., video: _Optional[_Union[ContentBlockVideo, _Mapping]] = ...) -> None: ...

class ContentBlockImage(_message.Message):
    __slots__ = ["blob_id", "inline_data", "media_type"]
    BLOB_ID_FIELD_NUMBER: _ClassVar[int]
    INLINE_DATA_FIELD_NUMBER: _ClassVar[int]
    MEDIA_TYPE_FIELD_NUMBER: _ClassVar[int]
    blob_id: str
    inline_data: str
    media_type: str
    def __init__(self, media_type: _Optional[str] = ..., inline_data: _Optional[str] = ..., blob_id: _Optional[str] = ...) -> None: ...

class ContentBlockText(_message.Message):
    __slots__ = ["text"]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    text: str
    def __init__(self, text: _Optional[str] = ...) -> None: ...

class ContentBlockVideo(_message.Message):
    __slots__ = ["duration_ms", "inline_data", "media_type"]
    DURATION_MS_FIELD_NUMBER: _ClassVar[int]
    INLINE_DATA_FIELD_NUMBER: _ClassVar[int]
    MEDIA_TYPE_FIELD_NUMBER: _ClassVar[int]
    duration_ms: int
    inline_data: str
    media_type: str
    def __init__(self, media_type: _Optional[str] = ..., duration_ms: _Optional[int] = ..., inline_data: _Optional[str] = ...) -> None: ...

class DoubleValue(_message.Message):
    __slots__ = ["value"]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    value: float
    def __init__(self, value: _Optional[float] = ...) -> None: ...

class RenderMetadata(_message.Message):
    __slots__ = ["render_class", "salience"]
    RENDER_CLASS_FIELD_NUMBER: _ClassVar[int]
    SALIENCE_FIELD_NUMBER: _ClassVar[int]
    render_class: RenderClass
    salience: RenderSalience
    def __init__(self, render_class: _Optional[_Union[RenderClass, str]] = ..., salience: _Optional[_Union[RenderSalience, str]] = ...) -> None: ...

class RunResult(_message.Message):
    __slots__ = ["schema_warnings", "session_id", "skill_diagnostics_json", "structured_output_json", "text", "tool_calls", "turns", "usage"]
    SCHEMA_WARNINGS_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_DIAGNOSTICS_JSON_FIELD_NUMBER: _ClassVar[int]
    STRUCTURED_OUTPUT_JSON_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    TOOL_CALLS_FIELD_NUMBER: _ClassVar[int]
    TURNS_FIELD_NUMBER: _ClassVar[int]
    USAGE_FIELD_NUMBER: _ClassVar[int]
    schema_warnings: _containers.RepeatedCompositeFieldContainer[SchemaWarning]
    session_id: str
    skill_diagnostics_json: bytes
    structured_output_json: bytes
    text: str
    tool_calls: int
    turns: int
    usage: Usage
    def __init__(self, text: _Optional[str] = ..., session_id: _Optional[str] = ..., usage: _Optional[_Union[Usage, _Mapping]] = ..., turns: _Optional[int] = ..., tool_calls: _Optional[int] = ..., structured_output_json: _Optional[bytes] = ..., schema_warnings: _Optional[_Iterable[_Union[SchemaWarning, _Mapping]]] = ..., skill_diagnostics_json: _Optional[bytes] = ...) -> None: ...

class RuntimeTurnMetadata(_message.Message):
    __slots__ = ["additional_instructions", "execution_kind", "flow_tool_overlay_json", "handling_mode", "keep_alive", "model", "provider", "provider_params_json", "render_metadata", "skill_references"]
    ADDITIONAL_INSTRUCTIONS_FIELD_NUMBER: _ClassVar[int]
    EXECUTION_KIND_FIELD_NUMBER: _ClassVar[int]
    FLOW_TOOL_OVERLAY_JSON_FIELD_NUMBER: _ClassVar[int]
    HANDLING_MODE_FIELD_NUMBER: _ClassVar[int]
    KEEP_ALIVE_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_PARAMS_JSON_FIELD_NUMBER: _ClassVar[int]
    RENDER_METADATA_FIELD_NUMBER: _ClassVar[int]
    SKILL_REFERENCES_FIELD_NUMBER: _ClassVar[int]
    additional_instructions: _containers.RepeatedScalarFieldContainer[str]
    execution_kind: RuntimeExecutionKind
    flow_tool_overlay_json: bytes
    handling_mode: HandlingMode
    keep_alive: BoolValue
    model: str
    provider: str
    provider_params_json: bytes
    render_metadata: RenderMetadata
    skill_references: _containers.RepeatedCompositeFieldContainer[SkillKey]
    def __init__(self, handling_mode: _Optional[_Union[HandlingMode, str]] = ..., keep_alive: _Optional[_Union[BoolValue, _Mapping]] = ..., skill_references: _Optional[_Iterable[_Union[SkillKey, _Mapping]]] = ..., flow_tool_overlay_json: _Optional[bytes] = ..., additional_instructions: _Optional[_Iterable[str]] = ..., model: _Optional[str] = ..., provider: _Optional[str] = ..., provider_params_json: _Optional[bytes] = ..., render_metadata: _Optional[_Union[RenderMetadata, _Mapping]] = ..., execution_kind: _Optional[_Union[RuntimeExecutionKind, str]] = ...) -> None: ...

class SchemaWarning(_message.Message):
    __slots__ = ["message", "path", "provider"]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    message: str
    path: str
    provider: str
    def __init__(self, provider: _Optional[str] = ..., path: _Optional[str] = ..., message: _Optional[str] = ...) -> None: ...

class SkillKey(_message.Message):
    __slots__ = ["skill_name", "source_uuid"]
    SKILL_NAME_FIELD_NUMBER: _ClassVar[int]
    SOURCE_UUID_FIELD_NUMBER: _ClassVar[int]
    skill_name: str
    source_uuid: str
    def __init__(self, source_uuid: _Optional[str] = ..., skill_name: _Optional[str] = ...) -> None: ...

class UInt64Value(_message.Message):
    __slots__ = ["value"]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    value: int
    def __init__(self, value: _Optional[int] = ...) -> None: ...

class Usage(_message.Message):
    __slots__ = ["cache_creation_tokens", "cache_read_tokens", "input_tokens", "output_tokens"]
    CACHE_CREATION_TOKENS_FIELD_NUMBER: _ClassVar[int]
    CACHE_READ_TOKENS_FIELD_NUMBER: _ClassVar[int]
    INPUT_TOKENS_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_TOKENS_FIELD_NUMBER: _ClassVar[int]
    cache_creation_tokens: UInt64Value
    cache_read_tokens: UInt64Value
    input_tokens: int
    output_tokens: int
    def __init__(self, input_tokens: _Optional[int] = ..., output_tokens: _Optional[int] = ..., cache_creation_tokens: _Optional[_Union[UInt64Value, _Mapping]] = ..., cache_read_tokens: _Optional[_Union[UInt64Value, _Mapping]] = ...) -> None: ...

class RuntimeState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class InputLifecycleState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class HandlingMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class RunApplyBoundary(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class RuntimeExecutionKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class RenderClass(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class RenderSalience(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
