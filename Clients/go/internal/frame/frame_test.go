package frame

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"google.golang.org/protobuf/proto"

	"warren.dev/warren/clients/go/warrenpb"
)

// The worked examples of PROTOCOL.md "Framing".
func TestEncodingMatchesProtocolDocument(t *testing.T) {
	cases := []struct {
		name string
		got  []byte
		want []byte
	}{
		{"preface", Preface[:], []byte{0x57, 0x52, 0x4E, 0x00, 0x00, 0x01, 0x00, 0x00}},
		{"ping", Append(nil, Ping, 0, 0, []byte{1, 2, 3, 4, 5, 6, 7, 8}),
			[]byte{0, 0, 0, 8, 6, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8}},
		{"window update", AppendWindowUpdate(nil, 1, 65535), []byte{0, 0, 0, 4, 5, 0, 0, 0, 0, 1, 0, 0, 0xFF, 0xFF}},
		{"headers", headersFrame(t), append([]byte{0, 0, 0, 0x1C, 1, 0, 0, 0, 0, 1, 0x0A, 0x17},
			append([]byte("/warren.v1.Health/Check"), 0x10, 0xF4, 0x03)...)},
	}
	for _, c := range cases {
		if !bytes.Equal(c.got, c.want) {
			t.Errorf("%s: got % x, want % x", c.name, c.got, c.want)
		}
	}
}

func headersFrame(t *testing.T) []byte {
	payload, err := proto.Marshal(&warrenpb.CallHeaders{Method: "/warren.v1.Health/Check", TimeoutMs: 500})
	if err != nil {
		t.Fatal(err)
	}
	return Append(nil, Headers, 0, 1, payload)
}

func TestHeaderParsesBigEndian(t *testing.T) {
	h := ParseHeader([]byte{0x00, 0x01, 0x02, 0x03, 0x02, 0x01, 0x80, 0x00, 0x00, 0x05})
	if h != (Header{Length: 0x010203, Type: Message, Flags: EndStream, StreamID: 0x80000005}) {
		t.Fatalf("parsed %+v", h)
	}
}

func TestHeaderChecksFollowProtocolOrder(t *testing.T) {
	cases := []struct {
		header   Header
		valid    bool
		tooLarge bool
	}{
		{Header{Length: 16385, Type: Message, StreamID: 1}, false, true},
		{Header{Length: 16385, Type: 200}, false, true}, // unknown types count against the size too
		{Header{Length: 7, Type: Ping}, false, false},
		{Header{Length: 0, Type: Cancel, Flags: EndStream, StreamID: 1}, false, false},
		{Header{Length: 2, Type: Trailers, Flags: EndStream, StreamID: 1}, false, false},
		{Header{Length: 0, Type: Settings, Flags: Ack, StreamID: 1}, false, false},
		{Header{Length: 4, Type: Settings, Flags: Ack}, false, false},
		{Header{Length: 3, Type: Message, StreamID: 2}, false, false},
		{Header{Length: 3, Type: Message, Flags: EndStream | Compressed, StreamID: 3}, true, false},
		{Header{Length: 4, Type: WindowUpdate}, true, false},
		{Header{Length: 4, Type: WindowUpdate, StreamID: 4}, false, false},
		{Header{Length: 5, Type: 42, Flags: 0xFF, StreamID: 2}, true, false},
	}
	for _, c := range cases {
		err := c.header.Check(16384)
		var frameError *Error
		if (err == nil) != c.valid || (err != nil && (!errors.As(err, &frameError) || frameError.TooLarge != c.tooLarge)) {
			t.Errorf("%+v: got %v, want valid=%v tooLarge=%v", c.header, err, c.valid, c.tooLarge)
		}
	}
}

func TestReaderChecksHeaderBeforePayload(t *testing.T) {
	// A header announcing 1 MiB followed by nothing: refused as too large without waiting for the payload.
	reader := NewReader(bytes.NewReader([]byte{0x00, 0x10, 0x00, 0x00, 2, 0, 0, 0, 0, 1}), 16384)
	if _, _, err := reader.ReadFrame(); err == nil || !err.(*Error).TooLarge {
		t.Fatalf("got %v, want a too-large frame error", err)
	}
	truncated := NewReader(bytes.NewReader([]byte{0, 0, 0, 4, 2, 0, 0, 0, 0, 1, 0xAA}), 16384)
	if _, _, err := truncated.ReadFrame(); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("got %v, want io.ErrUnexpectedEOF", err)
	}
	frames := NewReader(bytes.NewReader(append(Append(nil, Ping, Ack, 0, make([]byte, 8)), Append(nil, 99, 0, 2, []byte("x"))...)), 16384)
	if h, payload, err := frames.ReadFrame(); err != nil || h.Type != Ping || len(payload) != 8 {
		t.Fatalf("first frame: %+v %v", h, err)
	}
	if h, payload, err := frames.ReadFrame(); err != nil || h.Type != 99 || string(payload) != "x" {
		t.Fatalf("unknown frame: %+v %v", h, err)
	}
	if _, _, err := frames.ReadFrame(); err != io.EOF {
		t.Fatalf("got %v, want io.EOF", err)
	}
}
