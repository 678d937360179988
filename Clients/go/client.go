// Package warren is a Go client for Warren's binary RPC protocol (PROTOCOL.md): one multiplexed TCP
// connection carrying concurrent unary, server-streaming and bidirectional calls, with flow control,
// deadlines from context.Context, bearer-token auth, optional deflate, and typed errors (*Error: the
// status code and the server's ErrorDetail).
//
// Every RPC of Proto/warren/v1 has a method, generated from the .proto services (methods_gen.go):
//
//	client, err := warren.Dial(ctx, warren.Options{Address: "127.0.0.1:7433"})
//	health, err := client.Health().Check(ctx, &warrenpb.HealthCheckRequest{})
//
// A Client is safe for concurrent use by many goroutines.
package warren

import (
	"context"
	"sync"
	"time"
)

// Options says how to reach and talk to the server.
type Options struct {
	// Address is "host:port", e.g. "127.0.0.1:7433".
	Address string
	// BearerToken, when not empty, is sent as "authorization: Bearer <token>" on every call (servers
	// run with --token-file require it).
	BearerToken string
	// DialTimeout bounds connecting (TCP and the SETTINGS exchange); 0 means 10 seconds.
	DialTimeout time.Duration
	// Compression asks for deflate on every call when the server offers it: requests of 1 KiB or more
	// are compressed, and so are the server's responses.
	Compression bool
}

// Client talks to one server over one connection at a time. When that connection breaks, or the server
// drains it (GOAWAY), the next call opens a new one; calls still running finish on the old one.
type Client struct {
	options Options
	mu      sync.Mutex
	current *conn
	closed  bool
}

// Dial connects to the server and exchanges SETTINGS. It fails with Unavailable when the server
// cannot be reached, and with DeadlineExceeded when ctx or DialTimeout ends first.
func Dial(ctx context.Context, options Options) (*Client, error) {
	if options.Address == "" {
		return nil, errorf(InvalidArgument, "warren.Dial: no address given")
	}
	if options.DialTimeout == 0 {
		options.DialTimeout = 10 * time.Second
	}
	c := &Client{options: options}
	if _, err := c.connection(ctx); err != nil {
		return nil, err
	}
	return c, nil
}

// Close closes the connection; calls still running end with Unavailable, later calls fail with
// Cancelled.
func (c *Client) Close() error {
	c.mu.Lock()
	current := c.current
	c.closed = true
	c.current = nil
	c.mu.Unlock()
	if current != nil {
		current.fail(errorf(Unavailable, "the client was closed"))
	}
	return nil
}

// connection returns the connection new calls go on, dialing a new one when the current one cannot
// take calls.
func (c *Client) connection(ctx context.Context) (*conn, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return nil, errorf(Cancelled, "the client is closed")
	}
	if c.current != nil && c.current.acceptsCalls() {
		return c.current, nil
	}
	if c.current != nil {
		c.current.retire()
		c.current = nil
	}
	dialContext, cancel := context.WithTimeout(ctx, c.options.DialTimeout)
	defer cancel()
	fresh, err := dialConn(dialContext, c.options.Address, c.options)
	if err != nil {
		return nil, err
	}
	c.current = fresh
	return fresh, nil
}
