from warren_client._proto.warren.v1 import errors_pb2 as _errors_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
GO_AWAY_CODE_BAD_PREFACE: GoAwayCode
GO_AWAY_CODE_FLOW_CONTROL_ERROR: GoAwayCode
GO_AWAY_CODE_FRAME_TOO_LARGE: GoAwayCode
GO_AWAY_CODE_INTERNAL_ERROR: GoAwayCode
GO_AWAY_CODE_NO_ERROR: GoAwayCode
GO_AWAY_CODE_PROTOCOL_ERROR: GoAwayCode
GO_AWAY_CODE_SHUTDOWN: GoAwayCode
GO_AWAY_CODE_UNAUTHENTICATED: GoAwayCode
GO_AWAY_CODE_UNSPECIFIED: GoAwayCode
GO_AWAY_CODE_UNSUPPORTED_VERSION: GoAwayCode
STATUS_CODE_ABORTED: StatusCode
STATUS_CODE_ALREADY_EXISTS: StatusCode
STATUS_CODE_CANCELLED: StatusCode
STATUS_CODE_DATA_LOSS: StatusCode
STATUS_CODE_DEADLINE_EXCEEDED: StatusCode
STATUS_CODE_FAILED_PRECONDITION: StatusCode
STATUS_CODE_INTERNAL: StatusCode
STATUS_CODE_INVALID_ARGUMENT: StatusCode
STATUS_CODE_NOT_FOUND: StatusCode
STATUS_CODE_OK: StatusCode
STATUS_CODE_OUT_OF_RANGE: StatusCode
STATUS_CODE_PERMISSION_DENIED: StatusCode
STATUS_CODE_RESOURCE_EXHAUSTED: StatusCode
STATUS_CODE_UNAUTHENTICATED: StatusCode
STATUS_CODE_UNAVAILABLE: StatusCode
STATUS_CODE_UNIMPLEMENTED: StatusCode
STATUS_CODE_UNKNOWN: StatusCode

class CallHeaders(_message.Message):
    __slots__ = ["message_encoding", "metadata", "method", "timeout_ms"]
    class MetadataEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    MESSAGE_ENCODING_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    TIMEOUT_MS_FIELD_NUMBER: _ClassVar[int]
    message_encoding: str
    metadata: _containers.ScalarMap[str, str]
    method: str
    timeout_ms: int
    def __init__(self, method: _Optional[str] = ..., timeout_ms: _Optional[int] = ..., metadata: _Optional[_Mapping[str, str]] = ..., message_encoding: _Optional[str] = ...) -> None: ...

class GoAway(_message.Message):
    __slots__ = ["code", "last_stream_id", "message"]
    CODE_FIELD_NUMBER: _ClassVar[int]
    LAST_STREAM_ID_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    code: GoAwayCode
    last_stream_id: int
    message: str
    def __init__(self, last_stream_id: _Optional[int] = ..., code: _Optional[_Union[GoAwayCode, str]] = ..., message: _Optional[str] = ...) -> None: ...

class ResponseHeaders(_message.Message):
    __slots__ = ["message_encoding", "metadata"]
    class MetadataEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    MESSAGE_ENCODING_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    message_encoding: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, metadata: _Optional[_Mapping[str, str]] = ..., message_encoding: _Optional[str] = ...) -> None: ...

class Settings(_message.Message):
    __slots__ = ["initial_connection_window", "initial_stream_window", "max_concurrent_streams", "max_frame_size", "max_message_size", "protocol_version", "server_version", "supported_encodings"]
    INITIAL_CONNECTION_WINDOW_FIELD_NUMBER: _ClassVar[int]
    INITIAL_STREAM_WINDOW_FIELD_NUMBER: _ClassVar[int]
    MAX_CONCURRENT_STREAMS_FIELD_NUMBER: _ClassVar[int]
    MAX_FRAME_SIZE_FIELD_NUMBER: _ClassVar[int]
    MAX_MESSAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PROTOCOL_VERSION_FIELD_NUMBER: _ClassVar[int]
    SERVER_VERSION_FIELD_NUMBER: _ClassVar[int]
    SUPPORTED_ENCODINGS_FIELD_NUMBER: _ClassVar[int]
    initial_connection_window: int
    initial_stream_window: int
    max_concurrent_streams: int
    max_frame_size: int
    max_message_size: int
    protocol_version: int
    server_version: str
    supported_encodings: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, max_frame_size: _Optional[int] = ..., max_concurrent_streams: _Optional[int] = ..., initial_stream_window: _Optional[int] = ..., initial_connection_window: _Optional[int] = ..., max_message_size: _Optional[int] = ..., server_version: _Optional[str] = ..., protocol_version: _Optional[int] = ..., supported_encodings: _Optional[_Iterable[str]] = ...) -> None: ...

class Status(_message.Message):
    __slots__ = ["code", "details", "message", "metadata"]
    class MetadataEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CODE_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    code: StatusCode
    details: _errors_pb2.ErrorDetail
    message: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, code: _Optional[_Union[StatusCode, str]] = ..., message: _Optional[str] = ..., details: _Optional[_Union[_errors_pb2.ErrorDetail, _Mapping]] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class StatusCode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class GoAwayCode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
