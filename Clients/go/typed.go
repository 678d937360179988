package warren

import "google.golang.org/protobuf/proto"

// ServerStream reads the responses of a server-streaming call, e.g. RuntimeEvents.Subscribe.
type ServerStream[Response proto.Message] struct {
	*Stream
	newResponse func() Response
}

// Recv returns the next response; io.EOF once the server ended the call OK, its *Error otherwise.
func (s *ServerStream[Response]) Recv() (Response, error) {
	response := s.newResponse()
	if err := s.RecvMsg(response); err != nil {
		var none Response
		return none, err
	}
	return response, nil
}

// BidiStream sends requests and reads responses of a bidirectional call, e.g. Executor.Attach.
type BidiStream[Request, Response proto.Message] struct {
	*Stream
	newResponse func() Response
}

// Send sends one request (waiting for flow-control credit).
func (s *BidiStream[Request, Response]) Send(request Request) error { return s.SendMsg(request) }

// Recv returns the next response; io.EOF once the server ended the call OK, its *Error otherwise.
func (s *BidiStream[Request, Response]) Recv() (Response, error) {
	response := s.newResponse()
	if err := s.RecvMsg(response); err != nil {
		var none Response
		return none, err
	}
	return response, nil
}

// ClientStream sends requests of a client-streaming call, then reads its one response.
type ClientStream[Request, Response proto.Message] struct {
	*Stream
	newResponse func() Response
}

// Send sends one request (waiting for flow-control credit).
func (s *ClientStream[Request, Response]) Send(request Request) error { return s.SendMsg(request) }

// CloseAndRecv ends the requests and returns the response.
func (s *ClientStream[Request, Response]) CloseAndRecv() (Response, error) {
	var none Response
	if err := s.CloseSend(); err != nil {
		return none, err
	}
	response := s.newResponse()
	if err := s.RecvMsg(response); err != nil {
		return none, err
	}
	return response, nil
}
