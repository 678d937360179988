from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
SERVING_STATUS_DRAINING: ServingStatus
SERVING_STATUS_NOT_SERVING: ServingStatus
SERVING_STATUS_SERVICE_UNKNOWN: ServingStatus
SERVING_STATUS_SERVING: ServingStatus
SERVING_STATUS_UNSPECIFIED: ServingStatus
STORE_BACKEND_MEMORY: StoreBackend
STORE_BACKEND_SQLITE: StoreBackend
STORE_BACKEND_UNSPECIFIED: StoreBackend

class HealthCheckRequest(_message.Message):
    __slots__ = ["service"]
    SERVICE_FIELD_NUMBER: _ClassVar[int]
    service: str
    def __init__(self, service: _Optional[str] = ...) -> None: ...

class HealthCheckResponse(_message.Message):
    __slots__ = ["status"]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    status: ServingStatus
    def __init__(self, status: _Optional[_Union[ServingStatus, str]] = ...) -> None: ...

class ServerInfoRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ServerInfoResponse(_message.Message):
    __slots__ = ["attached_executors", "durable_subscribers", "failed_calls", "open_connections", "open_streams", "protocol_version", "server_version", "sessions", "sessions_with_executor", "started_at_unix_nanos", "store", "subscribers", "total_calls", "uptime_ms"]
    ATTACHED_EXECUTORS_FIELD_NUMBER: _ClassVar[int]
    DURABLE_SUBSCRIBERS_FIELD_NUMBER: _ClassVar[int]
    FAILED_CALLS_FIELD_NUMBER: _ClassVar[int]
    OPEN_CONNECTIONS_FIELD_NUMBER: _ClassVar[int]
    OPEN_STREAMS_FIELD_NUMBER: _ClassVar[int]
    PROTOCOL_VERSION_FIELD_NUMBER: _ClassVar[int]
    SERVER_VERSION_FIELD_NUMBER: _ClassVar[int]
    SESSIONS_FIELD_NUMBER: _ClassVar[int]
    SESSIONS_WITH_EXECUTOR_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_UNIX_NANOS_FIELD_NUMBER: _ClassVar[int]
    STORE_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIBERS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_CALLS_FIELD_NUMBER: _ClassVar[int]
    UPTIME_MS_FIELD_NUMBER: _ClassVar[int]
    attached_executors: int
    durable_subscribers: int
    failed_calls: int
    open_connections: int
    open_streams: int
    protocol_version: int
    server_version: str
    sessions: int
    sessions_with_executor: int
    started_at_unix_nanos: int
    store: StoreInfo
    subscribers: int
    total_calls: int
    uptime_ms: int
    def __init__(self, server_version: _Optional[str] = ..., protocol_version: _Optional[int] = ..., started_at_unix_nanos: _Optional[int] = ..., uptime_ms: _Optional[int] = ..., open_connections: _Optional[int] = ..., open_streams: _Optional[int] = ..., total_calls: _Optional[int] = ..., failed_calls: _Optional[int] = ..., sessions: _Optional[int] = ..., sessions_with_executor: _Optional[int] = ..., subscribers: _Optional[int] = ..., durable_subscribers: _Optional[int] = ..., attached_executors: _Optional[int] = ..., store: _Optional[_Union[StoreInfo, _Mapping]] = ...) -> None: ...

class StoreInfo(_message.Message):
    __slots__ = ["backend", "blob_count", "commit_batches", "committed_writes", "fsyncs", "head_position", "location", "max_batch_size", "oldest_position", "retained_events"]
    BACKEND_FIELD_NUMBER: _ClassVar[int]
    BLOB_COUNT_FIELD_NUMBER: _ClassVar[int]
    COMMITTED_WRITES_FIELD_NUMBER: _ClassVar[int]
    COMMIT_BATCHES_FIELD_NUMBER: _ClassVar[int]
    FSYNCS_FIELD_NUMBER: _ClassVar[int]
    HEAD_POSITION_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    MAX_BATCH_SIZE_FIELD_NUMBER: _ClassVar[int]
    OLDEST_POSITION_FIELD_NUMBER: _ClassVar[int]
    RETAINED_EVENTS_FIELD_NUMBER: _ClassVar[int]
    backend: StoreBackend
    blob_count: int
    commit_batches: int
    committed_writes: int
    fsyncs: int
    head_position: int
    location: str
    max_batch_size: int
    oldest_position: int
    retained_events: int
    def __init__(self, backend: _Optional[_Union[StoreBackend, str]] = ..., location: _Optional[str] = ..., commit_batches: _Optional[int] = ..., committed_writes: _Optional[int] = ..., max_batch_size: _Optional[int] = ..., fsyncs: _Optional[int] = ..., retained_events: _Optional[int] = ..., oldest_position: _Optional[int] = ..., head_position: _Optional[int] = ..., blob_count: _Optional[int] = ...) -> None: ...

class ServingStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class StoreBackend(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
