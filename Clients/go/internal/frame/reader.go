package frame

import (
	"bufio"
	"io"
)

// Reader reads frames from a byte stream, checking each header before it reads (or allocates for)
// the payload.
type Reader struct {
	r            *bufio.Reader
	maxFrameSize uint32
	header       [HeaderSize]byte
}

// NewReader reads frames from r, refusing any longer than maxFrameSize.
func NewReader(r io.Reader, maxFrameSize uint32) *Reader {
	return &Reader{r: bufio.NewReaderSize(r, 64*1024), maxFrameSize: maxFrameSize}
}

// ReadFrame returns the next frame's header and payload (a fresh slice the caller owns).
// A header that breaks a framing rule is returned as an *Error; a short read as io.ErrUnexpectedEOF.
func (r *Reader) ReadFrame() (Header, []byte, error) {
	if _, err := io.ReadFull(r.r, r.header[:]); err != nil {
		return Header{}, nil, err
	}
	h := ParseHeader(r.header[:])
	if err := h.Check(r.maxFrameSize); err != nil {
		return h, nil, err
	}
	payload := make([]byte, h.Length)
	if _, err := io.ReadFull(r.r, payload); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return h, nil, err
	}
	return h, payload, nil
}
