package warren

import (
	"context"
	"errors"
	"fmt"

	"warren.dev/warren/clients/go/warrenpb"
)

// Code is a call's status code, numbered as gRPC's (the wire's warren.v1.StatusCode).
type Code uint32

// The status codes. Failures the client finds itself use the same codes: Unavailable when the server
// cannot be reached or the connection is lost, DeadlineExceeded when the context's deadline passes,
// Cancelled when the context is cancelled, ResourceExhausted for a request over the server's limits,
// Internal when the server breaks the protocol.
const (
	OK                 Code = 0
	Cancelled          Code = 1
	Unknown            Code = 2
	InvalidArgument    Code = 3
	DeadlineExceeded   Code = 4
	NotFound           Code = 5
	AlreadyExists      Code = 6
	PermissionDenied   Code = 7
	ResourceExhausted  Code = 8
	FailedPrecondition Code = 9
	Aborted            Code = 10
	OutOfRange         Code = 11
	Unimplemented      Code = 12
	Internal           Code = 13
	Unavailable        Code = 14
	DataLoss           Code = 15
	Unauthenticated    Code = 16
)

var codeNames = [...]string{
	"OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
	"PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
	"UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
}

// String returns the code's name as in PROTOCOL.md, e.g. "NOT_FOUND".
func (c Code) String() string {
	if int(c) < len(codeNames) {
		return codeNames[c]
	}
	return fmt.Sprintf("CODE_%d", uint32(c))
}

// Error is a call that did not end OK: its status code, the server's message and its typed detail.
type Error struct {
	// Code is the status code (never OK).
	Code Code
	// Message says what went wrong, for people.
	Message string
	// Detail is the server's machine-readable ErrorDetail (kind, runtime state, ids...); nil when it
	// sent none or the failure was found by the client.
	Detail *warrenpb.ErrorDetail
}

// Error formats the code and the message, e.g. "NOT_FOUND: session ... is not registered".
func (e *Error) Error() string {
	if e.Message == "" {
		return e.Code.String()
	}
	return e.Code.String() + ": " + e.Message
}

// Is makes errors.Is(err, &warren.Error{Code: c}) match any *Error with code c.
func (e *Error) Is(target error) bool {
	var other *Error
	return errors.As(target, &other) && other.Code == e.Code && other.Message == "" && other.Detail == nil
}

// CodeOf returns the status code of err: OK for nil, the code of an *Error (wrapped or not),
// DeadlineExceeded or Cancelled for the context errors, Unknown otherwise.
func CodeOf(err error) Code {
	var e *Error
	switch {
	case err == nil:
		return OK
	case errors.As(err, &e):
		return e.Code
	case errors.Is(err, context.DeadlineExceeded):
		return DeadlineExceeded
	case errors.Is(err, context.Canceled):
		return Cancelled
	default:
		return Unknown
	}
}

// DetailOf returns the server's ErrorDetail carried by err, or nil.
func DetailOf(err error) *warrenpb.ErrorDetail {
	var e *Error
	if errors.As(err, &e) {
		return e.Detail
	}
	return nil
}

// asError returns err as an *Error, wrapping other errors as Unknown.
func asError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Code: CodeOf(err), Message: err.Error()}
}

// errorf makes an *Error found by the client.
func errorf(code Code, format string, arguments ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, arguments...)}
}

// statusError turns TRAILERS into nil (OK) or an *Error.
func statusError(status *warrenpb.Status) error {
	if status.GetCode() == warrenpb.StatusCode_STATUS_CODE_OK {
		return nil
	}
	return &Error{Code: Code(status.GetCode()), Message: status.GetMessage(), Detail: status.GetDetails()}
}
