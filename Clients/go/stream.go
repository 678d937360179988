package warren

import (
	"context"
	"io"

	"google.golang.org/protobuf/proto"

	"warren.dev/warren/clients/go/internal/frame"
)

// Stream is one call on a connection, of any shape. The typed wrappers (ServerStream, BidiStream,
// ClientStream) and the generated methods are built on it; use it directly for methods by path.
//
// RecvMsg may run in one goroutine while SendMsg/CloseSend run in another. The call ends when the
// server's TRAILERS arrive, when its context ends (DeadlineExceeded or Cancelled, and a CANCEL frame
// tells the server), when Cancel is called, or when the connection is lost (Unavailable). Read a stream
// to its end, Cancel it or end its context: an abandoned open stream keeps its call open on the server
// (stopped once its window is spent) and one goroutine waiting for it here.
type Stream struct {
	conn    *conn
	ctx     context.Context // the call's context: its deadline and cancellation end the call
	id      uint32
	method  string
	deflate bool // the call negotiated deflate: requests may be compressed and responses will be

	// Guarded by conn.mu.
	queue            []received
	notify           chan struct{} // a message arrived (capacity 1)
	done             chan struct{} // closed once the call is over
	over             bool
	err              error // how the call ended: nil for OK
	sendWindow       int64
	unreturnedCredit uint32
	sendClosed       bool
	responseEncoding string
}

// received is one response not yet read.
type received struct {
	compressed bool
	payload    []byte
}

// watch ends the call when its context ends first.
func (s *Stream) watch(ctx context.Context) {
	select {
	case <-ctx.Done():
		s.abort(contextError(ctx))
	case <-s.done:
	}
}

// finishLocked ends the call with err (nil: OK); dropQueue discards responses not yet read.
func (s *Stream) finishLocked(err error, dropQueue bool) {
	if s.over {
		return
	}
	s.over = true
	s.err = err
	if dropQueue {
		s.queue = nil
	}
	close(s.done)
	s.conn.forgetLocked(s)
}

// abort ends an open call with err, telling the server with CANCEL.
func (s *Stream) abort(err *Error) {
	s.conn.mu.Lock()
	defer s.conn.mu.Unlock()
	s.abortLocked(err)
}

func (s *Stream) abortLocked(err *Error) {
	if s.over {
		return
	}
	if s.conn.err == nil {
		s.conn.queueLocked(frame.Cancel, 0, s.id, nil)
	}
	s.finishLocked(err, true)
}

// receiveLocked queues a response MESSAGE.
func (s *Stream) receiveLocked(flags frame.Flags, payload []byte) {
	if s.over {
		return
	}
	compressed := flags&frame.Compressed != 0
	if compressed && s.responseEncoding != "deflate" {
		s.abortLocked(errorf(Internal, "the server sent a compressed message on a call that did not negotiate deflate"))
		return
	}
	s.queue = append(s.queue, received{compressed: compressed, payload: payload})
	select {
	case s.notify <- struct{}{}:
	default:
	}
}

// Cancel ends the call with Cancelled and sends CANCEL to the server; unread responses are dropped.
func (s *Stream) Cancel() {
	s.abort(errorf(Cancelled, "cancelled by the client"))
}

// Done is closed once the call is over.
func (s *Stream) Done() <-chan struct{} { return s.done }

// Method is the call's path, e.g. "/warren.v1.Health/Check".
func (s *Stream) Method() string { return s.method }

// RecvMsg reads the next response into m. It returns io.EOF when the server ended the call OK, and the
// call's *Error otherwise. Reading grants the server credit to send more (WINDOW_UPDATE), so a stream
// nobody reads stops the server sending on it.
func (s *Stream) RecvMsg(m proto.Message) error {
	c := s.conn
	for {
		c.mu.Lock()
		if len(s.queue) > 0 {
			next := s.queue[0]
			s.queue[0] = received{}
			s.queue = s.queue[1:]
			s.returnCreditLocked(len(next.payload))
			c.mu.Unlock()
			return s.decode(next, m)
		}
		if s.over {
			err := s.err
			c.mu.Unlock()
			if err == nil {
				return io.EOF
			}
			return err
		}
		c.mu.Unlock()
		select {
		case <-s.notify:
		case <-s.done:
		}
	}
}

