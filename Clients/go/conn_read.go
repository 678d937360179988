package warren

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"google.golang.org/protobuf/proto"

	"warren.dev/warren/clients/go/internal/frame"
	"warren.dev/warren/clients/go/warrenpb"
)

// readLoop reads and dispatches frames until the connection breaks. A frame that breaks the rules
// is answered with GOAWAY and fails every call with Internal.
func (c *conn) readLoop() {
	reader := frame.NewReader(c.netConn, clientMaxFrameSize)
	first := true
	for {
		header, payload, err := reader.ReadFrame()
		if err != nil {
			c.readFailed(err)
			return
		}
		if first && header.Type != frame.Settings && header.Type != frame.GoAway {
			c.failWithGoAway(warrenpb.GoAwayCode_GO_AWAY_CODE_PROTOCOL_ERROR, "the first frame is not SETTINGS")
			return
		}
		first = false
		if violation := c.dispatch(header, payload); violation != nil {
			c.failWithGoAway(violation.code, violation.reason)
			return
		}
	}
}

// readFailed turns a read error into the connection's failure.
func (c *conn) readFailed(err error) {
	var frameError *frame.Error
	switch {
	case errors.As(err, &frameError) && frameError.TooLarge:
		c.failWithGoAway(warrenpb.GoAwayCode_GO_AWAY_CODE_FRAME_TOO_LARGE, frameError.Error())
	case errors.As(err, &frameError):
		c.failWithGoAway(warrenpb.GoAwayCode_GO_AWAY_CODE_PROTOCOL_ERROR, frameError.Error())
	case errors.Is(err, io.EOF):
		c.mu.Lock()
		why := c.goAwayText
		c.mu.Unlock()
		if why == "" {
			why = "the server closed the connection"
		}
		c.fail(errorf(Unavailable, "%s", why))
	default:
		c.fail(errorf(Unavailable, "the connection to the server was lost: %v", err))
	}
}

// violation is a frame that breaks the protocol.
type violation struct {
	code   warrenpb.GoAwayCode
	reason string
}

func protocolError(format string, arguments ...any) *violation {
	return &violation{warrenpb.GoAwayCode_GO_AWAY_CODE_PROTOCOL_ERROR, fmt.Sprintf(format, arguments...)}
}

func flowControlError(reason string) *violation {
	return &violation{warrenpb.GoAwayCode_GO_AWAY_CODE_FLOW_CONTROL_ERROR, reason}
}

func (c *conn) dispatch(h frame.Header, payload []byte) *violation {
	switch h.Type {
	case frame.Settings:
		return c.onSettings(h, payload)
	case frame.Ping:
		if h.Flags&frame.Ack == 0 {
			c.mu.Lock()
			c.queueLocked(frame.Ping, frame.Ack, 0, payload)
			c.mu.Unlock()
		}
		return nil
	case frame.GoAway:
		return c.onGoAway(payload)
	case frame.WindowUpdate:
		return c.onWindowUpdate(h.StreamID, binary.BigEndian.Uint32(payload))
	case frame.Headers, frame.Message, frame.Trailers, frame.Cancel:
		return c.onCallFrame(h, payload)
	default:
		return nil // unknown types are read and ignored
	}
}

