// Package frame is the Warren framing (PROTOCOL.md "Framing"): the preface, the 10-byte frame header,
// the checks a receiver makes on a header before reading its payload, and frame encoding.
package frame

import (
	"encoding/binary"
	"fmt"
)

// HeaderSize is the size of a frame header: length u32, type u8, flags u8, stream id u32.
const HeaderSize = 10

// ProtocolVersion is the version of the protocol this package speaks.
const ProtocolVersion = 1

// MinMaxFrameSize is the smallest maximum frame size a peer may announce, and the size a sender keeps to
// until it has the peer's SETTINGS.
const MinMaxFrameSize = 16384

// DefaultWindow is a flow-control window that SETTINGS leave unannounced (0).
const DefaultWindow = 65535

// MaxWindow is the largest window and WINDOW_UPDATE increment, 2^31-1.
const MaxWindow = 1<<31 - 1

// Preface is the 8 bytes a client writes first: "WRN\0", version 1, two reserved zero bytes.
var Preface = [8]byte{0x57, 0x52, 0x4E, 0x00, 0x00, ProtocolVersion, 0x00, 0x00}

// Type is a frame type byte.
type Type uint8

// The frame types; any other value is an unknown type, read and ignored.
const (
	Settings     Type = 0
	Headers      Type = 1
	Message      Type = 2
	Trailers     Type = 3
	Cancel       Type = 4
	WindowUpdate Type = 5
	Ping         Type = 6
	GoAway       Type = 7
)

var typeNames = [...]string{"SETTINGS", "HEADERS", "MESSAGE", "TRAILERS", "CANCEL", "WINDOW_UPDATE", "PING", "GOAWAY"}

// String names the type as PROTOCOL.md does.
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return fmt.Sprintf("type %d", uint8(t))
}

// Flags are a frame's flag bits; their meaning depends on the type.
type Flags uint8

// The flags. END_STREAM and ACK share bit 0x01; the type says which it is.
const (
	EndStream  Flags = 0x01 // HEADERS, MESSAGE: the sender sends nothing more on this stream
	Ack        Flags = 0x01 // SETTINGS, PING: acknowledges the peer's frame
	Compressed Flags = 0x02 // MESSAGE: the payload is a zlib stream
)

// Header is a parsed frame header.
type Header struct {
	Length   uint32
	Type     Type
	Flags    Flags
	StreamID uint32
}

// ParseHeader reads a header from the first HeaderSize bytes of b.
func ParseHeader(b []byte) Header {
	return Header{
		Length:   binary.BigEndian.Uint32(b[0:4]),
		Type:     Type(b[4]),
		Flags:    Flags(b[5]),
		StreamID: binary.BigEndian.Uint32(b[6:10]),
	}
}

// Error is a header that breaks a framing rule: a connection error answered with GOAWAY.
type Error struct {
	// TooLarge is set when the rule broken is the maximum frame size (GOAWAY FRAME_TOO_LARGE rather
	// than PROTOCOL_ERROR).
	TooLarge bool
	// Reason describes the rule.
	Reason string
	// Header is the offending header.
	Header Header
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s frame on stream %d: %s", e.Header.Type, e.Header.StreamID, e.Reason)
}

func allowedFlags(t Type) Flags {
	switch t {
	case Settings, Ping:
		return Ack
	case Headers:
		return EndStream
	case Message:
		return EndStream | Compressed
	default:
		return 0
	}
}

func fixedLength(h Header) (uint32, bool) {
	switch h.Type {
	case Ping:
		return 8, true
	case WindowUpdate:
		return 4, true
	case Cancel:
		return 0, true
	case Settings:
		return 0, h.Flags&Ack != 0
	default:
		return 0, false
	}
}

// Check validates a header in PROTOCOL.md's order (length, fixed lengths, flags, stream id) against the
// receiver's maximum frame size; nil when it is valid. Unknown types are checked for length only.
func (h Header) Check(maxFrameSize uint32) error {
	fail := func(tooLarge bool, reason string) error { return &Error{TooLarge: tooLarge, Reason: reason, Header: h} }
	if h.Length > maxFrameSize {
		return fail(true, fmt.Sprintf("length %d is over the maximum frame size %d", h.Length, maxFrameSize))
	}
	if h.Type > GoAway {
		return nil
	}
	if fixed, ok := fixedLength(h); ok && h.Length != fixed {
		return fail(false, fmt.Sprintf("length %d, the type's fixed length is %d", h.Length, fixed))
	}
	if h.Flags&^allowedFlags(h.Type) != 0 {
		return fail(false, fmt.Sprintf("flags 0x%02x not allowed", uint8(h.Flags)))
	}
	odd := h.StreamID&1 == 1
	switch h.Type {
	case Settings, Ping, GoAway:
		if h.StreamID != 0 {
			return fail(false, "a connection frame must be on stream 0")
		}
	case WindowUpdate:
		if h.StreamID != 0 && !odd {
			return fail(false, "WINDOW_UPDATE must be on stream 0 or an odd stream")
		}
	default:
		if !odd {
			return fail(false, "a call frame must be on an odd stream")
		}
	}
	return nil
}

// AppendHeader appends the 10 header bytes.
func AppendHeader(dst []byte, h Header) []byte {
	dst = binary.BigEndian.AppendUint32(dst, h.Length)
	dst = append(dst, byte(h.Type), byte(h.Flags))
	return binary.BigEndian.AppendUint32(dst, h.StreamID)
}

// Append appends a whole frame.
func Append(dst []byte, t Type, flags Flags, streamID uint32, payload []byte) []byte {
	dst = AppendHeader(dst, Header{Length: uint32(len(payload)), Type: t, Flags: flags, StreamID: streamID})
	return append(dst, payload...)
}

// AppendWindowUpdate appends a WINDOW_UPDATE granting increment (1 to 2^31-1) bytes on streamID.
func AppendWindowUpdate(dst []byte, streamID uint32, increment uint32) []byte {
	return Append(dst, WindowUpdate, 0, streamID, binary.BigEndian.AppendUint32(nil, increment))
}