// decode turns a received payload into m, ending the call with Internal (or ResourceExhausted for a
// message that inflates past the limit) when it cannot.
func (s *Stream) decode(r received, m proto.Message) error {
	payload := r.payload
	if r.compressed {
		inflated, err := inflate(payload, clientMaxFrameSize)
		if err != nil {
			s.abort(err)
			return err
		}
		payload = inflated
	}
	if err := proto.Unmarshal(payload, m); err != nil {
		e := errorf(Internal, "a response of %s does not decode as %s: %v", s.method, m.ProtoReflect().Descriptor().FullName(), err)
		s.abort(e)
		return e
	}
	return nil
}

// returnCreditLocked grants stream credit back for bytes the application read, one WINDOW_UPDATE per
// half window.
func (s *Stream) returnCreditLocked(length int) {
	if s.over {
		return
	}
	s.unreturnedCredit += uint32(length)
	if s.unreturnedCredit >= clientStreamWindow/2 {
		s.conn.queueWindowUpdateLocked(s.id, s.unreturnedCredit)
		s.unreturnedCredit = 0
	}
}

// SendMsg sends one request message. It waits while the server's flow-control windows hold no credit.
// After CloseSend, or once the call is over, it returns an error (the call's own when it is over).
func (s *Stream) SendMsg(m proto.Message) error {
	return s.send(m, false)
}

// send encodes and sends m; last sets END_STREAM (unary and server-streaming requests).
func (s *Stream) send(m proto.Message, last bool) error {
	payload, flags, err := s.encode(m)
	if err != nil {
		return err
	}
	if len(payload) > 0 {
		if err := s.conn.waitForCredit(s.ctx, s); err != nil {
			return err
		}
	}
	if last {
		flags |= frame.EndStream
	}
	c := s.conn
	c.mu.Lock()
	defer c.mu.Unlock()
	if s.sendClosed {
		return errorf(FailedPrecondition, "%s: the request side is already closed", s.method)
	}
	if s.over {
		return s.endedErrorLocked()
	}
	s.sendWindow -= int64(len(payload))
	c.sendWindow -= int64(len(payload))
	s.sendClosed = last
	c.queueLocked(frame.Message, flags, s.id, payload)
	return nil
}

// endedErrorLocked is what a send on an ended call returns.
func (s *Stream) endedErrorLocked() error {
	if s.err != nil {
		return s.err
	}
	return errorf(FailedPrecondition, "%s: the call is already over", s.method)
}

// encode marshals m, deflating it when the call negotiated deflate and it is large enough, and
// checks it against the server's limits.
func (s *Stream) encode(m proto.Message) ([]byte, frame.Flags, error) {
	payload, err := proto.Marshal(m)
	if err != nil {
		return nil, 0, errorf(InvalidArgument, "cannot encode the request: %v", err)
	}
	s.conn.mu.Lock()
	limits := s.conn.settings
	s.conn.mu.Unlock()
	if limits.maxMessageSize != 0 && len(payload) > int(limits.maxMessageSize) {
		return nil, 0, errorf(ResourceExhausted, "the request (%d bytes) is over the server's max_message_size (%d bytes)", len(payload), limits.maxMessageSize)
	}
	var flags frame.Flags
	if s.deflate && len(payload) >= compressionMinimumSize {
		payload = deflate(payload)
		flags = frame.Compressed
	}
	if len(payload) > int(limits.maxFrameSize) {
		return nil, 0, errorf(ResourceExhausted, "the request (%d bytes) is over the server's max_frame_size (%d bytes)", len(payload), limits.maxFrameSize)
	}
	return payload, flags, nil
}

// CloseSend ends the request side of a client- or bidirectional-streaming call: an empty MESSAGE
// flagged COMPRESSED | END_STREAM, which carries no message (PROTOCOL.md, DECISIONS D37).
func (s *Stream) CloseSend() error {
	c := s.conn
	c.mu.Lock()
	defer c.mu.Unlock()
	if s.sendClosed || s.over {
		return nil
	}
	s.sendClosed = true
	c.queueLocked(frame.Message, frame.Compressed|frame.EndStream, s.id, nil)
	return nil
}
