package warren

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync"

	"google.golang.org/protobuf/proto"

	"warren.dev/warren/clients/go/internal/frame"
	"warren.dev/warren/clients/go/warrenpb"
)

// What the client announces in its SETTINGS. Stream credit is returned as the application reads
// messages; connection credit as soon as a MESSAGE is read off the socket (DECISIONS D72).
const (
	clientMaxFrameSize     = 4 << 20
	clientStreamWindow     = 1 << 20
	clientConnectionWindow = 8 << 20
	// compressionMinimumSize is the smallest request worth deflating.
	compressionMinimumSize = 1024
)

// peerSettings is what the server announced (zero fields keep the protocol's defaults).
type peerSettings struct {
	maxFrameSize         uint32
	maxConcurrentStreams uint32
	initialStreamWindow  uint32
	initialConnWindow    uint32
	maxMessageSize       uint32
	deflate              bool
}

// conn is one multiplexed connection. A reader goroutine dispatches frames to calls; a writer goroutine
// writes queued frames in order, so callers never block on the socket and stream ids reach the wire in
// the order they were assigned. Everything below mu is guarded by it.
type conn struct {
	netConn net.Conn
	token   string
	deflate bool // the client asks for deflate when the server offers it

	mu               sync.Mutex
	settings         peerSettings
	settingsReceived chan struct{}
	streams          map[uint32]*Stream
	nextID           uint32 // 0 once the ids are used up
	highestID        uint32
	sendWindow       int64
	creditChanged    chan struct{} // closed (and replaced) whenever a send window grows
	unreturnedCredit uint32        // connection credit received but not yet granted back
	goingAway        bool
	goAwayText       string        // the server's GOAWAY, for calls cut when it then closes
	err              *Error        // set once the connection is broken
	broken           chan struct{} // closed once the connection is broken
	retired          bool          // the client no longer starts calls here; close once the last one ends
	pending          []byte        // frames queued for the writer
	wakeWriter       chan struct{}
}

// dialConn connects, sends the preface and SETTINGS and waits for the server's SETTINGS.
func dialConn(ctx context.Context, address string, options Options) (*conn, error) {
	dialer := net.Dialer{}
	netConn, err := dialer.DialContext(ctx, "tcp", address)
	if err != nil {
		if ctx.Err() != nil {
			return nil, errorf(DeadlineExceeded, "cannot connect to %s in time: %v", address, err)
		}
		return nil, errorf(Unavailable, "cannot connect to %s: %v", address, err)
	}
	c := &conn{
		netConn:          netConn,
		token:            options.BearerToken,
		deflate:          options.Compression,
		settings:         peerSettings{maxFrameSize: frame.MinMaxFrameSize, initialStreamWindow: frame.DefaultWindow, initialConnWindow: frame.DefaultWindow},
		settingsReceived: make(chan struct{}),
		streams:          map[uint32]*Stream{},
		nextID:           1,
		sendWindow:       frame.DefaultWindow,
		creditChanged:    make(chan struct{}),
		broken:           make(chan struct{}),
		wakeWriter:       make(chan struct{}, 1),
	}
	ours := &warrenpb.Settings{
		MaxFrameSize:            clientMaxFrameSize,
		InitialStreamWindow:     clientStreamWindow,
		InitialConnectionWindow: clientConnectionWindow,
		ProtocolVersion:         frame.ProtocolVersion,
	}
	c.mu.Lock()
	c.pending = append(c.pending, frame.Preface[:]...)
	c.queueMessageLocked(frame.Settings, 0, 0, ours)
	c.mu.Unlock()
	go c.writeLoop()
	go c.readLoop()
	select {
	case <-c.settingsReceived:
		return c, nil
	case <-c.broken:
		return nil, c.err
	case <-ctx.Done():
		c.fail(errorf(DeadlineExceeded, "connected to %s but its SETTINGS did not arrive in time", address))
		return nil, c.err
	}
}

// queueLocked appends a frame for the writer.
func (c *conn) queueLocked(t frame.Type, flags frame.Flags, streamID uint32, payload []byte) {
	c.pending = frame.Append(c.pending, t, flags, streamID, payload)
	c.wakeWriterLocked()
}

