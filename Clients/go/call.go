package warren

import (
	"context"
	"io"
	"time"

	"google.golang.org/protobuf/proto"

	"warren.dev/warren/clients/go/internal/frame"
	"warren.dev/warren/clients/go/warrenpb"
)

// CallOption changes one call.
type CallOption func(*callSettings)

type callSettings struct {
	metadata map[string]string
}

// WithMetadata sends key: value with the call (keys are lower-case). An "authorization" entry replaces
// the client's bearer token.
func WithMetadata(key, value string) CallOption {
	return func(settings *callSettings) {
		if settings.metadata == nil {
			settings.metadata = map[string]string{}
		}
		settings.metadata[key] = value
	}
}

// Invoke makes a unary call to method ("/warren.v1.Service/Method"), decoding the response into
// response. The call's deadline is ctx's.
func (c *Client) Invoke(ctx context.Context, method string, request, response proto.Message, options ...CallOption) error {
	stream, err := c.NewServerStream(ctx, method, request, options...)
	if err != nil {
		return err
	}
	if err := stream.RecvMsg(response); err != nil {
		if err == io.EOF {
			return errorf(Internal, "%s ended OK without a response", method)
		}
		return err
	}
	if err := stream.RecvMsg(response.ProtoReflect().New().Interface()); err != io.EOF {
		if err == nil {
			err = errorf(Internal, "%s returned more than one response", method)
			stream.abort(err.(*Error))
		}
		return err
	}
	return nil
}

// NewServerStream starts a unary or server-streaming call: it sends request as the only request
// message; read the responses with RecvMsg until io.EOF.
func (c *Client) NewServerStream(ctx context.Context, method string, request proto.Message, options ...CallOption) (*Stream, error) {
	stream, err := c.NewStream(ctx, method, options...)
	if err != nil {
		return nil, err
	}
	if err := stream.send(request, true); err != nil {
		stream.abort(asError(err))
		return nil, err
	}
	return stream, nil
}

// NewStream starts a call of any shape and sends its HEADERS: send requests with SendMsg, end them with
// CloseSend, read responses with RecvMsg. The call ends when ctx does.
func (c *Client) NewStream(ctx context.Context, method string, options ...CallOption) (*Stream, error) {
	if err := ctx.Err(); err != nil {
		return nil, contextError(ctx)
	}
	timeoutMS, err := timeoutOf(ctx)
	if err != nil {
		return nil, err
	}
	var settings callSettings
	for _, option := range options {
		option(&settings)
	}
	for attempt := 0; ; attempt++ {
		connection, err := c.connection(ctx)
		if err != nil {
			return nil, err
		}
		stream, err := connection.open(ctx, method, timeoutMS, settings.metadata)
		if err == errConnectionClosing && attempt == 0 {
			continue // the connection stopped taking calls just now: one more try on a fresh one
		}
		if err != nil {
			return nil, err
		}
		go stream.watch(ctx)
		return stream, nil
	}
}

// timeoutOf is the call's timeout_ms from ctx's deadline (rounded up; 0 for none).
func timeoutOf(ctx context.Context) (uint64, error) {
	deadline, ok := ctx.Deadline()
	if !ok {
		return 0, nil
	}
	left := time.Until(deadline)
	if left <= 0 {
		return 0, errorf(DeadlineExceeded, "the deadline passed before the call started")
	}
	return uint64((left + time.Millisecond - 1) / time.Millisecond), nil
}

// errConnectionClosing is returned by open when the connection stopped taking calls.
var errConnectionClosing = errorf(Unavailable, "the connection is closing")

// open assigns the next stream id and queues the call's HEADERS, in id order.
func (c *conn) open(ctx context.Context, method string, timeoutMS uint64, metadata map[string]string) (*Stream, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err != nil || c.goingAway || c.nextID == 0 || c.retired {
		return nil, errConnectionClosing
	}
	if limit := c.settings.maxConcurrentStreams; limit != 0 && len(c.streams) >= int(limit) {
		return nil, errorf(Unavailable, "too many open calls on the connection (the server allows %d)", limit)
	}
	s := &Stream{
		conn:       c,
		ctx:        ctx,
		id:         c.nextID,
		method:     method,
		deflate:    c.deflate && c.settings.deflate,
		notify:     make(chan struct{}, 1),
		done:       make(chan struct{}),
		sendWindow: int64(c.settings.initialStreamWindow),
	}
	c.highestID = s.id
	if s.id >= 1<<32-2 {
		c.nextID = 0
	} else {
		c.nextID += 2
	}
	c.streams[s.id] = s
	headers := &warrenpb.CallHeaders{Method: method, TimeoutMs: timeoutMS, Metadata: map[string]string{}}
	if c.token != "" {
		headers.Metadata["authorization"] = "Bearer " + c.token
	}
	for key, value := range metadata {
		headers.Metadata[key] = value
	}
	if s.deflate {
		headers.MessageEncoding = "deflate"
	}
	c.queueMessageLocked(frame.Headers, 0, s.id, headers)
	return s, nil
}