func (c *conn) onSettings(h frame.Header, payload []byte) *violation {
	if h.Flags&frame.Ack != 0 {
		return nil
	}
	settings := &warrenpb.Settings{}
	if err := proto.Unmarshal(payload, settings); err != nil {
		return protocolError("undecodable SETTINGS: %v", err)
	}
	if settings.MaxFrameSize != 0 && settings.MaxFrameSize < frame.MinMaxFrameSize {
		return protocolError("SETTINGS max_frame_size %d is below %d", settings.MaxFrameSize, frame.MinMaxFrameSize)
	}
	if settings.InitialStreamWindow > frame.MaxWindow || settings.InitialConnectionWindow > frame.MaxWindow {
		return flowControlError("SETTINGS window above 2^31-1")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.applySettingsLocked(settings)
	c.queueLocked(frame.Settings, frame.Ack, 0, nil)
	select {
	case <-c.settingsReceived:
	default:
		close(c.settingsReceived)
	}
	return nil
}

func (c *conn) applySettingsLocked(settings *warrenpb.Settings) {
	peer := &c.settings
	if settings.MaxFrameSize != 0 {
		peer.maxFrameSize = settings.MaxFrameSize
	}
	if settings.MaxConcurrentStreams != 0 {
		peer.maxConcurrentStreams = settings.MaxConcurrentStreams
	}
	if settings.MaxMessageSize != 0 {
		peer.maxMessageSize = settings.MaxMessageSize
	}
	if settings.InitialStreamWindow != 0 {
		change := int64(settings.InitialStreamWindow) - int64(peer.initialStreamWindow)
		for _, s := range c.streams {
			s.sendWindow += change
		}
		peer.initialStreamWindow = settings.InitialStreamWindow
	}
	if settings.InitialConnectionWindow != 0 {
		c.sendWindow += int64(settings.InitialConnectionWindow) - int64(peer.initialConnWindow)
		peer.initialConnWindow = settings.InitialConnectionWindow
	}
	peer.deflate = false
	for _, encoding := range settings.SupportedEncodings {
		peer.deflate = peer.deflate || encoding == "deflate"
	}
	c.growCreditLocked()
}

func (c *conn) onGoAway(payload []byte) *violation {
	goAway := &warrenpb.GoAway{}
	if err := proto.Unmarshal(payload, goAway); err != nil {
		return protocolError("undecodable GOAWAY: %v", err)
	}
	text := fmt.Sprintf("the server is closing the connection (GOAWAY %s: %s)", goAway.Code, goAway.Message)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.goingAway = true
	for id, s := range c.streams {
		if id > goAway.LastStreamId {
			s.finishLocked(errorf(Unavailable, "the server did not process the call: %s", text), true)
		}
	}
	if c.err == nil {
		// Calls the server still finishes end normally; if it closes first, they fail with this.
		c.goAwayText = text
	}
	return nil
}

func (c *conn) onWindowUpdate(streamID uint32, increment uint32) *violation {
	if increment == 0 || increment > frame.MaxWindow {
		return protocolError("WINDOW_UPDATE increment %d out of range", increment)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	window := &c.sendWindow
	if streamID != 0 {
		s := c.streams[streamID]
		if s == nil {
			return nil // the call has ended: a race with its end
		}
		window = &s.sendWindow
	}
	if *window+int64(increment) > frame.MaxWindow {
		return flowControlError("a send window would pass 2^31-1")
	}
	*window += int64(increment)
	c.growCreditLocked()
	return nil
}

func (c *conn) onCallFrame(h frame.Header, payload []byte) *violation {
	c.mu.Lock()
	defer c.mu.Unlock()
	if h.StreamID > c.highestID {
		return protocolError("%s on stream %d, which was never opened", h.Type, h.StreamID)
	}
	if h.Type == frame.Message {
		c.returnConnectionCreditLocked(len(payload))
	}
	s := c.streams[h.StreamID]
	switch h.Type {
	case frame.Headers:
		headers := &warrenpb.ResponseHeaders{}
		if err := proto.Unmarshal(payload, headers); err != nil {
			return protocolError("undecodable response HEADERS: %v", err)
		}
		if s != nil {
			s.responseEncoding = headers.MessageEncoding
		}
	case frame.Message:
		if s != nil {
			s.receiveLocked(h.Flags, payload)
		}
	case frame.Trailers:
		status := &warrenpb.Status{}
		if err := proto.Unmarshal(payload, status); err != nil {
			return protocolError("undecodable TRAILERS: %v", err)
		}
		if s != nil {
			s.finishLocked(statusError(status), false)
		}
	case frame.Cancel:
		if s != nil {
			s.finishLocked(errorf(Cancelled, "the server cancelled the call"), true)
		}
	}
	return nil
}

// returnConnectionCreditLocked grants connection credit back for received MESSAGE bytes, one
// WINDOW_UPDATE per half window.
func (c *conn) returnConnectionCreditLocked(length int) {
	c.unreturnedCredit += uint32(length)
	if c.unreturnedCredit >= clientConnectionWindow/2 {
		c.queueWindowUpdateLocked(0, c.unreturnedCredit)
		c.unreturnedCredit = 0
	}
}