// queueWindowUpdateLocked appends a WINDOW_UPDATE granting increment bytes on streamID.
func (c *conn) queueWindowUpdateLocked(streamID uint32, increment uint32) {
	c.pending = frame.AppendWindowUpdate(c.pending, streamID, increment)
	c.wakeWriterLocked()
}

func (c *conn) wakeWriterLocked() {
	select {
	case c.wakeWriter <- struct{}{}:
	default:
	}
}

// queueMessageLocked appends a frame whose payload is m encoded.
func (c *conn) queueMessageLocked(t frame.Type, flags frame.Flags, streamID uint32, m proto.Message) {
	payload, err := proto.Marshal(m)
	if err != nil {
		panic(fmt.Sprintf("warren: cannot encode %T: %v", m, err)) // only invalid UTF-8 could do this
	}
	c.queueLocked(t, flags, streamID, payload)
}

// writeLoop writes queued frames until the connection breaks.
func (c *conn) writeLoop() {
	for {
		select {
		case <-c.wakeWriter:
		case <-c.broken:
			return
		}
		c.mu.Lock()
		batch := c.pending
		c.pending = nil
		c.mu.Unlock()
		if len(batch) == 0 {
			continue
		}
		if _, err := c.netConn.Write(batch); err != nil {
			c.fail(errorf(Unavailable, "the connection to the server was lost: %v", err))
			return
		}
	}
}

// fail breaks the connection: every open call ends with err (or with the server's GOAWAY, when it sent
// one before closing) and the socket is closed.
func (c *conn) fail(err *Error) {
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return
	}
	c.err = err
	close(c.broken)
	for _, s := range c.streams {
		s.finishLocked(err, true)
	}
	c.mu.Unlock()
	c.netConn.Close()
}

// failWithGoAway sends GOAWAY (best effort, written directly) and breaks the connection with Internal.
func (c *conn) failWithGoAway(code warrenpb.GoAwayCode, reason string) {
	payload, _ := proto.Marshal(&warrenpb.GoAway{Code: code, Message: reason})
	c.mu.Lock()
	c.pending = frame.Append(nil, frame.GoAway, 0, 0, payload) // drop anything queued: the connection is over
	batch := c.pending
	c.mu.Unlock()
	c.netConn.Write(batch)
	c.fail(errorf(Internal, "the server broke the protocol: %s", reason))
}

// acceptsCalls says whether new calls may start here.
func (c *conn) acceptsCalls() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err == nil && !c.goingAway && c.nextID != 0 && !c.retired
}

// retire stops new calls here and closes the connection once its last call has ended.
func (c *conn) retire() {
	c.mu.Lock()
	c.retired = true
	idle := len(c.streams) == 0
	c.mu.Unlock()
	if idle {
		c.fail(errorf(Unavailable, "the connection was replaced"))
	}
}

// forgetLocked removes an ended call, closing a retired connection with no calls left.
func (c *conn) forgetLocked(s *Stream) {
	delete(c.streams, s.id)
	if c.retired && len(c.streams) == 0 && c.err == nil {
		go c.fail(errorf(Unavailable, "the connection was replaced"))
	}
}

// growCreditLocked wakes every writer waiting for send credit.
func (c *conn) growCreditLocked() {
	close(c.creditChanged)
	c.creditChanged = make(chan struct{})
}

// waitForCredit blocks until both the connection's and s's send windows are positive.
func (c *conn) waitForCredit(ctx context.Context, s *Stream) error {
	for {
		c.mu.Lock()
		if s.over {
			err := s.err
			c.mu.Unlock()
			return err
		}
		if c.sendWindow > 0 && s.sendWindow > 0 {
			c.mu.Unlock()
			return nil
		}
		changed := c.creditChanged
		c.mu.Unlock()
		select {
		case <-changed:
		case <-s.done:
		case <-ctx.Done():
			s.abort(contextError(ctx))
		}
	}
}

// contextError is the status of a call whose context ended.
func contextError(ctx context.Context) *Error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return errorf(DeadlineExceeded, "deadline exceeded")
	}
	return errorf(Cancelled, "the call's context was cancelled")
}
