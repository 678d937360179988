package warren

import (
	"bytes"
	"compress/zlib"
	"io"
)

// deflate compresses a message as an RFC 1950 zlib stream (PROTOCOL.md "Message compression").
func deflate(payload []byte) []byte {
	var out bytes.Buffer
	writer := zlib.NewWriter(&out)
	writer.Write(payload) // writes into memory cannot fail
	writer.Close()
	return out.Bytes()
}

// inflate decompresses a zlib stream, refusing one that inflates past limit bytes.
func inflate(payload []byte, limit int) ([]byte, *Error) {
	reader, err := zlib.NewReader(bytes.NewReader(payload))
	if err != nil {
		return nil, errorf(Internal, "a compressed response is not a zlib stream: %v", err)
	}
	defer reader.Close()
	out, err := io.ReadAll(io.LimitReader(reader, int64(limit)+1))
	if err != nil {
		return nil, errorf(Internal, "a compressed response does not inflate: %v", err)
	}
	if len(out) > limit {
		return nil, errorf(ResourceExhausted, "a compressed response inflates past %d bytes", limit)
	}
	return out, nil
}
