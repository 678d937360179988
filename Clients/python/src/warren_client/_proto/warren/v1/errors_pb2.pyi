from warren_client._proto.warren.v1 import common_pb2 as _common_pb2
from warren_client._proto.warren.v1 import input_pb2 as _input_pb2
from warren_client._proto.warren.v1 import ops_pb2 as _ops_pb2
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
ERROR_KIND_BLOB_DELETE_FAILED: ErrorKind
ERROR_KIND_BLOB_INTERNAL: ErrorKind
ERROR_KIND_BLOB_NOT_FOUND: ErrorKind
ERROR_KIND_BLOB_READ_FAILED: ErrorKind
ERROR_KIND_BLOB_UNSUPPORTED: ErrorKind
ERROR_KIND_BLOB_WRITE_FAILED: ErrorKind
ERROR_KIND_CANCELLED: ErrorKind
ERROR_KIND_COMMS_DRAIN_TRANSITION: ErrorKind
ERROR_KIND_COMMS_UNAVAILABLE: ErrorKind
ERROR_KIND_DEADLINE_EXCEEDED: ErrorKind
ERROR_KIND_DESTROYED: ErrorKind
ERROR_KIND_EXECUTOR_APPLY_FAILED: ErrorKind
ERROR_KIND_EXECUTOR_CONTROL_FAILED: ErrorKind
ERROR_KIND_EXECUTOR_DISCONNECTED: ErrorKind
ERROR_KIND_EXECUTOR_INTERNAL: ErrorKind
ERROR_KIND_EXECUTOR_NOT_FOUND: ErrorKind
ERROR_KIND_EXECUTOR_STOPPED: ErrorKind
ERROR_KIND_INPUT_GUARD_FAILED: ErrorKind
ERROR_KIND_INPUT_INVALID_TRANSITION: ErrorKind
ERROR_KIND_INPUT_NOT_FOUND: ErrorKind
ERROR_KIND_INPUT_TERMINAL_STATE: ErrorKind
ERROR_KIND_INTERNAL: ErrorKind
ERROR_KIND_INVALID_STATE: ErrorKind
ERROR_KIND_MALFORMED_MESSAGE: ErrorKind
ERROR_KIND_MESSAGE_TOO_LARGE: ErrorKind
ERROR_KIND_NOT_FOUND: ErrorKind
ERROR_KIND_NOT_READY: ErrorKind
ERROR_KIND_OPS_ALREADY_PEER_READY: ErrorKind
ERROR_KIND_OPS_ALREADY_REGISTERED: ErrorKind
ERROR_KIND_OPS_DUPLICATE_WAIT_OPERATION: ErrorKind
ERROR_KIND_OPS_INTERNAL: ErrorKind
ERROR_KIND_OPS_INVALID_TRANSITION: ErrorKind
ERROR_KIND_OPS_MAX_CONCURRENT_EXCEEDED: ErrorKind
ERROR_KIND_OPS_NOT_FOUND: ErrorKind
ERROR_KIND_OPS_PEER_NOT_EXPECTED: ErrorKind
ERROR_KIND_OPS_UNSUPPORTED: ErrorKind
ERROR_KIND_OPS_WAIT_ALREADY_ACTIVE: ErrorKind
ERROR_KIND_OPS_WAIT_NOT_ACTIVE: ErrorKind
ERROR_KIND_POSITION_OUT_OF_RANGE: ErrorKind
ERROR_KIND_PROTOCOL_VIOLATION: ErrorKind
ERROR_KIND_RECEIPT_MISMATCH: ErrorKind
ERROR_KIND_RUNTIME_STATE_TRANSITION: ErrorKind
ERROR_KIND_SESSION_NOT_FOUND: ErrorKind
ERROR_KIND_SHUTTING_DOWN: ErrorKind
ERROR_KIND_STORE_ERROR: ErrorKind
ERROR_KIND_STORE_INTERNAL: ErrorKind
ERROR_KIND_STORE_NOT_FOUND: ErrorKind
ERROR_KIND_STORE_READ_FAILED: ErrorKind
ERROR_KIND_STORE_WRITE_FAILED: ErrorKind
ERROR_KIND_SUBSCRIBER_CONFLICT: ErrorKind
ERROR_KIND_TOO_MANY_STREAMS: ErrorKind
ERROR_KIND_UNAUTHENTICATED: ErrorKind
ERROR_KIND_UNKNOWN_METHOD: ErrorKind
ERROR_KIND_UNSPECIFIED: ErrorKind
ERROR_KIND_VALIDATION_FAILED: ErrorKind

class ErrorDetail(_message.Message):
    __slots__ = ["active", "executor_name", "existing_input_id", "input_id", "input_state", "kind", "limit", "method", "operation_id", "operation_status", "reason", "reject_reason", "run_id", "runtime_id", "runtime_state", "session_id", "target_runtime_state"]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    EXECUTOR_NAME_FIELD_NUMBER: _ClassVar[int]
    EXISTING_INPUT_ID_FIELD_NUMBER: _ClassVar[int]
    INPUT_ID_FIELD_NUMBER: _ClassVar[int]
    INPUT_STATE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    OPERATION_ID_FIELD_NUMBER: _ClassVar[int]
    OPERATION_STATUS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REJECT_REASON_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_ID_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_STATE_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    TARGET_RUNTIME_STATE_FIELD_NUMBER: _ClassVar[int]
    active: int
    executor_name: str
    existing_input_id: str
    input_id: str
    input_state: _common_pb2.InputLifecycleState
    kind: ErrorKind
    limit: int
    method: str
    operation_id: str
    operation_status: _ops_pb2.OperationStatus
    reason: str
    reject_reason: _input_pb2.RejectReason
    run_id: str
    runtime_id: str
    runtime_state: _common_pb2.RuntimeState
    session_id: str
    target_runtime_state: _common_pb2.RuntimeState
    def __init__(self, kind: _Optional[_Union[ErrorKind, str]] = ..., runtime_state: _Optional[_Union[_common_pb2.RuntimeState, str]] = ..., input_id: _Optional[str] = ..., session_id: _Optional[str] = ..., runtime_id: _Optional[str] = ..., run_id: _Optional[str] = ..., operation_id: _Optional[str] = ..., existing_input_id: _Optional[str] = ..., input_state: _Optional[_Union[_common_pb2.InputLifecycleState, str]] = ..., target_runtime_state: _Optional[_Union[_common_pb2.RuntimeState, str]] = ..., operation_status: _Optional[_Union[_ops_pb2.OperationStatus, str]] = ..., reason: _Optional[str] = ..., reject_reason: _Optional[_Union[_input_pb2.RejectReason, _Mapping]] = ..., executor_name: _Optional[str] = ..., limit: _Optional[int] = ..., active: _Optional[int] = ..., method: _Optional[str] = ...) -> None: ...

class ErrorKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
